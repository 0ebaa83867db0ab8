package org.peierls.uncertainty;

/** Cholesky factor and inverse of small symmetric positive-definite matrices (row-major p × p). */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * The lower factor L with A = L Lᵀ (upper triangle zero).
     *
     * @throws IllegalArgumentException when A is not positive definite
     */
    static double[] factor(double[] a, int p) {
        double[] l = new double[p * p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k <= j; k++) {
                double s = a[j * p + k];
                for (int q = 0; q < k; q++) {
                    s -= l[j * p + q] * l[k * p + q];
                }
                if (j == k) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("covariance is not positive definite (pivot " + j + ": " + s + ")");
                    }
                    l[j * p + j] = Math.sqrt(s);
                } else {
                    l[j * p + k] = s / l[k * p + k];
                }
            }
        }
        return l;
    }

    /** A⁻¹ of a symmetric positive-definite A. */
    static double[] inverse(double[] a, int p) {
        double[] l = factor(a, p);
        // L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀ L⁻¹
        double[] li = new double[p * p];
        for (int c = 0; c < p; c++) {
            for (int j = c; j < p; j++) {
                double s = j == c ? 1 : 0;
                for (int q = c; q < j; q++) {
                    s -= l[j * p + q] * li[q * p + c];
                }
                li[j * p + c] = s / l[j * p + j];
            }
        }
        double[] inv = new double[p * p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k <= j; k++) {
                double s = 0;
                for (int q = j; q < p; q++) {
                    s += li[q * p + j] * li[q * p + k];
                }
                inv[j * p + k] = s;
                inv[k * p + j] = s;
            }
        }
        return inv;
    }
}
