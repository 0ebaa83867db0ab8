package org.peierls.defects;

import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Miller;

/**
 * Coincidence-site-lattice arithmetic for cubic crystals: Σ of a misorientation, the
 * disorientation angle, and the symmetric tilt planes of a given Σ about an axis.
 * Rotation matrices are 3×3 row-major; a grain's orientation R has as rows the crystal
 * directions (unit, cube coordinates) along the frame's x, y, z (as {@link
 * org.peierls.atoms.Lattice#rotation}), so a crystal vector v lies along R·v in the frame.
 */
public final class Csl {

    private Csl() {
    }

    /** The misorientation M = R_Bᵀ·R_A taking crystal coordinates of grain A to those of grain B. */
    public static double[] misorientation(double[] ra, double[] rb) {
        return Mat3.mul(Mat3.transpose(rb), ra);
    }

    /**
     * Σ of a misorientation between two cubic grains: the smallest N for which N·M is an integer
     * matrix, with factors 2 removed (Σ is odd for cubic lattices, e.g. 180° about [310] has
     * entries in fifths: Σ5).
     *
     * @return Σ, or −1 when M has no rational form with denominator ≤ 10000 (not a CSL misorientation)
     */
    public static int sigma(double[] m) {
        for (int n = 1; n <= 10000; n++) {
            boolean integral = true;
            for (int k = 0; k < 9 && integral; k++) {
                double v = n * m[k];
                integral = Math.abs(v - Math.rint(v)) < 1e-7 * n;
            }
            if (integral) {
                int s = n;
                while (s % 2 == 0) {
                    s /= 2;
                }
                return s;
            }
        }
        return -1;
    }

    /** The 24 proper rotations of the cube (signed permutation matrices of determinant +1), row-major. */
    public static List<double[]> cubicRotations() {
        List<double[]> out = new ArrayList<>();
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] p : perms) {
            for (int s = 0; s < 8; s++) {
                double[] m = new double[9];
                for (int r = 0; r < 3; r++) {
                    m[3 * r + p[r]] = ((s >> r) & 1) == 1 ? -1 : 1;
                }
                if (Mat3.det(m) > 0) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** Rotation angle of a rotation matrix, degrees in [0, 180]. */
    public static double angleDeg(double[] m) {
        double c = 0.5 * (m[0] + m[4] + m[8] - 1);
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
    }

    /** The disorientation: the smallest rotation angle (degrees) among the cubic-symmetric equivalents S·M. */
    public static double disorientationDeg(double[] m) {
        double best = 180;
        for (double[] s : cubicRotations()) {
            best = Math.min(best, angleDeg(Mat3.mul(s, m)));
        }
        return best;
    }

    /**
     * The tilt angle used for energy-vs-misorientation plots of symmetric tilt boundaries:
     * θ = 2·∠(n, r), where r is the shortest lattice direction perpendicular to the tilt axis that
     * makes the smallest angle with the boundary normal n. E.g. about [001]: (310) 36.87°,
     * (210) 53.13°; about [1-10]: (112) 70.53°, (111) 109.47°, (221) 141.06°, (113) 50.48°.
     */
    public static double tiltAngleDeg(int[] axis, int[] normal) {
        int m = 4;
        double bestLen = Double.POSITIVE_INFINITY;
        double bestAngle = 90;
        for (int u = -m; u <= m; u++) {
            for (int v = -m; v <= m; v++) {
                for (int w = -m; w <= m; w++) {
                    int[] r = {u, v, w};
                    if ((u == 0 && v == 0 && w == 0) || Miller.dot(r, axis) != 0) {
                        continue;
                    }
                    double len = Miller.length(r);
                    double cos = Math.abs(Miller.dot(r, normal)) / (len * Miller.length(normal));
                    double ang = Math.toDegrees(Math.acos(Math.min(1, cos)));
                    if (len < bestLen - 1e-9 || (len < bestLen + 1e-9 && ang < bestAngle)) {
                        bestLen = len;
                        bestAngle = ang;
                    }
                }
            }
        }
        return 2 * bestAngle;
    }

    /**
     * Σ of the symmetric tilt boundary on the plane (hkl) in a cubic crystal: h² + k² + l² with
     * factors 2 removed (Σ5 for (310) and (210), Σ3 for (111) and (112), Σ9 for (221), Σ11 for (113)).
     */
    public static int symmetricTiltSigma(int[] plane) {
        int[] n = Miller.reduced(plane);
        int s = (int) Miller.dot(n, n);
        while (s % 2 == 0) {
            s /= 2;
        }
        return s;
    }

    /**
     * The planes (hkl), with indices up to {@code maxIndex}, perpendicular to {@code axis} whose
     * symmetric tilt boundary has the given Σ; one representative per pair ±(hkl), in
     * descending lexicographic order.
     */
    public static List<int[]> symmetricTiltPlanes(int[] axis, int sigma, int maxIndex) {
        List<int[]> out = new ArrayList<>();
        for (int h = maxIndex; h >= -maxIndex; h--) {
            for (int k = maxIndex; k >= -maxIndex; k--) {
                for (int l = maxIndex; l >= -maxIndex; l--) {
                    int[] p = {h, k, l};
                    if ((h == 0 && k == 0 && l == 0) || Miller.dot(p, axis) != 0) {
                        continue;
                    }
                    if (!java.util.Arrays.equals(Miller.reduced(p), p)) {
                        continue;
                    }
                    boolean negativeSeen = false;
                    for (int[] q : out) {
                        if (q[0] == -h && q[1] == -k && q[2] == -l) {
                            negativeSeen = true;
                            break;
                        }
                    }
                    if (!negativeSeen && symmetricTiltSigma(p) == sigma) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }
}
