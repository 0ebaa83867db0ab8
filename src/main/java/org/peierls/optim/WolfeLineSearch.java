package org.peierls.optim;

/**
 * A line search for the strong Wolfe conditions: bracketing followed by a "zoom" with safeguarded
 * cubic interpolation (Nocedal &amp; Wright, Numerical Optimization, 2nd ed., Algorithms 3.5 and 3.6).
 * Along the line φ(α) = f(x + α d) it finds α with
 * <pre>
 *   φ(α) ≤ φ(0) + c₁ α φ'(0)            (sufficient decrease)
 *   |φ'(α)| ≤ c₂ |φ'(0)|                 (strong curvature)
 * </pre>
 * Near a minimum the value is dominated by round-off; values within {@code noise·|φ(0)|} of
 * each other are treated as equal, so that the derivative alone decides there (the "approximate
 * Wolfe" idea of Hager &amp; Zhang 2005).
 */
final class WolfeLineSearch {

    /** Relative noise level of values: sums of many terms of order |f| lose ~1e-13 relative. */
    static final double NOISE = 1e-12;

    private final double c1;
    private final double c2;
    private final int maxEvaluations;

    /** Outcome: {@code alpha} (0 when no acceptable point was found), the value there, evaluations used, and whether the strong Wolfe conditions hold. */
    record Result(double alpha, double value, int evaluations, boolean wolfe) {
    }

    WolfeLineSearch(double c1, double c2, int maxEvaluations) {
        if (!(0 < c1 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("line search needs 0 < c1 < c2 < 1");
        }
        this.c1 = c1;
        this.c2 = c2;
        this.maxEvaluations = maxEvaluations;
    }

    /**
     * Searches along {@code d} from {@code x}. On return with {@code alpha > 0}, {@code xOut} and
     * {@code gOut} hold the accepted point and its gradient; with {@code alpha == 0} their content
     * is undefined.
     *
     * @param f0       value at x
     * @param g0       gradient at x
     * @param d        a descent direction (g0·d &lt; 0)
     * @param alpha0   first trial step (&gt; 0)
     * @param alphaMax largest step allowed
     */
    Result search(Minimizable f, double[] x, double f0, double[] g0, double[] d, double alpha0, double alphaMax,
                  double[] xOut, double[] gOut) {
        int n = x.length;
        double dphi0 = Vectors.dot(g0, d);
        if (!(dphi0 < 0)) {
            return new Result(0, f0, 0, false);
        }
        double tol = NOISE * Math.max(Math.abs(f0), 1e-300);
        // The best point satisfying sufficient decrease so far ("lo"), kept in xLo/gLo.
        double[] gLo = new double[n];
        double aLo = 0, fLo = f0, dLo = dphi0;
        System.arraycopy(g0, 0, gLo, 0, n);
        double aPrev = 0, fPrev = f0, dPrev = dphi0;
        double a = Math.min(alpha0, alphaMax);
        int evals = 0;
        // Bracketing phase.
        double aHi, fHi, dHi;
        while (true) {
            double fa = trial(f, x, d, a, xOut, gOut);
            evals++;
            double da = Vectors.dot(gOut, d);
            if (!Double.isFinite(fa) || fa > f0 + c1 * a * dphi0 + tol || (evals > 1 && fa > fPrev + tol)) {
                aLo = aPrev;
                fLo = fPrev;
                dLo = dPrev;
                aHi = a;
                fHi = fa;
                dHi = da;
                break;
            }
            if (Math.abs(da) <= -c2 * dphi0) {
                return new Result(a, fa, evals, true);
            }
            if (da >= 0) {
                aLo = a;
                fLo = fa;
                dLo = da;
                System.arraycopy(gOut, 0, gLo, 0, n);
                aHi = aPrev;
                fHi = fPrev;
                dHi = dPrev;
                break;
            }
            if (a >= alphaMax || evals >= maxEvaluations) {
                // Still descending at the largest allowed step: accept it (sufficient decrease holds).
                return new Result(a, fa, evals, false);
            }
            aPrev = a;
            fPrev = fa;
            dPrev = da;
            System.arraycopy(gOut, 0, gLo, 0, n);
            a = Math.min(alphaMax, extrapolate(aPrev, fPrev, dPrev, f0, dphi0));
        }
        // Zoom phase: aLo satisfies sufficient decrease and has the lowest value; the minimum lies between aLo and aHi.
        while (evals < maxEvaluations) {
            double lo = Math.min(aLo, aHi), hi = Math.max(aLo, aHi);
            if (hi - lo <= 1e-14 * hi) {
                break;
            }
            double aj = cubicMin(aLo, fLo, dLo, aHi, fHi, dHi);
            double margin = 0.1 * (hi - lo);
            if (!(aj >= lo + margin && aj <= hi - margin)) {
                aj = 0.5 * (lo + hi);
            }
            double fj = trial(f, x, d, aj, xOut, gOut);
            evals++;
            double dj = Vectors.dot(gOut, d);
            if (!Double.isFinite(fj) || fj > f0 + c1 * aj * dphi0 + tol || fj > fLo + tol) {
                aHi = aj;
                fHi = fj;
                dHi = dj;
            } else {
                if (Math.abs(dj) <= -c2 * dphi0) {
                    return new Result(aj, fj, evals, true);
                }
                if (dj * (aHi - aLo) >= 0) {
                    aHi = aLo;
                    fHi = fLo;
                    dHi = dLo;
                }
                aLo = aj;
                fLo = fj;
                dLo = dj;
                System.arraycopy(gOut, 0, gLo, 0, n);
            }
        }
        // No strong-Wolfe point: fall back on the best point with sufficient decrease, if any.
        if (aLo > 0) {
            for (int k = 0; k < n; k++) {
                xOut[k] = x[k] + aLo * d[k];
            }
            System.arraycopy(gLo, 0, gOut, 0, n);
            return new Result(aLo, fLo, evals, false);
        }
        return new Result(0, f0, evals, false);
    }

    private static double trial(Minimizable f, double[] x, double[] d, double a, double[] xOut, double[] gOut) {
        for (int k = 0; k < x.length; k++) {
            xOut[k] = x[k] + a * d[k];
        }
        return f.evaluate(xOut, gOut);
    }

    /** Next bracketing trial: a cubic extrapolation clamped to [2a, 10a]. */
    private static double extrapolate(double a, double fa, double da, double f0, double dphi0) {
        double guess = cubicMin(0, f0, dphi0, a, fa, da);
        if (!(guess > 2 * a)) {
            return 2 * a;
        }
        return Math.min(guess, 10 * a);
    }

    /**
     * Minimizer of the cubic through (a, fa, da) and (b, fb, db) (Nocedal &amp; Wright eq. 3.59);
     * NaN when the cubic has no minimum.
     */
    static double cubicMin(double a, double fa, double da, double b, double fb, double db) {
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (!(disc >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.copySign(Math.sqrt(disc), b - a);
        double denom = db - da + 2 * d2;
        if (denom == 0) {
            return Double.NaN;
        }
        return b - (b - a) * (db + d2 - d1) / denom;
    }
}
