package org.peierls.sim.min;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.peierls.atoms.Structure;
import org.peierls.optim.ConjugateGradient;
import org.peierls.optim.Fire;
import org.peierls.optim.Lbfgs;
import org.peierls.optim.Minimization;
import org.peierls.optim.Minimizer;
import org.peierls.optim.StopCriteria;
import org.peierls.optim.Termination;
import org.peierls.potential.Results;
import org.peierls.sim.ForceField;
import org.peierls.testutil.LatticeConstant;
import org.peierls.testutil.MorsePotential;
import org.peierls.testutil.TestCrystals;

class CellMinimizableTest {

    final MorsePotential potential = MorsePotential.copper();
    final ForceField morse = new ForceField(potential, 0.5);
    static final boolean[] ALL = {true, true, true, true, true, true};

    private static Structure triclinicRattled() {
        Structure s = TestCrystals.fcc(29, 3.6, 2, 2, 2);
        double[] f = {1.02, 0.03, -0.02, 0.03, 0.97, 0.04, -0.02, 0.04, 1.01};
        return TestCrystals.rattled(s.withCellScaled(s.cell().deformed(f)), 0.08, 5);
    }

    @Test
    void gradientMatchesFiniteDifferencesWithTargetStressAndMask() {
        Structure s = triclinicRattled();
        double[] target = {0.01, -0.004, 0.02, 0.003, -0.002, 0.005};   // eV/Å³ (≈ 1.6, −0.6, 3.2, … GPa)
        boolean[] mask = {true, false, true, true, true, true};
        CellMinimizable m = new CellMinimizable(s, morse, DofMask.freezing(s.size(), 2), mask, target, s.size());
        double[] x = m.start();
        // Move away from the reference (F ≠ I) so that the F⁻ᵀ factors matter.
        x[x.length - 5] += 0.02 * s.size();
        x[x.length - 1] -= 0.01 * s.size();
        x[x.length - 2] += 0.015 * s.size();
        // h = 1e-5 in DOF units; cell DOFs are N·strain, so strains move by 3e-7. Round-off
        // ~1e-16·|G|/h ≈ 1e-9; truncation ≈ h²·G''' ≪ 1e-8.
        GradientCheck.assertGradient(m, x, 1e-5, 2e-7);
    }

    /** The lattice constant of a relaxed, initially sheared and strained cell is the minimum of E(a). */
    @Test
    void cellRelaxationRecoversTheMinimumOfTheEnergyCurve() {
        double a0 = LatticeConstant.minimum(a -> potential.compute(TestCrystals.fcc(29, a, 2, 2, 2)).energy(), 3.6, 0.08, 21);
        Structure start = triclinicRattled();
        for (Minimizer minimizer : new Minimizer[]{new Fire(), new ConjugateGradient(), new Lbfgs()}) {
            CellMinimizable m = CellMinimizable.zeroStress(start, morse);
            Minimization r = minimizer.minimize(m, StopCriteria.force(1e-6, 20000));
            assertEquals(Termination.FORCE_TOLERANCE, r.termination(), minimizer.name());
            Structure relaxed = m.structureAt(r.x());
            double[] len = relaxed.cell().lengths();
            double[] ang = relaxed.cell().angles();
            for (int k = 0; k < 3; k++) {
                // fmax 1e-6 eV ↔ |σ| ≲ 1e-7 eV/Å³ ≈ 2e-5 GPa, strain ~1e-7: far below 1e-4 Å.
                assertEquals(2 * a0, len[k], 2e-4, minimizer.name() + " |a_" + k + "| / 2 vs E(a) minimum " + a0);
                assertEquals(90.0, ang[k], 1e-3, minimizer.name() + " angle " + k);
            }
            double a = Math.cbrt(4 * relaxed.cell().volume() / relaxed.size());
            assertEquals(a0, a, 1e-4, minimizer.name());
            Results res = potential.compute(relaxed);
            for (double sv : res.stressGpa()) {
                assertEquals(0.0, sv, 1e-3, minimizer.name() + " residual stress (GPa)");
            }
        }
    }

    @Test
    void hydrostaticTargetGivesThatPressure() {
        Structure s = TestCrystals.fcc(29, 3.6, 2, 2, 2);
        double p = 2.0 / org.peierls.atoms.Units.EV_PER_A3_TO_GPA;   // 2 GPa
        CellMinimizable m = new CellMinimizable(s, morse, DofMask.all(s.size()), ALL, new double[]{-p, -p, -p, 0, 0, 0}, s.size());
        Minimization r = new Lbfgs().minimize(m, StopCriteria.force(1e-7, 2000));
        assertTrue(r.converged());
        double[] stress = potential.compute(m.structureAt(r.x())).stressGpa();
        for (int k = 0; k < 3; k++) {
            assertEquals(-2.0, stress[k], 1e-4);
            assertEquals(0.0, stress[k + 3], 1e-4);
        }
    }

    /** Only σzz free (uniaxial): zz relaxes to its target, the other cell components keep their strain. */
    @Test
    void maskedCellRelaxesOnlyTheFreeComponent() {
        Structure s = TestCrystals.fcc(29, 3.58, 2, 2, 2);
        double target = 0.5 / org.peierls.atoms.Units.EV_PER_A3_TO_GPA;   // 0.5 GPa tensile
        boolean[] onlyZz = {false, false, true, false, false, false};
        CellMinimizable m = new CellMinimizable(s, morse, DofMask.all(s.size()), onlyZz, new double[]{0, 0, target, 0, 0, 0}, s.size());
        assertEquals(3 * s.size() + 1, m.dimension());
        Minimization r = new ConjugateGradient().minimize(m, StopCriteria.force(1e-7, 2000));
        assertTrue(r.converged(), r.termination().toString());
        Structure relaxed = m.structureAt(r.x());
        double[] stress = potential.compute(relaxed).stressGpa();
        assertEquals(0.5, stress[2], 1e-4);
        assertEquals(s.cell().get(0, 0), relaxed.cell().get(0, 0), 1e-12);
        assertEquals(s.cell().get(1, 1), relaxed.cell().get(1, 1), 1e-12);
        assertTrue(relaxed.cell().get(2, 2) != s.cell().get(2, 2));
    }
}
