package org.peierls.fit;

/**
 * Dense BFGS for the small non-linear parameter sets of a fit (tens to a few hundred unknowns,
 * e.g. the radial coefficients of an MTP): the inverse-Hessian update of Nocedal &amp; Wright,
 * Numerical Optimization (2nd ed.), eq. 6.17, with the first matrix scaled by s·y/y·y (eq. 6.20),
 * on a backtracking Armijo line search (sufficient decrease c₁ = 10⁻⁴, quadratic interpolation,
 * steps shrunk 10…50 % at a time). Pairs with too little curvature (s·y ≤ 10⁻¹⁰|s||y|) are not
 * used, so the matrix stays positive definite; a search direction that does not descend resets it.
 * Non-finite values at trial points count as failed trials (the step shrinks). Deterministic.
 *
 * <p>Lives in the fit package (not {@code sim.min}, whose minimizers work on atoms) because the
 * fit may not depend on the simulation layer.</p>
 */
final class Bfgs {

    /** The objective: value at x and, into {@code gradient}, its gradient. */
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    /** Called at the start (iteration 0) and after every accepted step; return false to stop. */
    interface Listener {
        boolean iteration(int iteration, double value, double[] x, double[] gradient);
    }

    /** Why the minimisation stopped. */
    enum Stop {
        /** the listener asked to stop (converged by its criterion) */
        LISTENER("converged"),
        /** the gradient vanished */
        GRADIENT("gradient below tolerance"),
        /** the iteration limit */
        MAX_ITERATIONS("iteration limit reached"),
        /** no step along the search direction (or steepest descent) lowered the value */
        LINE_SEARCH("no further decrease found by the line search");

        final String description;

        Stop(String description) {
            this.description = description;
        }
    }

    /**
     * The outcome.
     *
     * @param x           the best point
     * @param value       the value there
     * @param iterations  accepted steps
     * @param evaluations objective evaluations
     * @param stop        why it stopped
     */
    record Result(double[] x, double value, int iterations, int evaluations, Stop stop) {
    }

    private final double firstStep;
    private final double maxStep;

    /**
     * @param firstStep largest |Δx_k| of the first (steepest-descent) trial step
     * @param maxStep   largest |Δx_k| of any trial step
     */
    Bfgs(double firstStep, double maxStep) {
        if (!(firstStep > 0) || !(maxStep >= firstStep)) {
            throw new IllegalArgumentException("BFGS needs 0 < firstStep ≤ maxStep");
        }
        this.firstStep = firstStep;
        this.maxStep = maxStep;
    }

    /**
     * Minimises from {@code x0}.
     *
     * @throws IllegalStateException when the value or gradient at {@code x0} is not finite
     */
    Result minimize(Objective f, double[] x0, int maxIterations, double gradientTolerance, Listener listener) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx) || !finite(g)) {
            throw new IllegalStateException("the objective is not finite at the starting point (value " + fx + ")");
        }
        if (!listener.iteration(0, fx, x, g)) {
            return new Result(x, fx, 0, evaluations, Stop.LISTENER);
        }
        double[] h = new double[n * n];
        boolean fresh = true;
        double[] d = new double[n], xt = new double[n], gt = new double[n], s = new double[n], y = new double[n];
        double[] hy = new double[n];
        int it = 0;
        Stop stop = Stop.MAX_ITERATIONS;
        while (it < maxIterations) {
            if (maxAbs(g) <= gradientTolerance) {
                stop = Stop.GRADIENT;
                break;
            }
            double slope = 0;
            if (fresh) {
                double scale = firstStep / maxAbs(g);
                for (int k = 0; k < n; k++) {
                    d[k] = -scale * g[k];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = 0;
                    for (int j = 0; j < n; j++) {
                        v -= h[i * n + j] * g[j];
                    }
                    d[i] = v;
                }
            }
            for (int k = 0; k < n; k++) {
                slope += g[k] * d[k];
            }
            if (!(slope < 0)) {
                if (fresh) {
                    stop = Stop.LINE_SEARCH;
                    break;
                }
                fresh = true;
                continue;
            }
            double alpha = Math.min(1.0, maxStep / maxAbs(d));
            double ft = Double.NaN;
            boolean accepted = false;
            for (int trial = 0; trial < 30; trial++) {
                for (int k = 0; k < n; k++) {
                    xt[k] = x[k] + alpha * d[k];
                }
                ft = f.evaluate(xt, gt);
                evaluations++;
                if (Double.isFinite(ft) && finite(gt) && ft <= fx + 1e-4 * alpha * slope) {
                    accepted = true;
                    break;
                }
                double next = 0.1 * alpha;
                if (Double.isFinite(ft)) {
                    // minimiser of the quadratic through f(0), f'(0) and f(alpha)
                    double q = -slope * alpha * alpha / (2 * (ft - fx - slope * alpha));
                    if (q > 0.1 * alpha) {
                        next = Math.min(q, 0.5 * alpha);
                    }
                }
                alpha = next;
            }
            if (!accepted) {
                if (fresh) {
                    stop = Stop.LINE_SEARCH;
                    break;
                }
                fresh = true;   // forget the curvature and retry along steepest descent
                continue;
            }
            double sy = 0, ss = 0, yy = 0;
            for (int k = 0; k < n; k++) {
                s[k] = xt[k] - x[k];
                y[k] = gt[k] - g[k];
                sy += s[k] * y[k];
                ss += s[k] * s[k];
                yy += y[k] * y[k];
            }
            if (sy > 1e-10 * Math.sqrt(ss * yy)) {
                if (fresh) {
                    java.util.Arrays.fill(h, 0.0);
                    double gamma = sy / yy;
                    for (int k = 0; k < n; k++) {
                        h[k * n + k] = gamma;
                    }
                    fresh = false;
                }
                // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/sᵀy
                double rho = 1.0 / sy;
                double yhy = 0;
                for (int i = 0; i < n; i++) {
                    double v = 0;
                    for (int j = 0; j < n; j++) {
                        v += h[i * n + j] * y[j];
                    }
                    hy[i] = v;
                    yhy += y[i] * v;
                }
                double c = rho * rho * yhy + rho;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        h[i * n + j] += c * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
                    }
                }
            }
            System.arraycopy(xt, 0, x, 0, n);
            System.arraycopy(gt, 0, g, 0, n);
            fx = ft;
            it++;
            if (!listener.iteration(it, fx, x, g)) {
                stop = Stop.LISTENER;
                break;
            }
        }
        return new Result(x, fx, it, evaluations, stop);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double a : v) {
            m = Math.max(m, Math.abs(a));
        }
        return m;
    }

    private static boolean finite(double[] v) {
        for (double a : v) {
            if (!Double.isFinite(a)) {
                return false;
            }
        }
        return true;
    }
}
