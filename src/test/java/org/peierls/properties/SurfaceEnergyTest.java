package org.peierls.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.defects.Slab;
import org.peierls.potential.Potential;

/** Relaxed surface energies against LAMMPS on the same slabs. */
class SurfaceEnergyTest {

    /**
     * γ(hkl) of Cu (Mishin) and Fe (Mendelev), ≥ 10 Å slabs with 10 Å vacuum: ours against LAMMPS's
     * cg minimization of the same slab, both with LAMMPS's bulk energy per atom; 1 mJ/m² (both
     * relax to ≲ 10⁻⁴ eV/Å; 1 mJ/m² is ~2 meV on these areas). Also Mishin's published (111)
     * 1239 mJ/m² (PRB 63 (2001) 224106, Table III) to 10 mJ/m² (slab thickness).
     */
    @Test
    void surfaceEnergiesAgreeWithLammps() throws Exception {
        Object[][] cases = {
            {Potentials.mishinCu(), "Cu", LatticeType.FCC, "eam/alloy", "Cu_mishin1.eam.alloy", List.of("100", "110", "111")},
            {Potentials.mendelevFe(), "Fe", LatticeType.BCC, "eam/fs", "Fe_mm.eam.fs", List.of("100", "110", "111", "112")},
        };
        for (Object[] c : cases) {
            ReferenceCrystal crystal = PointDefectEnergiesTest.crystal((Potential) c[0], (String) c[1], (LatticeType) c[2]);
            @SuppressWarnings("unchecked")
            List<String> planes = (List<String>) c[5];
            SurfaceEnergy.Options o = new SurfaceEnergy.Options(planes, 10.0, 10.0, PointDefectEnergiesTest.TIGHT);
            SurfaceEnergy.Result ours = SurfaceEnergy.compute(crystal, o);
            Structure perfect = crystal.supercell(2);
            double bulk = LammpsMinimizer.energy(perfect, (String) c[3], (String) c[4], (String) c[1], LammpsMinimizer.Mode.NONE)
                    / perfect.size();
            for (SurfaceEnergy.Entry e : ours.entries()) {
                assertTrue(e.converged(), e.plane());
                Slab slab = SurfaceEnergy.slabs(crystal, e.plane(), o).get(0);
                double es = LammpsMinimizer.energy(slab.structure(), (String) c[3], (String) c[4], (String) c[1], LammpsMinimizer.Mode.ATOMS);
                double lammps = (es - slab.structure().size() * bulk) / (2 * slab.area()) / Units.J_PER_M2_TO_EV_PER_A2;
                System.out.printf("%s (%s): ours %.2f mJ/m², LAMMPS %.2f mJ/m² (%d atoms)%n", c[1], e.plane(), 1e3 * e.energyJm2(),
                        1e3 * lammps, e.atoms());
                assertEquals(lammps, e.energyJm2(), 1e-3, c[1] + " (" + e.plane() + ")");
            }
            if (c[1].equals("Cu")) {
                assertEquals(1.239, ours.energies().get("111"), 0.010);
            }
        }
    }
}
