package org.peierls.sim.min;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.optim.ConjugateGradient;
import org.peierls.optim.Fire;
import org.peierls.optim.Lbfgs;
import org.peierls.optim.Minimization;
import org.peierls.optim.Minimizer;
import org.peierls.optim.StopCriteria;
import org.peierls.optim.Termination;
import org.peierls.potential.Potential;
import org.peierls.potential.eam.EamPotential;
import org.peierls.sim.ForceField;
import org.peierls.testutil.LatticeConstant;
import org.peierls.testutil.SharedData;
import org.peierls.testutil.TestCrystals;

/** Relaxations with the Mishin (2001) EAM for Cu. */
class EamRelaxTest {

    private static Potential mishin() {
        return EamPotential.alloy(SharedData.lammpsPotential("Cu_mishin1.eam.alloy"));
    }

    /**
     * Relaxing a sheared, strained, rattled cell gives the lattice constant at which the energy
     * curve E(a) of the perfect crystal (sampled independently, quartic fit) has its minimum, to
     * 1e-4 Å (Mishin et al. 2001 give a₀ = 3.615 Å).
     */
    @Test
    void cellRelaxationRecoversTheEnergyCurveMinimum() {
        Potential p = mishin();
        double a0 = LatticeConstant.minimum(a -> p.compute(Lattice.fcc("Cu", a).repeat(2, 2, 2)).energy(), 3.615, 0.06, 21);
        assertEquals(3.615, a0, 1e-3);
        Structure s = Lattice.fcc("Cu", 3.55).repeat(2, 2, 2);
        double[] f = {1.01, 0.02, 0, 0.02, 0.99, -0.01, 0, -0.01, 1.0};
        Structure start = TestCrystals.rattled(s.withCellScaled(s.cell().deformed(f)), 0.05, 3);
        for (Minimizer minimizer : new Minimizer[]{new Fire(), new Lbfgs()}) {
            CellMinimizable m = CellMinimizable.zeroStress(start, new ForceField(p, 1.0));
            Minimization r = minimizer.minimize(m, StopCriteria.force(1e-6, 20000));
            assertEquals(Termination.FORCE_TOLERANCE, r.termination(), minimizer.name());
            Structure relaxed = m.structureAt(r.x());
            assertEquals(a0, Math.cbrt(4 * relaxed.cell().volume() / relaxed.size()), 1e-4, minimizer.name());
            for (double len : relaxed.cell().lengths()) {
                assertEquals(2 * a0, len, 2e-4, minimizer.name());
            }
        }
    }

    /** A rattled crystal with a vacancy relaxes to the same energy with every minimizer. */
    @Test
    void minimizersAgreeOnARattledVacancy() {
        Potential p = mishin();
        Structure perfect = Lattice.fcc("Cu", 3.615).repeat(3, 3, 3);
        boolean[] keep = new boolean[perfect.size()];
        java.util.Arrays.fill(keep, true);
        keep[13] = false;
        Structure start = TestCrystals.rattled(perfect.select(keep), 0.1, 8);
        double[] e = new double[3];
        Minimizer[] ms = {new Fire(), new ConjugateGradient(), new Lbfgs()};
        for (int k = 0; k < 3; k++) {
            AtomsMinimizable m = new AtomsMinimizable(start, new ForceField(p, 1.0));
            Minimization r = ms[k].minimize(m, StopCriteria.force(1e-5, 5000));
            assertEquals(Termination.FORCE_TOLERANCE, r.termination(), ms[k].name());
            e[k] = r.value();
        }
        // fmax 1e-5 eV/Å with stiffness ~1 eV/Å² leaves energy errors ~N·f²/k ≈ 1e-8 eV.
        assertEquals(e[2], e[0], 1e-6);
        assertEquals(e[2], e[1], 1e-6);
        // Unrelaxed vacancy formation ≈ 1.27 eV, relaxed (Mishin 2001): 1.27 eV; here E_v = E − (N−1) e_coh.
        double ecoh = p.compute(perfect).energy() / perfect.size();
        assertEquals(1.27, e[2] - (perfect.size() - 1) * ecoh, 0.03);
    }
}
