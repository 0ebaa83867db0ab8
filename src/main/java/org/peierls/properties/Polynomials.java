package org.peierls.properties;

/** Least-squares polynomial fits for the small curve fits of the property calculators. */
final class Polynomials {
    private Polynomials() {
    }

    /**
     * A least-squares polynomial y ≈ Σ c_k u^k in the scaled variable u = (t − mid)/half.
     *
     * @param c    coefficients in u, [degree + 1]
     * @param mid  centre of the abscissae
     * @param half half their range
     */
    record Fit(double[] c, double mid, double half) {

        double value(double t) {
            return derivative(t, 0);
        }

        /** The {@code order}-th derivative with respect to t. */
        double derivative(double t, int order) {
            double u = (t - mid) / half;
            double v = 0;
            for (int k = c.length - 1; k >= order; k--) {
                double f = 1;
                for (int q = 0; q < order; q++) {
                    f *= k - q;
                }
                v = v * u + f * c[k];
            }
            return v / Math.pow(half, order);
        }
    }

    /**
     * The least-squares polynomial of {@code degree} through (t, y): normal equations on t centred
     * and scaled to [−1, 1], solved by Gaussian elimination with partial pivoting.
     */
    static Fit fit(double[] t, double[] y, int degree) {
        int m = degree + 1;
        if (t.length < m) {
            throw new IllegalArgumentException("a degree-" + degree + " fit needs at least " + m + " points, got " + t.length);
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : t) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double mid = 0.5 * (lo + hi), half = Math.max(0.5 * (hi - lo), 1e-300);
        double[][] a = new double[m][m + 1];
        double[] row = new double[m];
        for (int p = 0; p < t.length; p++) {
            double u = (t[p] - mid) / half;
            double un = 1;
            for (int j = 0; j < m; j++) {
                row[j] = un;
                un *= u;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][m] += row[i] * y[p];
            }
        }
        return new Fit(solve(a), mid, half);
    }

    private static double[] solve(double[][] a) {
        int m = a.length;
        for (int col = 0; col < m; col++) {
            int piv = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[piv];
            a[piv] = tmp;
            if (a[col][col] == 0) {
                throw new IllegalArgumentException("singular least-squares system (repeated abscissae?)");
            }
            for (int r = col + 1; r < m; r++) {
                double f = a[r][col] / a[col][col];
                for (int k = col; k <= m; k++) {
                    a[r][k] -= f * a[col][k];
                }
            }
        }
        double[] x = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double s = a[r][m];
            for (int k = r + 1; k < m; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
