package org.peierls.sim.min;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.peierls.atoms.Cell;
import org.peierls.atoms.MoveMask;
import org.peierls.atoms.Structure;
import org.peierls.optim.ConjugateGradient;
import org.peierls.optim.Fire;
import org.peierls.optim.Lbfgs;
import org.peierls.optim.Minimization;
import org.peierls.optim.Minimizer;
import org.peierls.optim.StopCriteria;
import org.peierls.optim.Termination;
import org.peierls.sim.ForceField;
import org.peierls.testutil.MorsePotential;
import org.peierls.testutil.TestCrystals;

class AtomsMinimizableTest {

    static final double A = 3.6;
    final ForceField morse = new ForceField(MorsePotential.copper(), 0.5);

    private static Structure triclinicRattled() {
        Structure s = TestCrystals.fcc(29, A, 2, 2, 2);
        double[] f = {1.02, 0.03, -0.02, 0.01, 0.97, 0.04, 0.0, -0.03, 1.01};
        Structure t = s.withCellScaled(s.cell().deformed(f));
        return TestCrystals.rattled(t, 0.1, 7);
    }

    @Test
    void gradientIsMinusTheForceAndMatchesFiniteDifferences() {
        Structure s = triclinicRattled();
        AtomsMinimizable m = new AtomsMinimizable(s, morse, DofMask.freezing(s.size(), 0, 5));
        assertEquals(3 * (s.size() - 2), m.dimension());
        // h = 1e-5 Å: truncation ~h²·φ''' ≈ 1e-10, round-off ~1e-16·|E|/h ≈ 1e-9 eV/Å (|E| ≈ 100 eV).
        double[] x = m.start();
        GradientCheck.assertGradient(m, x, 1e-5, 1e-7);
    }

    /** Rattled fcc relaxes back onto the perfect lattice (up to a rigid translation) with every minimizer. */
    @Test
    void rattledCrystalReturnsToThePerfectLattice() {
        Structure perfect = TestCrystals.fcc(29, A, 3, 3, 3);
        Structure rattled = TestCrystals.rattled(perfect, 0.15, 11);
        for (Minimizer minimizer : new Minimizer[]{new Fire(), new ConjugateGradient(), new Lbfgs()}) {
            AtomsMinimizable m = new AtomsMinimizable(rattled, morse);
            Minimization r = minimizer.minimize(m, StopCriteria.force(1e-6, 5000));
            assertEquals(Termination.FORCE_TOLERANCE, r.termination(), minimizer.name());
            double[] x = m.positionsAt(r.x());
            double[] x0 = perfect.positions();
            int n = perfect.size();
            double[] shift = new double[3];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    shift[k] += (x[3 * i + k] - x0[3 * i + k]) / n;
                }
            }
            // fmax 1e-6 eV/Å with lattice stiffness ~1 eV/Å² leaves ~1e-6 Å errors: checked at 1e-5 Å.
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(x0[3 * i + k] + shift[k], x[3 * i + k], 1e-5, minimizer.name() + " atom " + i);
                }
            }
            // The energy of the perfect lattice at this a, independently.
            double e0 = morse.potential().compute(perfect).energy();
            assertEquals(e0, r.value(), 1e-9, minimizer.name());
        }
    }

    @Test
    void frozenAtomsAndFrozenComponentsStayPut() {
        Structure rattled = TestCrystals.rattled(TestCrystals.fcc(29, A, 2, 2, 2), 0.1, 3);
        int n = rattled.size();
        // Atoms 0..3 frozen; the others may move only along z (a stacking-fault style mask).
        DofMask mask = DofMask.freezing(n, 0, 1, 2, 3).and(DofMask.onlyComponent(n, 2));
        AtomsMinimizable m = new AtomsMinimizable(rattled, morse, mask);
        Minimization r = new Lbfgs().minimize(m, StopCriteria.force(1e-6, 2000));
        assertTrue(r.converged());
        double[] before = rattled.positions();
        double[] after = m.positionsAt(r.x());
        double[] f = m.lastResults().forces();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                if (i < 4 || k < 2) {
                    assertEquals(before[3 * i + k], after[3 * i + k], 0.0, "atom " + i + " component " + k);
                } else {
                    assertEquals(0.0, f[3 * i + k], 1e-6, "free force component of atom " + i);
                }
            }
        }
    }

    @Test
    void moveMaskArrayOfTheStructureIsHonoured() {
        Structure s = TestCrystals.fcc(29, A, 2, 2, 2);
        boolean[] free = new boolean[s.size()];
        java.util.Arrays.fill(free, true);
        free[3] = false;
        Structure masked = s.withArray(MoveMask.ARRAY, free);
        assertEquals(3 * (s.size() - 1), new AtomsMinimizable(masked, morse).dimension());
    }

    @Test
    void differenceIsMinimumImage() {
        Structure s = Structure.builder(Cell.orthorhombic(10, 10, 10)).add(29, 0.5, 5, 5).build();
        AtomsMinimizable m = new AtomsMinimizable(s, morse);
        double[] out = new double[3];
        m.difference(new double[]{0.5, 5, 5}, new double[]{9.7, 5, 5.2}, out);
        assertEquals(-0.8, out[0], 1e-12);
        assertEquals(0.2, out[2], 1e-12);
    }
}
