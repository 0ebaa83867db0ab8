package org.peierls.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConjugateGradientTest extends MinimizerContract {
    @Override
    Minimizer minimizer() {
        return new ConjugateGradient();
    }

    @Test
    void wrongGradientEndsInALineSearchFailure() {
        // The gradient of −f: every "descent" direction goes uphill, no step can be accepted.
        Minimizable bowl = AnalyticFunctions.bowl(4, 10, new double[]{1, 2, 3, 4}, 0);
        Minimizable wrong = new Minimizable() {
            public int dimension() {
                return 4;
            }

            public double[] start() {
                return bowl.start();
            }

            public double evaluate(double[] x, double[] g) {
                double f = bowl.evaluate(x, g);
                for (int k = 0; k < 4; k++) {
                    g[k] = -g[k];
                }
                return f;
            }
        };
        assertEquals(Termination.LINE_SEARCH_FAILED, minimizer().minimize(wrong, StopCriteria.force(1e-6, 100)).termination());
    }

    @Test
    void refusesANonConservativeProblem() {
        Minimizable band = new Minimizable() {
            public int dimension() {
                return 1;
            }

            public double[] start() {
                return new double[1];
            }

            public double evaluate(double[] x, double[] g) {
                g[0] = x[0] - 1;
                return 0;
            }

            public boolean conservative() {
                return false;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> minimizer().minimize(band, StopCriteria.force(1e-6, 10)));
    }
}
