package org.peierls.optim;

/** The few vector operations the minimizers share, each summed in index order (deterministic). */
final class Vectors {
    private Vectors() {
    }

    /** a·b. */
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /** Whether every entry is finite. */
    static boolean finite(double[] v) {
        for (double a : v) {
            if (!Double.isFinite(a)) {
                return false;
            }
        }
        return true;
    }
}
