package org.peierls.analysis;

/**
 * The largest eigenpair of a symmetric 4×4 matrix by cyclic Jacobi rotations (Golub &amp; Van Loan
 * §8.5), in caller-owned scratch: the per-atom eigenproblem of Horn's quaternion fit, where a
 * library call would allocate per atom.
 */
final class Jacobi4 {

    private Jacobi4() {
    }

    /**
     * @param a      row-major symmetric matrix, destroyed
     * @param v      scratch 16 (the eigenvectors, by columns)
     * @param out    the unit eigenvector of the largest eigenvalue
     * @return the largest eigenvalue
     */
    static double largest(double[] a, double[] v, double[] out) {
        for (int k = 0; k < 16; k++) {
            v[k] = k % 5 == 0 ? 1 : 0;
        }
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = 0, diag = 0;
            for (int p = 0; p < 4; p++) {
                diag += a[5 * p] * a[5 * p];
                for (int q = p + 1; q < 4; q++) {
                    off += a[4 * p + q] * a[4 * p + q];
                }
            }
            if (off <= 1e-30 * Math.max(diag, 1e-300)) {
                break;
            }
            for (int p = 0; p < 3; p++) {
                for (int q = p + 1; q < 4; q++) {
                    double apq = a[4 * p + q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (a[5 * q] - a[5 * p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < 4; k++) {
                        double akp = a[4 * k + p], akq = a[4 * k + q];
                        a[4 * k + p] = c * akp - s * akq;
                        a[4 * k + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < 4; k++) {
                        double apk = a[4 * p + k], aqk = a[4 * q + k];
                        a[4 * p + k] = c * apk - s * aqk;
                        a[4 * q + k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < 4; k++) {
                        double vkp = v[4 * k + p], vkq = v[4 * k + q];
                        v[4 * k + p] = c * vkp - s * vkq;
                        v[4 * k + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        int best = 0;
        for (int p = 1; p < 4; p++) {
            if (a[5 * p] > a[5 * best]) {
                best = p;
            }
        }
        for (int k = 0; k < 4; k++) {
            out[k] = v[4 * k + best];
        }
        return a[5 * best];
    }
}
