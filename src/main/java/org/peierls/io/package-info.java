/**
 * Structure file formats behind the {@link org.peierls.io.Formats} registry: extended XYZ (ASE
 * conventions), VASP POSCAR/CONTCAR, LAMMPS data and dump files (read and write), and the mlearn
 * and FitSNAP JSON training sets (read only). Every reader returns {@link org.peierls.atoms.Frame}s
 * (structure, reference labels in eV, eV/Å and eV/Å³ tensile-positive stress, group) and reports
 * malformed input as one {@link org.peierls.util.InputException} line naming the file and line;
 * every writer replaces its file atomically ({@link org.peierls.io.AtomicWrite}).
 */
package org.peierls.io;
