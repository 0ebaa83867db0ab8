package org.peierls.analysis;

import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Structure;

/**
 * Differential-displacement (Vitek) maps of a dislocation along z: atoms are grouped into
 * atomic columns along the line (by their projected position in the reference crystal); for
 * every pair of neighbouring columns the map holds the change of their relative displacement
 * along z with respect to the perfect crystal, Δu_z(j) − Δu_z(i), folded into (−b/2, b/2]
 * (Vitek, Perrin &amp; Bowen, Phil. Mag. 21 (1970) 1049). Arrows are conventionally drawn
 * between the two columns with a length proportional to the value, b/3 spanning the column
 * spacing (the plotting is left to the report layer). From the map, {@link #polarity} measures
 * how far a core breaks the dyad symmetry and {@link #coreType} names the core compact or degenerate.
 */
public final class DifferentialDisplacement {

    /**
     * A DD map.
     *
     * @param columns projected column positions in the reference crystal, [2C] (x0, y0, x1, …), Å
     * @param uz      displacement along z of each column (its first atom) relative to the reference, [C], Å
     * @param pairs   neighbouring column pairs (i, j), [2P]; pair vectors use minimum images
     * @param dx      for each pair the projected vector from i to j, [2P], Å
     * @param dd      for each pair uz[j] − uz[i] folded into (−b/2, b/2], [P], Å
     * @param b       the Burgers vector length along z, Å
     */
    public record Map(double[] columns, double[] uz, int[] pairs, double[] dx, double[] dd, double b) {

        public int columnCount() {
            return uz.length;
        }

        public int pairCount() {
            return dd.length;
        }

        /** The DD of the pair from column i to column j (sign flips with the order), or NaN if they are not neighbours. */
        public double between(int i, int j) {
            for (int p = 0; p < dd.length; p++) {
                if (pairs[2 * p] == i && pairs[2 * p + 1] == j) {
                    return dd[p];
                }
                if (pairs[2 * p] == j && pairs[2 * p + 1] == i) {
                    return -dd[p];
                }
            }
            return Double.NaN;
        }

        /** The column whose projected position is nearest to (x, y) (plain distance, no periodic images). */
        public int nearestColumn(double x, double y) {
            int best = -1;
            double dmin = Double.POSITIVE_INFINITY;
            for (int c = 0; c < uz.length; c++) {
                double d = Math.hypot(columns[2 * c] - x, columns[2 * c + 1] - y);
                if (d < dmin) {
                    dmin = d;
                    best = c;
                }
            }
            return best;
        }
    }

    private DifferentialDisplacement() {
    }

    /**
     * The DD map of {@code dislocated} against {@code reference} (same atoms in the same order;
     * e.g. a dislocation builder's structure and the perfect crystal it was cut from).
     *
     * @param b the Burgers vector length along z, Å (the column period)
     */
    public static Map compute(Structure reference, Structure dislocated, double b) {
        if (reference.size() != dislocated.size()) {
            throw new IllegalArgumentException("reference has " + reference.size() + " atoms, dislocated " + dislocated.size());
        }
        int n = reference.size();
        boolean periodic = reference.cell().periodic(0) && reference.cell().periodic(1);
        List<double[]> cols = new ArrayList<>();
        List<Double> uz = new ArrayList<>();
        java.util.Map<Long, Integer> index = new java.util.HashMap<>();
        double lx = reference.cell().norm(0), ly = reference.cell().norm(1);
        for (int i = 0; i < n; i++) {
            double x = reference.position(i, 0), y = reference.position(i, 1);
            if (periodic) {
                double[] f = reference.cell().toFractional(new double[]{x, y, 0});
                f[0] -= Math.floor(f[0] + 1e-9);
                f[1] -= Math.floor(f[1] + 1e-9);
                double[] w = reference.cell().toCartesian(new double[]{f[0], f[1], 0});
                x = w[0];
                y = w[1];
            }
            long key = Math.round(x * 1e3) * 1_000_003L + Math.round(y * 1e3);
            if (!index.containsKey(key)) {
                index.put(key, cols.size());
                cols.add(new double[]{x, y});
                uz.add(dislocated.position(i, 2) - reference.position(i, 2));
            }
        }
        int c = cols.size();
        double[] xy = new double[2 * c];
        double[] u = new double[c];
        for (int k = 0; k < c; k++) {
            xy[2 * k] = cols.get(k)[0];
            xy[2 * k + 1] = cols.get(k)[1];
            u[k] = uz.get(k);
        }
        // nearest column spacing
        double s = Double.POSITIVE_INFINITY;
        double[] d = new double[3];
        for (int i = 0; i < c; i++) {
            for (int j = i + 1; j < c; j++) {
                s = Math.min(s, projected(reference, xy, i, j, periodic, d));
            }
        }
        List<int[]> pairs = new ArrayList<>();
        List<double[]> vecs = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            for (int j = i + 1; j < c; j++) {
                double r = projected(reference, xy, i, j, periodic, d);
                if (Math.abs(r - s) < 0.05 * s) {
                    pairs.add(new int[]{i, j});
                    vecs.add(new double[]{d[0], d[1]});
                }
            }
        }
        int p = pairs.size();
        int[] pr = new int[2 * p];
        double[] dx = new double[2 * p];
        double[] dd = new double[p];
        for (int k = 0; k < p; k++) {
            int i = pairs.get(k)[0], j = pairs.get(k)[1];
            pr[2 * k] = i;
            pr[2 * k + 1] = j;
            dx[2 * k] = vecs.get(k)[0];
            dx[2 * k + 1] = vecs.get(k)[1];
            dd[k] = ScrewCores.fold(u[j] - u[i], b);
        }
        return new Map(xy, u, pr, dx, dd, b);
    }

    private static double projected(Structure ref, double[] xy, int i, int j, boolean periodic, double[] d) {
        d[0] = xy[2 * j] - xy[2 * i];
        d[1] = xy[2 * j + 1] - xy[2 * i + 1];
        d[2] = 0;
        if (periodic) {
            // in-plane minimum image over the two in-plane cell vectors only
            double best = Math.hypot(d[0], d[1]);
            double bx = d[0], by = d[1];
            for (int a = -1; a <= 1; a++) {
                for (int bb = -1; bb <= 1; bb++) {
                    double x = d[0] + a * ref.cell().get(0, 0) + bb * ref.cell().get(1, 0);
                    double y = d[1] + a * ref.cell().get(0, 1) + bb * ref.cell().get(1, 1);
                    double r = Math.hypot(x, y);
                    if (r < best) {
                        best = r;
                        bx = x;
                        by = y;
                    }
                }
            }
            d[0] = bx;
            d[1] = by;
        }
        return Math.hypot(d[0], d[1]);
    }

    /**
     * The polarity of the core: let c₀, c₁, c₂ be the core triangle (the three columns nearest
     * the core, counter-clockwise) and v the column completing the neighbouring triangle across
     * each edge (c, c'). A core invariant under the ⟨110⟩ dyads (non-degenerate) has
     * DD(c→v) + DD(c'→v) = 0 on each of them; the polarity is the mean over the three
     * edges of −[DD(c→v) + DD(c'→v)] / (|b|/3): 0 for a symmetric core (and for any elastic
     * solution centred on the triangle), ±1 when all the displacement between c and c' is taken
     * up on one of the two outer edges (fully degenerate core; the sign tells the variant).
     * This is a dyad-asymmetry measure in the spirit of Frederiksen &amp; Jacobsen, Phil. Mag. 83
     * (2003) 365; its normalization is ours.
     *
     * @param core (x, y) of the core, Å, in the frame of {@code map.columns()}
     * @throws IllegalArgumentException when the three nearest columns are not a triangle of neighbours
     */
    public static double polarity(Map map, double[] core) {
        int c = map.columnCount();
        double[] xy = map.columns();
        int[] tri = new int[3];
        double[] dist = new double[c];
        for (int k = 0; k < c; k++) {
            dist[k] = Math.hypot(xy[2 * k] - core[0], xy[2 * k + 1] - core[1]);
        }
        boolean[] used = new boolean[c];
        for (int t = 0; t < 3; t++) {
            int best = -1;
            for (int k = 0; k < c; k++) {
                if (!used[k] && (best < 0 || dist[k] < dist[best])) {
                    best = k;
                }
            }
            used[best] = true;
            tri[t] = best;
        }
        for (int a = 0; a < 3; a++) {
            if (Double.isNaN(map.between(tri[a], tri[(a + 1) % 3]))) {
                throw new IllegalArgumentException("the three columns nearest (" + core[0] + ", " + core[1] + ") are not neighbours");
            }
        }
        // counter-clockwise order about the core
        double[] ang = new double[3];
        for (int a = 0; a < 3; a++) {
            ang[a] = Math.atan2(xy[2 * tri[a] + 1] - core[1], xy[2 * tri[a]] - core[0]);
        }
        for (int a = 0; a < 3; a++) {
            for (int bb = a + 1; bb < 3; bb++) {
                if (ang[bb] < ang[a]) {
                    double t = ang[a]; ang[a] = ang[bb]; ang[bb] = t;
                    int u = tri[a]; tri[a] = tri[bb]; tri[bb] = u;
                }
            }
        }
        double sum = 0;
        for (int a = 0; a < 3; a++) {
            int ci = tri[a], cj = tri[(a + 1) % 3], other = tri[(a + 2) % 3];
            int v = -1;
            for (int k = 0; k < c; k++) {
                if (k != other && k != ci && k != cj && !Double.isNaN(map.between(ci, k)) && !Double.isNaN(map.between(cj, k))) {
                    v = k;
                    break;
                }
            }
            if (v < 0) {
                throw new IllegalArgumentException("the core triangle has no neighbouring triangle across an edge (map too small)");
            }
            sum += -(map.between(ci, v) + map.between(cj, v)) / (Math.abs(map.b()) / 3);
        }
        return sum / 3;
    }

    /**
     * |polarity| above which a core counts as degenerate: the polarity is 0 for a core with the
     * dyad symmetry and ±1 when a core triangle edge carries none of its b/3 share.
     */
    public static final double DEGENERATE_POLARITY = 0.3;

    /**
     * "compact/non-degenerate" when every core's |polarity| is below {@link #DEGENERATE_POLARITY},
     * else "degenerate" (the displacement spread asymmetrically onto three {110} planes: Vitek,
     * Perrin &amp; Bowen 1970; Frederiksen &amp; Jacobsen 2003). A NaN polarity counts as degenerate.
     *
     * @param polarities the {@link #polarity} of each core of the cell
     */
    public static String coreType(double... polarities) {
        double worst = 0;
        for (double p : polarities) {
            worst = Math.max(worst, Math.abs(p));
        }
        return worst < DEGENERATE_POLARITY ? "compact/non-degenerate" : "degenerate";
    }
}
