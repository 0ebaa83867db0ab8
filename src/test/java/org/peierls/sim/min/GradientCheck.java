package org.peierls.sim.min;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.peierls.optim.Minimizable;

/** Central finite-difference check of a Minimizable's gradient. */
final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * Asserts |g_k − (f(x + h e_k) − f(x − h e_k))/2h| ≤ tol for every k. Central differences
     * err by O(h²·f''') plus round-off ~1e-16·|f|/h.
     */
    static void assertGradient(Minimizable m, double[] x, double h, double tol) {
        int n = m.dimension();
        double[] g = new double[n];
        double[] scratch = new double[n];
        m.evaluate(x, g);
        double[] xp = x.clone();
        for (int k = 0; k < n; k++) {
            xp[k] = x[k] + h;
            double fp = m.evaluate(xp, scratch);
            xp[k] = x[k] - h;
            double fm = m.evaluate(xp, scratch);
            xp[k] = x[k];
            assertEquals((fp - fm) / (2 * h), g[k], tol, "gradient component " + k);
        }
    }
}
