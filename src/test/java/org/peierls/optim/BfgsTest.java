package org.peierls.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BfgsTest extends MinimizerContract {
    @Override
    Minimizer minimizer() {
        return new Bfgs();
    }

    @Test
    void minimisesTheRosenbrockFunctionInFewIterations() {
        // a classic non-convex test: minimum 0 at (1, 1); BFGS with a line search reaches it to 1e-8
        Minimization m = new Bfgs(0.1, 1.0).minimize(AnalyticFunctions.rosenbrock(2), StopCriteria.force(1e-10, 500));
        assertEquals(1.0, m.x()[0], 1e-6);
        assertEquals(1.0, m.x()[1], 1e-6);
        assertTrue(m.iterations() < 100, m.iterations() + " iterations");
    }

    @Test
    void nonFiniteTrialPointsShortenTheStep() {
        // (x − 1)⁴, undefined beyond x = 1.2: the first trial (x = 2) is NaN and must only shrink the step
        Minimizable f = oneDimensional(x -> x > 1.2 ? Double.NaN : Math.pow(x - 1, 4), x -> 4 * Math.pow(x - 1, 3));
        Minimization m = new Bfgs(2.0, 2.0).minimize(f, StopCriteria.force(1e-8, 200));
        assertEquals(Termination.FORCE_TOLERANCE, m.termination(), m.iterations() + " iterations");
        assertEquals(1.0, m.x()[0], 1e-2);
    }

    @Test
    void aNonFiniteStartIsAnError() {
        Minimizable f = oneDimensional(x -> Double.NaN, x -> 0);
        assertThrows(IllegalStateException.class, () -> new Bfgs().minimize(f, StopCriteria.force(1e-8, 10)));
    }

    @Test
    void wrongGradientEndsInALineSearchFailure() {
        // the gradient of −f: every "descent" direction goes uphill; only steps so short that the value
        // rounds to f(0) = 1 pass the Armijo test, until even those fail along steepest descent
        Minimizable f = oneDimensional(x -> (x - 1) * (x - 1), x -> -2 * (x - 1));
        Minimization m = new Bfgs().minimize(f, StopCriteria.force(1e-6, 100));
        assertEquals(Termination.LINE_SEARCH_FAILED, m.termination());
        assertEquals(1.0, m.value(), 1e-15);
    }

    private static Minimizable oneDimensional(java.util.function.DoubleUnaryOperator value,
                                              java.util.function.DoubleUnaryOperator derivative) {
        return new Minimizable() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double[] start() {
                return new double[1];
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                gradient[0] = derivative.applyAsDouble(x[0]);
                return value.applyAsDouble(x[0]);
            }
        };
    }
}
