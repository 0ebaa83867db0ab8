package org.peierls.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LbfgsTest extends MinimizerContract {
    @Override
    Minimizer minimizer() {
        return new Lbfgs();
    }

    @Test
    void solvesTheHundredDimensionalRosenbrock() {
        // L-BFGS solves the extended Rosenbrock in a few hundred iterations (Liu & Nocedal 1989).
        Minimization m = minimizer().minimize(AnalyticFunctions.rosenbrock(100), StopCriteria.force(1e-8, 2000));
        assertTrue(m.converged(), m.termination() + " after " + m.iterations());
        for (double v : m.x()) {
            assertEquals(1.0, v, 1e-6);
        }
    }
}
