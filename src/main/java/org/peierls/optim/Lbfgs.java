package org.peierls.optim;

/**
 * Limited-memory BFGS (Nocedal 1980; Liu &amp; Nocedal 1989): the two-loop recursion over the last
 * {@code memory} pairs s = Δx, y = Δg with the initial inverse Hessian γ·I, γ = s·y / y·y
 * (Nocedal &amp; Wright eq. 7.20), on a strong-Wolfe line search (c₁ = 10⁻⁴, c₂ = 0.9) whose first
 * trial is the full quasi-Newton step (capped so no particle moves more than {@code maxStep}).
 * Pairs with s·y ≤ 10⁻¹⁰|s||y| are skipped (curvature not positive). Needs a
 * {@linkplain Minimizable#conservative() conservative} problem.
 */
public final class Lbfgs implements Minimizer {

    private final int memory;
    private final double initialStep;
    private final double maxStep;
    private final WolfeLineSearch lineSearch = new WolfeLineSearch(1e-4, 0.9, 30);

    /**
     * @param memory      number of stored (s, y) pairs
     * @param initialStep particle displacement of the first (steepest-descent) trial step
     * @param maxStep     largest particle displacement along one line search
     */
    public Lbfgs(int memory, double initialStep, double maxStep) {
        if (memory < 1 || !(initialStep > 0 && maxStep >= initialStep)) {
            throw new IllegalArgumentException("L-BFGS needs memory ≥ 1 and 0 < initialStep ≤ maxStep");
        }
        this.memory = memory;
        this.initialStep = initialStep;
        this.maxStep = maxStep;
    }

    /** Memory 10, first step 0.1, longest line search 1 (Å for atoms). */
    public Lbfgs() {
        this(10, 0.1, 1.0);
    }

    @Override
    public String name() {
        return "lbfgs";
    }

    @Override
    public Minimization minimize(Minimizable problem, StopCriteria stop, Listener listener) {
        ConjugateGradient.requireConservative(problem, "L-BFGS");
        int n = problem.dimension();
        double[] x = problem.start();
        double[] g = new double[n];
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        double[] a = new double[memory];
        int stored = 0;
        int newest = -1;
        double f = problem.evaluate(x, g);
        int evaluations = 1;
        double fnorm = problem.forceNorm(g);
        Termination end = stop.atStart(listener, f, fnorm, x);
        if (end != null) {
            return new Minimization(x, f, g, fnorm, 0, evaluations, end);
        }
        for (int it = 1; it <= stop.maxIterations(); it++) {
            // Two-loop recursion: d = −H g.
            for (int k = 0; k < n; k++) {
                d[k] = -g[k];
            }
            for (int c = 0; c < stored; c++) {
                int j = Math.floorMod(newest - c, memory);
                a[j] = rho[j] * Vectors.dot(s[j], d);
                double aj = a[j];
                double[] yj = y[j];
                for (int k = 0; k < n; k++) {
                    d[k] -= aj * yj[k];
                }
            }
            if (stored > 0) {
                double gamma = Vectors.dot(s[newest], y[newest]) / Vectors.dot(y[newest], y[newest]);
                for (int k = 0; k < n; k++) {
                    d[k] *= gamma;
                }
            }
            for (int c = stored - 1; c >= 0; c--) {
                int j = Math.floorMod(newest - c, memory);
                double b = rho[j] * Vectors.dot(y[j], d);
                double coef = a[j] - b;
                double[] sj = s[j];
                for (int k = 0; k < n; k++) {
                    d[k] += coef * sj[k];
                }
            }
            double slope = Vectors.dot(g, d);
            if (!(slope < 0)) {
                stored = 0;
                for (int k = 0; k < n; k++) {
                    d[k] = -g[k];
                }
            }
            double dnorm = problem.stepNorm(d);
            double alphaMax = maxStep / dnorm;
            double alpha0 = stored == 0 ? Math.min(1.0, initialStep / dnorm) : 1.0;
            WolfeLineSearch.Result ls = lineSearch.search(problem, x, f, g, d, Math.min(alpha0, alphaMax), alphaMax, xNew, gNew);
            evaluations += ls.evaluations();
            if (ls.alpha() == 0) {
                if (stored == 0) {
                    return new Minimization(x, f, g, fnorm, it - 1, evaluations, Termination.LINE_SEARCH_FAILED);
                }
                stored = 0;   // forget the curvature pairs and retry along steepest descent
                it--;
                continue;
            }
            // Store the new pair.
            int slot = (newest + 1) % memory;
            double sy = 0, ss = 0, yy = 0;
            for (int k = 0; k < n; k++) {
                double sk = xNew[k] - x[k];
                double yk = gNew[k] - g[k];
                s[slot][k] = sk;
                y[slot][k] = yk;
                sy += sk * yk;
                ss += sk * sk;
                yy += yk * yk;
            }
            if (sy > 1e-10 * Math.sqrt(ss * yy)) {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, memory);
            }
            double previous = f;
            f = ls.value();
            double[] t = x;
            x = xNew;
            xNew = t;
            t = g;
            g = gNew;
            gNew = t;
            fnorm = problem.forceNorm(g);
            end = stop.afterIteration(listener, it, f, previous, fnorm, x);
            if (end != null) {
                return new Minimization(x, f, g, fnorm, it, evaluations, end);
            }
        }
        return new Minimization(x, f, g, fnorm, stop.maxIterations(), evaluations, Termination.MAX_ITERATIONS);
    }
}
