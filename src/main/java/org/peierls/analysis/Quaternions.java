package org.peierls.analysis;

/**
 * Unit quaternions (w, x, y, z) as rotations: the matrix of a quaternion, the quaternion of a
 * matrix (Shepperd's stable branch choice, J. Guid. Control 1, 223 (1978)), products, and the
 * reduction of an orientation by a symmetry group to its representative of largest w — the
 * equivalent rotation nearest the identity, so equal orientations compare equal.
 */
final class Quaternions {

    private Quaternions() {
    }

    /** The row-major rotation matrix of q (q normalised first). */
    static void toMatrix(double[] q, double[] r) {
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        double w = q[0] / n, x = q[1] / n, y = q[2] / n, z = q[3] / n;
        r[0] = 1 - 2 * (y * y + z * z);
        r[1] = 2 * (x * y - w * z);
        r[2] = 2 * (x * z + w * y);
        r[3] = 2 * (x * y + w * z);
        r[4] = 1 - 2 * (x * x + z * z);
        r[5] = 2 * (y * z - w * x);
        r[6] = 2 * (x * z - w * y);
        r[7] = 2 * (y * z + w * x);
        r[8] = 1 - 2 * (x * x + y * y);
    }

    /** The quaternion (w ≥ 0) of a row-major rotation matrix. */
    static double[] fromMatrix(double[] r) {
        double t = r[0] + r[4] + r[8];
        double w, x, y, z;
        if (t > r[0] && t > r[4] && t > r[8]) {
            double s = Math.sqrt(1 + t) * 2;
            w = s / 4;
            x = (r[7] - r[5]) / s;
            y = (r[2] - r[6]) / s;
            z = (r[3] - r[1]) / s;
        } else if (r[0] > r[4] && r[0] > r[8]) {
            double s = Math.sqrt(1 + r[0] - r[4] - r[8]) * 2;
            w = (r[7] - r[5]) / s;
            x = s / 4;
            y = (r[1] + r[3]) / s;
            z = (r[2] + r[6]) / s;
        } else if (r[4] > r[8]) {
            double s = Math.sqrt(1 + r[4] - r[0] - r[8]) * 2;
            w = (r[2] - r[6]) / s;
            x = (r[1] + r[3]) / s;
            y = s / 4;
            z = (r[5] + r[7]) / s;
        } else {
            double s = Math.sqrt(1 + r[8] - r[0] - r[4]) * 2;
            w = (r[3] - r[1]) / s;
            x = (r[2] + r[6]) / s;
            y = (r[5] + r[7]) / s;
            z = s / 4;
        }
        double[] q = {w, x, y, z};
        normalise(q);
        return q;
    }

    static double[] conjugate(double[] q) {
        return new double[]{q[0], -q[1], -q[2], -q[3]};
    }

    /** a ⊗ b: the rotation b first, then a. */
    static double[] multiply(double[] a, double[] b) {
        return new double[]{
            a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
            a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
            a[0] * b[2] - a[1] * b[3] + a[2] * b[0] + a[3] * b[1],
            a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0]};
    }

    /** The representative q ⊗ g of largest |w| over the group, with w ≥ 0 (q and −q are one rotation). */
    static double[] reduced(double[] q, double[][] group) {
        double[] best = q;
        double bw = -1;
        for (double[] g : group) {
            double[] p = multiply(q, g);
            if (Math.abs(p[0]) > bw + 1e-12) {
                bw = Math.abs(p[0]);
                best = p;
            }
        }
        double[] out = best.clone();
        if (out[0] < 0) {
            for (int k = 0; k < 4; k++) {
                out[k] = -out[k];
            }
        }
        normalise(out);
        return out;
    }

    private static void normalise(double[] q) {
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        for (int k = 0; k < 4; k++) {
            q[k] /= n;
        }
    }
}
