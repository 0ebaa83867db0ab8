package org.peierls.analysis;

import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Structure;

/**
 * Triangles of atomic columns along the line direction z of a crystal (⟨111⟩ columns in bcc)
 * and their classification as easy or hard core sites of a screw dislocation (see
 * {@link CoreType}): where a core can sit in a crystal, which the dislocation builders ask
 * before they insert one.
 */
public final class ScrewCores {

    private ScrewCores() {
    }

    /**
     * The centroid (x, y) of the triangle of nearest-neighbour columns of the requested type
     * nearest to {@code near}.
     *
     * @param perfect a perfect crystal with z along the line; periodic in x and y or not
     * @param bz      the signed Burgers vector along z, Å (the column period along z is |bz|)
     * @param near    (x, y), Å
     * @throws IllegalArgumentException when no such triangle is found around {@code near}
     */
    public static double[] centre(Structure perfect, double bz, double[] near, CoreType type) {
        Columns cols = Columns.of(perfect, near, 4.0);
        double best = Double.POSITIVE_INFINITY;
        double[] arg = null;
        for (double[] t : triangles(cols)) {
            if (classify(t, bz) != type) {
                continue;
            }
            double d = Math.hypot(t[0] - near[0], t[1] - near[1]);
            if (d < best - 1e-9) {
                best = d;
                arg = new double[]{t[0], t[1]};
            }
        }
        if (arg == null) {
            throw new IllegalArgumentException("no " + type + " triangle of columns near " + near[0] + ", " + near[1]);
        }
        return arg;
    }

    /**
     * Triangles of mutually nearest-neighbour columns: rows {cx, cy, h0, h1, h2} with the column
     * heights (mod |b|) in counter-clockwise order around the centroid.
     */
    static List<double[]> triangles(Columns cols) {
        List<double[]> out = new ArrayList<>();
        int n = cols.size();
        double s = cols.spacing();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(cols.distance(i, j) - s) > 1e-3 * s) {
                    continue;
                }
                for (int k = j + 1; k < n; k++) {
                    if (Math.abs(cols.distance(i, k) - s) > 1e-3 * s || Math.abs(cols.distance(j, k) - s) > 1e-3 * s) {
                        continue;
                    }
                    double cx = (cols.x(i) + cols.x(j) + cols.x(k)) / 3, cy = (cols.y(i) + cols.y(j) + cols.y(k)) / 3;
                    int[] idx = {i, j, k};
                    // sort counter-clockwise by angle about the centroid
                    double[] ang = new double[3];
                    for (int m = 0; m < 3; m++) {
                        ang[m] = Math.atan2(cols.y(idx[m]) - cy, cols.x(idx[m]) - cx);
                    }
                    for (int a = 0; a < 3; a++) {
                        for (int b = a + 1; b < 3; b++) {
                            if (ang[b] < ang[a]) {
                                double t = ang[a]; ang[a] = ang[b]; ang[b] = t;
                                int u = idx[a]; idx[a] = idx[b]; idx[b] = u;
                            }
                        }
                    }
                    out.add(new double[]{cx, cy, cols.height(idx[0]), cols.height(idx[1]), cols.height(idx[2])});
                }
            }
        }
        return out;
    }

    /** Easy when successive (counter-clockwise) heights differ by +bz/3, hard when by −bz/3 (mod b). */
    static CoreType classify(double[] t, double bz) {
        double b = Math.abs(bz);
        double step = fold(t[3] - t[2], b);
        if (Math.abs(fold(step - bz / 3, b)) < 1e-3 * b) {
            return CoreType.EASY;
        }
        if (Math.abs(fold(step + bz / 3, b)) < 1e-3 * b) {
            return CoreType.HARD;
        }
        return null;
    }

    /** v folded into (−b/2, b/2]: a displacement along the line modulo the column period b. */
    public static double fold(double v, double b) {
        double f = v - b * Math.floor(v / b + 0.5);
        return f <= -0.5 * b ? f + b : f;
    }

    /** Distinct projected column positions near a point, unwrapped around it, with their heights. */
    record Columns(double[] xy, double[] h, double spacing) {

        static Columns of(Structure s, double[] near, double reachFactor) {
            int n = s.size();
            double[] px = new double[n], py = new double[n], pz = new double[n];
            double[] d = new double[3];
            boolean periodicXY = s.cell().periodic(0) && s.cell().periodic(1);
            double nearest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                d[0] = s.position(i, 0) - near[0];
                d[1] = s.position(i, 1) - near[1];
                d[2] = 0;
                if (periodicXY) {
                    s.cell().minimumImage(d);
                }
                px[i] = near[0] + d[0];
                py[i] = near[1] + d[1];
                pz[i] = s.position(i, 2);
            }
            // column spacing: smallest non-zero projected distance among atoms near the point
            for (int i = 0; i < n; i++) {
                nearest = Math.min(nearest, Math.hypot(px[i] - near[0], py[i] - near[1]));
            }
            double spacing = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (Math.hypot(px[i] - near[0], py[i] - near[1]) < nearest + 1e-6) {
                    for (int j = 0; j < n; j++) {
                        double r = Math.hypot(px[j] - px[i], py[j] - py[i]);
                        if (r > 1e-4) {
                            spacing = Math.min(spacing, r);
                        }
                    }
                    break;
                }
            }
            double reach = nearest + reachFactor * spacing;
            List<double[]> cols = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (Math.hypot(px[i] - near[0], py[i] - near[1]) > reach) {
                    continue;
                }
                boolean found = false;
                for (double[] c : cols) {
                    if (Math.hypot(c[0] - px[i], c[1] - py[i]) < 1e-4) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    cols.add(new double[]{px[i], py[i], pz[i]});
                }
            }
            double[] xy = new double[2 * cols.size()];
            double[] hh = new double[cols.size()];
            for (int c = 0; c < cols.size(); c++) {
                xy[2 * c] = cols.get(c)[0];
                xy[2 * c + 1] = cols.get(c)[1];
                hh[c] = cols.get(c)[2];
            }
            return new Columns(xy, hh, spacing);
        }

        int size() {
            return h.length;
        }

        double x(int i) {
            return xy[2 * i];
        }

        double y(int i) {
            return xy[2 * i + 1];
        }

        double height(int i) {
            return h[i];
        }

        double distance(int i, int j) {
            return Math.hypot(x(i) - x(j), y(i) - y(j));
        }
    }
}
