package org.peierls.optim;

/**
 * Nonlinear conjugate gradients, Polak–Ribière with non-negative β ("PR+", Gilbert &amp; Nocedal
 * 1992) and Powell's restart test, on a strong-Wolfe line search ({@link WolfeLineSearch}, c₁ =
 * 10⁻⁴, c₂ = 0.1):
 * <pre>
 *   β_k = max(0, g_k·(g_k − g_{k−1}) / |g_{k−1}|²),   d_k = −g_k + β_k d_{k−1}
 * </pre>
 * restarting with d = −g when d is not a descent direction or |g_k·g_{k−1}| ≥ 0.2 |g_k|². The
 * first trial step of a line search is α_{k−1}(g_{k−1}·d_{k−1})/(g_k·d_k) (Nocedal &amp; Wright
 * eq. 3.60); no step moves a particle more than {@code maxStep}. Needs a
 * {@linkplain Minimizable#conservative() conservative} problem.
 */
public final class ConjugateGradient implements Minimizer {

    private final double initialStep;
    private final double maxStep;
    private final WolfeLineSearch lineSearch = new WolfeLineSearch(1e-4, 0.1, 30);

    /**
     * @param initialStep particle displacement of the very first trial step (Å for atoms)
     * @param maxStep     largest particle displacement along one line search (Å for atoms)
     */
    public ConjugateGradient(double initialStep, double maxStep) {
        if (!(initialStep > 0 && maxStep >= initialStep)) {
            throw new IllegalArgumentException("CG needs 0 < initialStep ≤ maxStep");
        }
        this.initialStep = initialStep;
        this.maxStep = maxStep;
    }

    /** First trial step 0.1, longest line search 1 (Å for atoms). */
    public ConjugateGradient() {
        this(0.1, 1.0);
    }

    @Override
    public String name() {
        return "cg";
    }

    @Override
    public Minimization minimize(Minimizable problem, StopCriteria stop, Listener listener) {
        requireConservative(problem, "CG");
        int n = problem.dimension();
        double[] x = problem.start();
        double[] g = new double[n];
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double f = problem.evaluate(x, g);
        int evaluations = 1;
        double fnorm = problem.forceNorm(g);
        Termination end = stop.atStart(listener, f, fnorm, x);
        if (end != null) {
            return new Minimization(x, f, g, fnorm, 0, evaluations, end);
        }
        for (int k = 0; k < n; k++) {
            d[k] = -g[k];
        }
        double previousSlope = Double.NaN;
        double previousAlpha = Double.NaN;
        for (int it = 1; it <= stop.maxIterations(); it++) {
            double slope = Vectors.dot(g, d);
            boolean steepest = false;
            if (!(slope < 0)) {
                for (int k = 0; k < n; k++) {
                    d[k] = -g[k];
                }
                slope = Vectors.dot(g, d);
                steepest = true;
            }
            double dnorm = problem.stepNorm(d);
            double alphaMax = maxStep / dnorm;
            double alpha0 = Double.isNaN(previousAlpha) || steepest
                    ? initialStep / dnorm : previousAlpha * previousSlope / slope;
            if (!(alpha0 > 0) || !Double.isFinite(alpha0)) {
                alpha0 = initialStep / dnorm;
            }
            WolfeLineSearch.Result ls = lineSearch.search(problem, x, f, g, d, Math.min(alpha0, alphaMax), alphaMax, xNew, gNew);
            evaluations += ls.evaluations();
            if (ls.alpha() == 0) {
                if (isSteepest(d, g)) {
                    return new Minimization(x, f, g, fnorm, it - 1, evaluations, Termination.LINE_SEARCH_FAILED);
                }
                // Retry this iteration along steepest descent.
                for (int k = 0; k < n; k++) {
                    d[k] = -g[k];
                }
                previousAlpha = Double.NaN;
                it--;
                if (evaluations > 30L * stop.maxIterations() + 100) {
                    return new Minimization(x, f, g, fnorm, it, evaluations, Termination.LINE_SEARCH_FAILED);
                }
                continue;
            }
            // β (PR+) from the old and new gradients, Powell restart test.
            double gg = 0, gNewGOld = 0, gNewGNew = 0;
            for (int k = 0; k < n; k++) {
                gg += g[k] * g[k];
                gNewGOld += gNew[k] * g[k];
                gNewGNew += gNew[k] * gNew[k];
            }
            double beta = Math.max(0, (gNewGNew - gNewGOld) / gg);
            if (Math.abs(gNewGOld) >= 0.2 * gNewGNew) {
                beta = 0;
            }
            double previous = f;
            f = ls.value();
            previousAlpha = ls.alpha();
            previousSlope = slope;
            double[] t = x;
            x = xNew;
            xNew = t;
            t = g;
            g = gNew;
            gNew = t;
            for (int k = 0; k < n; k++) {
                d[k] = -g[k] + beta * d[k];
            }
            if (beta == 0) {
                previousAlpha = Double.NaN;
            }
            fnorm = problem.forceNorm(g);
            end = stop.afterIteration(listener, it, f, previous, fnorm, x);
            if (end != null) {
                return new Minimization(x, f, g, fnorm, it, evaluations, end);
            }
        }
        return new Minimization(x, f, g, fnorm, stop.maxIterations(), evaluations, Termination.MAX_ITERATIONS);
    }

    private static boolean isSteepest(double[] d, double[] g) {
        for (int k = 0; k < d.length; k++) {
            if (d[k] != -g[k]) {
                return false;
            }
        }
        return true;
    }

    static void requireConservative(Minimizable problem, String method) {
        if (!problem.conservative()) {
            throw new IllegalArgumentException(method + " needs a conservative problem (value and true gradient); use FIRE for a NEB band");
        }
    }
}
