package org.peierls.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Checks every minimizer inherits: analytic functions with known minima, the stop criteria and
 * the reported termination.
 */
abstract class MinimizerContract {

    abstract Minimizer minimizer();

    /** Iteration budget for the 2-D Rosenbrock valley. */
    int rosenbrockBudget() {
        return 2000;
    }

    @Test
    void findsTheRosenbrockMinimum() {
        // |∇f| ≤ 1e-8 at the minimum (1,1), where the Hessian's smallest eigenvalue is ≈ 0.4,
        // so |x − 1| ≲ 1e-8/0.4 ≈ 3e-8: checked at 1e-6.
        Minimization m = minimizer().minimize(AnalyticFunctions.rosenbrock(2), StopCriteria.force(1e-8, rosenbrockBudget()));
        assertEquals(Termination.FORCE_TOLERANCE, m.termination(), "termination after " + m.iterations());
        assertEquals(1.0, m.x()[0], 1e-6);
        assertEquals(1.0, m.x()[1], 1e-6);
        assertEquals(0.0, m.value(), 1e-12);
    }

    @Test
    void findsTheMinimumOfAnIllConditionedBowl() {
        int n = 12;
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = Math.sin(1.3 * i) + 0.5;
        }
        // Condition number 100, smallest eigenvalue 1: |x − c| ≤ |g| = 1e-9·√n.
        Minimization m = minimizer().minimize(AnalyticFunctions.bowl(n, 100, c, -3.0), StopCriteria.force(1e-9, 5000));
        assertTrue(m.converged(), m.termination().toString());
        for (int i = 0; i < n; i++) {
            assertEquals(c[i], m.x()[i], 1e-8);
        }
        assertEquals(-3.0, m.value(), 1e-14 + 1e-12);
    }

    @Test
    void stopsAtTheIterationLimitAndSaysSo() {
        Minimization m = minimizer().minimize(AnalyticFunctions.rosenbrock(2), StopCriteria.force(1e-12, 5));
        assertEquals(Termination.MAX_ITERATIONS, m.termination());
        assertEquals(5, m.iterations());
        assertFalse(m.converged());
    }

    @Test
    void stopsOnEnergyChange() {
        // A loose energy tolerance ends the Rosenbrock run before the force criterion does.
        Minimization m = minimizer().minimize(AnalyticFunctions.rosenbrock(2), new StopCriteria(1e-12, 1e-3, 10000));
        assertEquals(Termination.ENERGY_TOLERANCE, m.termination());
        assertTrue(m.converged());
    }

    @Test
    void alreadyConvergedStartIsZeroIterations() {
        Minimization m = minimizer().minimize(AnalyticFunctions.bowl(3, 2, new double[3], 1.0), StopCriteria.force(1e-6, 10));
        assertEquals(0, m.iterations());
        assertEquals(Termination.FORCE_TOLERANCE, m.termination());
    }

    @Test
    void listenerCanStopTheRun() {
        Minimization m = minimizer().minimize(AnalyticFunctions.rosenbrock(2), StopCriteria.force(1e-12, 1000),
                (it, v, f, x) -> it < 3);
        assertEquals(Termination.STOPPED, m.termination());
        assertEquals(3, m.iterations());
    }

    @Test
    void listenerSeesTheStartAndCanStopThere() {
        Minimizable f = AnalyticFunctions.rosenbrock(2);
        double[] g = new double[2];
        double f0 = f.evaluate(f.start(), g);
        double[] seen = new double[2];
        Minimization m = minimizer().minimize(f, StopCriteria.force(1e-12, 1000), new Minimizer.Listener() {
            @Override
            public boolean iteration(int iteration, double value, double forceNorm, double[] x) {
                return true;
            }

            @Override
            public boolean start(double value, double forceNorm, double[] x) {
                seen[0]++;
                seen[1] = value;
                return false;
            }
        });
        assertEquals(Termination.STOPPED, m.termination());
        assertEquals(0, m.iterations());
        assertEquals(1, seen[0]);
        assertEquals(f0, seen[1]);
        assertEquals(f0, m.value());
    }
}
