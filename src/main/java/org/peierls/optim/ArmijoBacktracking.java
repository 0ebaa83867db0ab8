package org.peierls.optim;

/**
 * A backtracking line search for sufficient decrease alone (the Armijo condition, Nocedal &amp;
 * Wright, Numerical Optimization, 2nd ed., eq. 3.4 and Algorithm 3.1): along φ(α) = f(x + α d) a
 * trial α is accepted when
 * <pre>
 *   φ(α) ≤ φ(0) + c₁ α φ'(0)
 * </pre>
 * and otherwise replaced by the minimiser of the quadratic through φ(0), φ'(0) and φ(α) (eq. 3.57),
 * kept within [0.1 α, 0.5 α], so that each trial shrinks the step by 50–90 %. A trial whose value or
 * gradient is not finite fails and shrinks the step tenfold. Cheaper than {@link WolfeLineSearch}
 * (no curvature condition) for quasi-Newton methods whose full step is usually accepted; the
 * caller then skips curvature pairs with s·y ≤ 0.
 */
final class ArmijoBacktracking {

    private final double c1;
    private final int maxTrials;

    /** Outcome: {@code alpha} (0 when no trial was accepted), the value there and the evaluations used. */
    record Result(double alpha, double value, int evaluations) {
    }

    ArmijoBacktracking(double c1, int maxTrials) {
        if (!(0 < c1 && c1 < 1) || maxTrials < 1) {
            throw new IllegalArgumentException("backtracking needs 0 < c1 < 1 and at least one trial");
        }
        this.c1 = c1;
        this.maxTrials = maxTrials;
    }

    /**
     * Searches along {@code d} from {@code x}. On return with {@code alpha > 0}, {@code xOut} and
     * {@code gOut} hold the accepted point and its gradient; with {@code alpha == 0} their content
     * is undefined.
     *
     * @param f0     value at x
     * @param d      a descent direction
     * @param slope  φ'(0) = g·d (&lt; 0)
     * @param alpha0 first trial step (&gt; 0)
     */
    Result search(Minimizable f, double[] x, double f0, double[] d, double slope, double alpha0,
                  double[] xOut, double[] gOut) {
        int n = x.length;
        double alpha = alpha0;
        for (int trial = 0; trial < maxTrials; trial++) {
            for (int k = 0; k < n; k++) {
                xOut[k] = x[k] + alpha * d[k];
            }
            double ft = f.evaluate(xOut, gOut);
            if (Double.isFinite(ft) && Vectors.finite(gOut) && ft <= f0 + c1 * alpha * slope) {
                return new Result(alpha, ft, trial + 1);
            }
            double next = 0.1 * alpha;
            if (Double.isFinite(ft)) {
                // minimiser of the quadratic through φ(0), φ'(0) and φ(alpha)
                double q = -slope * alpha * alpha / (2 * (ft - f0 - slope * alpha));
                if (q > 0.1 * alpha) {
                    next = Math.min(q, 0.5 * alpha);
                }
            }
            alpha = next;
        }
        return new Result(0, f0, maxTrials);
    }
}
