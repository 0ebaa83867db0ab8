#!/usr/bin/python3
"""(Debian's python3 with python3-ase; use your own interpreter's path where ASE is installed elsewhere.)
A peierls label oracle through ASE:  peierls label --oracle command:docs/examples/ase_oracle.py ...

Peierls runs `SCRIPT in.extxyz out.extxyz` in a scratch folder. Read the structure, attach any ASE
calculator (here EMT, built into ASE; swap in Vasp, Espresso, GPAW, ...), and write energy, forces
and, for periodic cells, stress back as extended XYZ.
"""
import sys
from ase.io import read, write
from ase.calculators.emt import EMT

atoms = read(sys.argv[1])
atoms.calc = EMT()
atoms.get_potential_energy()
atoms.get_forces()
if atoms.pbc.all():
    atoms.get_stress()
write(sys.argv[2], atoms, format="extxyz")
