package org.peierls.defects;

/**
 * The displacement field of a dislocation dipole (+b at c₁, −b at c₂) repeated periodically
 * with in-plane cell vectors L₁, L₂, made exactly compatible with a periodic cell whose vectors
 * are tilted to absorb the dipole's plastic strain (Cai, Bulatov, Chang, Li &amp; Yip, Phil. Mag.
 * 83 (2003) 539; Clouet, Ventelon &amp; Willaime, PRL 102 (2009) 055502 for the quadrupolar
 * arrangement).
 *
 * <p>The lattice sum of dipole fields over |n|, |m| ≤ M converges only conditionally: it equals
 * the periodic solution plus a spurious homogeneous gradient that depends on the shape of the
 * summation region, plus terms falling off as 1/M² (odd orders cancel in the symmetric sum). The
 * spurious gradient G is removed by requiring u(r + Lᵢ) − u(r) = δᵢ exactly at a reference
 * point, with δᵢ the jumps of the stress-free solution, δᵢ = −b (ẑ × d)·Lᵢ / A (d = c₂ − c₁,
 * A = |L₁ × L₂|): the mean elastic distortion of the cell then vanishes. The 1/M² terms are
 * removed by Richardson extrapolation between M and 2M.</p>
 *
 * <p>The periodic cell is then L₁ + δ₁, L₂ + δ₂ (δ along b), L₃ along the line.</p>
 */
public final class PeriodicDipoleField {

    private final DislocationField field;
    private final double[] c1, c2, l1, l2;
    private final int images;
    private final double[] delta1, delta2;
    private final double[] r0;
    private final double[][] gradient = new double[2][];   // per M: G (3×2 row-major)
    private final int[] ms;

    /**
     * @param field  the single-dislocation field (its Burgers vector is the dipole's b)
     * @param c1     (x, y) of the +b dislocation, Å
     * @param c2     (x, y) of the −b dislocation, Å
     * @param l1     first in-plane period (x, y), Å
     * @param l2     second in-plane period (x, y), Å
     * @param images M, the number of image shells summed (≥ 2; 2M is used for the extrapolation)
     */
    public PeriodicDipoleField(DislocationField field, double[] c1, double[] c2, double[] l1, double[] l2, int images) {
        if (images < 2) {
            throw new IllegalArgumentException("need at least 2 image shells, got " + images);
        }
        this.field = field;
        this.c1 = c1.clone();
        this.c2 = c2.clone();
        this.l1 = l1.clone();
        this.l2 = l2.clone();
        this.images = images;
        double area = l1[0] * l2[1] - l1[1] * l2[0];
        double dx = c2[0] - c1[0], dy = c2[1] - c1[1];
        // ẑ × d = (−dy, dx)
        double s1 = -(-dy * l1[0] + dx * l1[1]) / area;
        double s2 = -(-dy * l2[0] + dx * l2[1]) / area;
        double[] b = field.burgers();
        this.delta1 = new double[]{b[0] * s1, b[1] * s1, b[2] * s1};
        this.delta2 = new double[]{b[0] * s2, b[1] * s2, b[2] * s2};
        this.r0 = referencePoint();
        this.ms = new int[]{images, 2 * images};
        for (int k = 0; k < 2; k++) {
            gradient[k] = spuriousGradient(ms[k]);
        }
    }

    /** The tilt δ₁ (Å, [3]) added to the first in-plane cell vector. */
    public double[] tilt1() {
        return delta1.clone();
    }

    /** The tilt δ₂ (Å, [3]) added to the second in-plane cell vector. */
    public double[] tilt2() {
        return delta2.clone();
    }

    /** The periodic displacement at (x, y), Å, into {@code out[3]}. */
    public void displacement(double x, double y, double[] out) {
        double[] a = new double[3], b = new double[3];
        corrected(x, y, 0, a);
        corrected(x, y, 1, b);
        for (int k = 0; k < 3; k++) {
            out[k] = (4 * b[k] - a[k]) / 3;
        }
    }

    private void corrected(double x, double y, int which, double[] out) {
        sum(x, y, ms[which], out);
        double[] g = gradient[which];
        double rx = x - r0[0], ry = y - r0[1];
        for (int k = 0; k < 3; k++) {
            out[k] -= g[2 * k] * rx + g[2 * k + 1] * ry;
        }
    }

    private void sum(double x, double y, int m, double[] out) {
        double[] t = new double[3];
        out[0] = 0;
        out[1] = 0;
        out[2] = 0;
        for (int i = -m; i <= m; i++) {
            for (int j = -m; j <= m; j++) {
                double sx = i * l1[0] + j * l2[0], sy = i * l1[1] + j * l2[1];
                field.dipole(x - sx, y - sy, c1[0], c1[1], c2[0], c2[1], t);
                out[0] += t[0];
                out[1] += t[1];
                out[2] += t[2];
            }
        }
    }

    /** G with G·Lᵢ = [u_M(r₀ + Lᵢ) − u_M(r₀)] − δᵢ, row-major 3×2. */
    private double[] spuriousGradient(int m) {
        double[] u0 = new double[3], ua = new double[3], ub = new double[3];
        sum(r0[0], r0[1], m, u0);
        sum(r0[0] + l1[0], r0[1] + l1[1], m, ua);
        sum(r0[0] + l2[0], r0[1] + l2[1], m, ub);
        double det = l1[0] * l2[1] - l1[1] * l2[0];
        double[] g = new double[6];
        for (int k = 0; k < 3; k++) {
            double e1 = ua[k] - u0[k] - delta1[k];
            double e2 = ub[k] - u0[k] - delta2[k];
            // solve [gx gy]·[L1 L2] = [e1 e2]
            g[2 * k] = (e1 * l2[1] - e2 * l1[1]) / det;
            g[2 * k + 1] = (e2 * l1[0] - e1 * l2[0]) / det;
        }
        return g;
    }

    /** A point well away from every image of the cut segment (its periodic copies included). */
    private double[] referencePoint() {
        double bestClear = -1;
        double[] best = null;
        for (int a = 1; a < 8; a++) {
            for (int b = 1; b < 8; b++) {
                double fx = a / 8.0, fy = b / 8.0;
                double x = c1[0] + fx * l1[0] + fy * l2[0], y = c1[1] + fx * l1[1] + fy * l2[1];
                double clear = Double.POSITIVE_INFINITY;
                for (int i = -2; i <= 2; i++) {
                    for (int j = -2; j <= 2; j++) {
                        double sx = i * l1[0] + j * l2[0], sy = i * l1[1] + j * l2[1];
                        clear = Math.min(clear, segmentDistance(x - sx, y - sy));
                    }
                }
                if (clear > bestClear) {
                    bestClear = clear;
                    best = new double[]{x, y};
                }
            }
        }
        return best;
    }

    private double segmentDistance(double x, double y) {
        double dx = c2[0] - c1[0], dy = c2[1] - c1[1];
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - c1[0]) * dx + (y - c1[1]) * dy) / len2));
        return Math.hypot(x - c1[0] - t * dx, y - c1[1] - t * dy);
    }

    /** Image shells M (the extrapolation also uses 2M). */
    public int images() {
        return images;
    }
}
