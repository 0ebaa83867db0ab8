package org.peierls.optim;

import java.util.Arrays;

/**
 * Dense BFGS for problems of tens to a few hundred unknowns (e.g. the radial coefficients of an
 * MTP fit; the matrix takes n² numbers, so atoms go to {@link Lbfgs}): the inverse-Hessian update
 * of Nocedal &amp; Wright, Numerical Optimization (2nd ed.), eq. 6.17, with the first matrix scaled
 * by s·y/y·y (eq. 6.20), on a backtracking Armijo line search ({@link ArmijoBacktracking}). The
 * first (steepest-descent) trial step moves no particle more than {@code firstStep}, and no trial
 * step more than {@code maxStep} ({@link Minimizable#stepNorm}). Pairs with too little curvature
 * (s·y ≤ 10⁻¹⁰|s||y|) are not used, so the matrix stays positive definite; a search direction that
 * does not descend, or along which the line search finds no decrease, resets it to steepest
 * descent, and only a failure along steepest descent ends the run
 * ({@link Termination#LINE_SEARCH_FAILED}). Non-finite values at trial points count as failed
 * trials (the step shrinks). Deterministic. Needs a {@linkplain Minimizable#conservative()
 * conservative} problem.
 */
public final class Bfgs implements Minimizer {

    private final double firstStep;
    private final double maxStep;
    private final ArmijoBacktracking lineSearch = new ArmijoBacktracking(1e-4, 30);

    /**
     * @param firstStep largest particle displacement of the first (steepest-descent) trial step
     * @param maxStep   largest particle displacement of any trial step
     */
    public Bfgs(double firstStep, double maxStep) {
        if (!(firstStep > 0) || !(maxStep >= firstStep)) {
            throw new IllegalArgumentException("BFGS needs 0 < firstStep ≤ maxStep");
        }
        this.firstStep = firstStep;
        this.maxStep = maxStep;
    }

    /** First step 0.1, longest step 1 (in the units of the unknowns). */
    public Bfgs() {
        this(0.1, 1.0);
    }

    @Override
    public String name() {
        return "bfgs";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the value or gradient at the start point is not finite
     */
    @Override
    public Minimization minimize(Minimizable problem, StopCriteria stop, Listener listener) {
        ConjugateGradient.requireConservative(problem, "BFGS");
        int n = problem.dimension();
        double[] x = problem.start();
        double[] g = new double[n];
        double fx = problem.evaluate(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx) || !Vectors.finite(g)) {
            throw new IllegalStateException("the objective is not finite at the starting point (value " + fx + ")");
        }
        double fnorm = problem.forceNorm(g);
        Termination end = stop.atStart(listener, fx, fnorm, x);
        if (end != null) {
            return new Minimization(x, fx, g, fnorm, 0, evaluations, end);
        }
        double[] h = new double[n * n];
        boolean fresh = true;
        double[] d = new double[n], xt = new double[n], gt = new double[n], s = new double[n], y = new double[n];
        double[] hy = new double[n];
        int it = 0;
        while (it < stop.maxIterations()) {
            if (fresh) {
                double scale = firstStep / problem.stepNorm(g);
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
            double slope = Vectors.dot(g, d);
            if (!(slope < 0)) {
                if (fresh) {
                    return new Minimization(x, fx, g, fnorm, it, evaluations, Termination.LINE_SEARCH_FAILED);
                }
                fresh = true;
                continue;
            }
            double alpha = Math.min(1.0, maxStep / problem.stepNorm(d));
            ArmijoBacktracking.Result ls = lineSearch.search(problem, x, fx, d, slope, alpha, xt, gt);
            evaluations += ls.evaluations();
            if (ls.alpha() == 0) {
                if (fresh) {
                    return new Minimization(x, fx, g, fnorm, it, evaluations, Termination.LINE_SEARCH_FAILED);
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
                    Arrays.fill(h, 0.0);
                    double gamma = sy / yy;
                    for (int k = 0; k < n; k++) {
                        h[k * n + k] = gamma;
                    }
                    fresh = false;
                }
                update(h, s, y, sy, hy);
            }
            System.arraycopy(xt, 0, x, 0, n);
            System.arraycopy(gt, 0, g, 0, n);
            double previous = fx;
            fx = ls.value();
            it++;
            fnorm = problem.forceNorm(g);
            end = stop.afterIteration(listener, it, fx, previous, fnorm, x);
            if (end != null) {
                return new Minimization(x, fx, g, fnorm, it, evaluations, end);
            }
        }
        return new Minimization(x, fx, g, fnorm, it, evaluations, Termination.MAX_ITERATIONS);
    }

    /**
     * H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/sᵀy (Nocedal &amp; Wright eq. 6.17), expanded
     * as H + (ρ² yᵀHy + ρ) s sᵀ − ρ (Hy sᵀ + s (Hy)ᵀ) for the symmetric H.
     *
     * @param hy scratch {@code [n]}
     */
    private static void update(double[] h, double[] s, double[] y, double sy, double[] hy) {
        int n = s.length;
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
}
