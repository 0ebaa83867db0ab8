package org.peierls.testutil;

import java.util.function.DoubleUnaryOperator;

/**
 * The minimum of an energy curve E(a), found independently of any stress or minimizer code: a
 * least-squares quartic through E sampled on a grid around a guess, and the root of its
 * derivative by Newton's method.
 */
public final class LatticeConstant {
    private LatticeConstant() {
    }

    /**
     * @param energy E(a) (eV)
     * @param guess  a starting guess (Å); the grid spans ±{@code halfWidth} around it
     */
    public static double minimum(DoubleUnaryOperator energy, double guess, double halfWidth, int points) {
        double center = guess;
        for (int round = 0; round < 3; round++) {
            double[] c = fitQuartic(energy, center, halfWidth, points);
            // Root of c1 + 2 c2 t + 3 c3 t² + 4 c4 t³ near t = 0 (t = a − center).
            double t = 0;
            for (int it = 0; it < 50; it++) {
                double d1 = c[1] + 2 * c[2] * t + 3 * c[3] * t * t + 4 * c[4] * t * t * t;
                double d2 = 2 * c[2] + 6 * c[3] * t + 12 * c[4] * t * t;
                t -= d1 / d2;
            }
            center += t;
            halfWidth *= 0.3;
        }
        return center;
    }

    private static double[] fitQuartic(DoubleUnaryOperator energy, double center, double halfWidth, int points) {
        int m = 5;
        double[][] ata = new double[m][m];
        double[] atb = new double[m];
        double e0 = energy.applyAsDouble(center);
        for (int p = 0; p < points; p++) {
            double t = -halfWidth + 2 * halfWidth * p / (points - 1);
            double e = energy.applyAsDouble(center + t) - e0;
            double[] row = new double[m];
            double tn = 1;
            for (int j = 0; j < m; j++) {
                row[j] = tn;
                tn *= t / halfWidth;
            }
            for (int i = 0; i < m; i++) {
                atb[i] += row[i] * e;
                for (int j = 0; j < m; j++) {
                    ata[i][j] += row[i] * row[j];
                }
            }
        }
        double[] c = solve(ata, atb);
        double scale = 1;
        for (int j = 0; j < m; j++) {
            c[j] /= scale;
            scale *= halfWidth;
        }
        return c;
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] tr = a[col];
            a[col] = a[piv];
            a[piv] = tr;
            double tb = b[col];
            b[col] = b[piv];
            b[piv] = tb;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int k = col; k < n; k++) {
                    a[r][k] -= f * a[col][k];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
