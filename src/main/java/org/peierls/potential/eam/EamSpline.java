package org.peierls.potential.eam;

/**
 * The piecewise-cubic interpolation LAMMPS's {@code pair_style eam} family applies to tabulated
 * functions on a uniform grid, reproduced so that energies and forces agree with LAMMPS to
 * round-off.
 *
 * <p>For samples f<sub>0</sub> … f<sub>n−1</sub> at spacing δ the slope (per grid step) at node
 * m is estimated by finite differences: one-sided at the first and last node, central
 * ½(f<sub>m+1</sub> − f<sub>m−1</sub>) at the second and second-to-last, and the fourth-order
 * formula [(f<sub>m−2</sub> − f<sub>m+2</sub>) + 8(f<sub>m+1</sub> − f<sub>m−1</sub>)]/12 inside.
 * On the interval [m, m+1] the function is the cubic Hermite polynomial in the local coordinate
 * p ∈ [0, 1] through the two values and slopes:
 * f(p) = ((c<sub>3</sub> p + c<sub>4</sub>) p + c<sub>5</sub>) p + c<sub>6</sub>, with
 * c<sub>6</sub> = f<sub>m</sub>, c<sub>5</sub> = s<sub>m</sub>,
 * c<sub>4</sub> = 3(f<sub>m+1</sub> − f<sub>m</sub>) − 2s<sub>m</sub> − s<sub>m+1</sub>,
 * c<sub>3</sub> = s<sub>m</sub> + s<sub>m+1</sub> − 2(f<sub>m+1</sub> − f<sub>m</sub>); the last
 * node has c<sub>3</sub> = c<sub>4</sub> = 0. The derivative with respect to the abscissa is
 * (c<sub>0</sub> p + c<sub>1</sub>) p + c<sub>2</sub> with c<sub>2</sub> = c<sub>5</sub>/δ,
 * c<sub>1</sub> = 2c<sub>4</sub>/δ, c<sub>0</sub> = 3c<sub>3</sub>/δ.</p>
 *
 * <p>Evaluation (see {@link #value}): p = x/δ + 1, m = ⌊p⌋ clamped to n − 1 (1-based, as LAMMPS
 * counts), p −= m, p = min(p, 1): beyond the last node the function stays at the end of the last
 * interval.</p>
 */
public final class EamSpline {

    /** Coefficients per node. */
    public static final int STRIDE = 7;

    private EamSpline() {
    }

    /**
     * The coefficient table of samples {@code f[n]} (n ≥ 5) at spacing {@code delta}.
     *
     * @return {@code [7n]}: node m's coefficients c0…c6 at {@code 7m … 7m+6}
     */
    public static double[] coefficients(double[] f, double delta) {
        int n = f.length;
        if (n < 5) {
            throw new IllegalArgumentException("an EAM table needs at least 5 points, got " + n);
        }
        double[] s = new double[n];
        s[0] = f[1] - f[0];
        s[1] = 0.5 * (f[2] - f[0]);
        s[n - 2] = 0.5 * (f[n - 1] - f[n - 3]);
        s[n - 1] = f[n - 1] - f[n - 2];
        for (int m = 2; m <= n - 3; m++) {
            s[m] = ((f[m - 2] - f[m + 2]) + 8.0 * (f[m + 1] - f[m - 1])) / 12.0;
        }
        double[] c = new double[STRIDE * n];
        for (int m = 0; m < n; m++) {
            int o = STRIDE * m;
            c[o + 6] = f[m];
            c[o + 5] = s[m];
            if (m < n - 1) {
                c[o + 4] = 3.0 * (f[m + 1] - f[m]) - 2.0 * s[m] - s[m + 1];
                c[o + 3] = s[m] + s[m + 1] - 2.0 * (f[m + 1] - f[m]);
            }
            c[o + 2] = c[o + 5] / delta;
            c[o + 1] = 2.0 * c[o + 4] / delta;
            c[o] = 3.0 * c[o + 3] / delta;
        }
        return c;
    }

    /** Offset of the coefficient row for abscissa {@code x} in a table of n nodes with inverse spacing {@code inv}. */
    static int row(double x, double inv, int n) {
        double p = x * inv + 1.0;
        int m = (int) p;
        m = Math.max(1, Math.min(m, n - 1));
        return STRIDE * (m - 1);
    }

    /** Local coordinate p ∈ [0, 1] (clamped at 1 beyond the table) for abscissa x. */
    static double local(double x, double inv, int n) {
        double p = x * inv + 1.0;
        int m = (int) p;
        m = Math.max(1, Math.min(m, n - 1));
        return Math.min(p - m, 1.0);
    }

    /** The interpolated value at {@code x} (≥ 0) of a table of {@code n} nodes with inverse spacing {@code inv}. */
    public static double value(double[] c, int n, double inv, double x) {
        int o = row(x, inv, n);
        double p = local(x, inv, n);
        return ((c[o + 3] * p + c[o + 4]) * p + c[o + 5]) * p + c[o + 6];
    }

    /** The derivative at {@code x} of the interpolant (see {@link #value}). */
    public static double derivative(double[] c, int n, double inv, double x) {
        int o = row(x, inv, n);
        double p = local(x, inv, n);
        return (c[o] * p + c[o + 1]) * p + c[o + 2];
    }
}
