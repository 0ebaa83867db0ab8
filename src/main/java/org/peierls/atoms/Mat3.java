package org.peierls.atoms;

/** Small helpers for 3-vectors and 3×3 row-major matrices (no allocation beyond the result). */
public final class Mat3 {
    private Mat3() {
    }

    public static double det(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7])
             - m[1] * (m[3] * m[8] - m[5] * m[6])
             + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    public static double[] inverse(double[] m) {
        double d = det(m);
        double[] r = new double[9];
        r[0] = (m[4] * m[8] - m[5] * m[7]) / d;
        r[1] = (m[2] * m[7] - m[1] * m[8]) / d;
        r[2] = (m[1] * m[5] - m[2] * m[4]) / d;
        r[3] = (m[5] * m[6] - m[3] * m[8]) / d;
        r[4] = (m[0] * m[8] - m[2] * m[6]) / d;
        r[5] = (m[2] * m[3] - m[0] * m[5]) / d;
        r[6] = (m[3] * m[7] - m[4] * m[6]) / d;
        r[7] = (m[1] * m[6] - m[0] * m[7]) / d;
        r[8] = (m[0] * m[4] - m[1] * m[3]) / d;
        return r;
    }

    /** Matrix product {@code a·b}. */
    public static double[] mul(double[] a, double[] b) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return r;
    }

    /** Matrix times vector {@code m·v}. */
    public static double[] apply(double[] m, double[] v) {
        return new double[]{m[0] * v[0] + m[1] * v[1] + m[2] * v[2], m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    public static double[] transpose(double[] m) {
        return new double[]{m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]};
    }

    public static double[] identity() {
        return new double[]{1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    public static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    public static double[] cross(double[] a, double[] b) {
        return new double[]{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Voigt (xx, yy, zz, yz, xz, xy) of a symmetric 3×3 row-major matrix. */
    public static double[] toVoigt(double[] m) {
        return new double[]{m[0], m[4], m[8], 0.5 * (m[5] + m[7]), 0.5 * (m[2] + m[6]), 0.5 * (m[1] + m[3])};
    }

    /** Symmetric 3×3 row-major matrix from Voigt (xx, yy, zz, yz, xz, xy). */
    public static double[] fromVoigt(double[] v) {
        return new double[]{v[0], v[5], v[4], v[5], v[1], v[3], v[4], v[3], v[2]};
    }
}
