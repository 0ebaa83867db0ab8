package org.peierls.defects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;

/**
 * The builders' cells, relaxed by LAMMPS with Mishin's Cu EAM (Cu_mishin1.eam.alloy, Mishin et
 * al., PRB 63 (2001) 224106), reproduce the defect energies published for that potential
 * (its Table III): vacancy formation 1.27 eV, intrinsic stacking fault 44.4 mJ/m², coherent twin
 * 22.2 mJ/m², surfaces (111) 1239, (100) 1345, (110) 1475 mJ/m² — evidence that the cells are the
 * right defects with the right areas and atom counts, and that the z-only mask of the stacking
 * fault (LAMMPS fix setforce 0 0 NULL) is the usual GSF relaxation.
 *
 * <p>Tolerances: 0.02 eV for the vacancy (256-atom cell at fixed volume), 2 mJ/m² for the
 * faults and 10 mJ/m² for the surfaces (slab thickness, rounding of the published values).
 * Skipped locally without lmp, fails in CI.</p>
 */
class LammpsDefectEnergiesTest {

    static final double A = 3.615;
    static final String POT = "Cu_mishin1.eam.alloy";
    static final double EV_A2_TO_MJ_M2 = 16021.766;

    static double bulkPerAtom() throws Exception {
        Structure bulk = Lattice.fcc("Cu", A).repeat(3, 3, 3);
        return LammpsRunner.energy(bulk, POT, "Cu", LammpsRunner.Relax.NONE) / bulk.size();
    }

    @Test
    void vacancyFormationEnergy() throws Exception {
        double e0 = bulkPerAtom();
        assertEquals(-3.54, e0, 1e-3, "Mishin Cu cohesive energy");
        PointDefect v = PointDefects.vacancy(PointDefects.supercell(LatticeType.FCC, "Cu", A, 4));
        double e = LammpsRunner.energy(v.structure(), POT, "Cu", LammpsRunner.Relax.ALL);
        assertEquals(1.27, e - v.structure().size() * e0, 0.02);
    }

    @Test
    void stackingFaultAndTwinEnergies() throws Exception {
        Gsf gsf = Gsf.builder(LatticeType.FCC, "Cu", A, "111", "112");
        StackingFault zero = gsf.at(0, 0);
        double e0 = LammpsRunner.energy(zero.structure(), POT, "Cu", LammpsRunner.Relax.NONE);
        StackingFault isf = gsf.at(1.0 / 3, 0);
        double e = LammpsRunner.energy(isf.structure(), POT, "Cu", LammpsRunner.Relax.Z_ONLY);
        assertEquals(44.4, (e - e0) / isf.area() * EV_A2_TO_MJ_M2, 2.0, "intrinsic stacking fault");

        GrainBoundary twin = TiltGrainBoundary.symmetric(LatticeType.FCC, "Cu", A, "[1-10]", "(111)").build();
        Structure t = twin.structure();
        double et = LammpsRunner.energy(t, POT, "Cu", LammpsRunner.Relax.ALL);
        double perAtom = e0 / zero.structure().size();
        assertEquals(22.2, (et - t.size() * perAtom) / (twin.boundaries() * twin.area()) * EV_A2_TO_MJ_M2, 2.0, "coherent twin");
    }

    @Test
    void surfaceEnergies() throws Exception {
        double e0 = bulkPerAtom();
        Object[][] cases = {{new int[]{1, 1, 1}, 1239.0}, {new int[]{1, 0, 0}, 1345.0}, {new int[]{1, 1, 0}, 1475.0}};
        for (Object[] c : cases) {
            Slab slab = Surface.cubicWithThickness(LatticeType.FCC, new String[]{"Cu"}, A, (int[]) c[0], 18.0, 15.0);
            Structure s = slab.structure();
            double e = LammpsRunner.energy(s, POT, "Cu", LammpsRunner.Relax.ALL);
            double gamma = (e - s.size() * e0) / (2 * slab.area()) * EV_A2_TO_MJ_M2;
            assertEquals((double) c[1], gamma, 10.0, java.util.Arrays.toString((int[]) c[0]));
        }
    }
}
