package org.peierls.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.Cell;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;

/**
 * Names the configuration of a relaxed self-interstitial in a cubic crystal, from its geometry
 * alone:
 * <ol>
 *   <li>Wigner–Seitz analysis: each atom is assigned to its nearest site of the perfect
 *       supercell; a single interstitial leaves exactly one doubly occupied site S and no empty one
 *       (otherwise the configuration is "complex").</li>
 *   <li>The two atoms p, q on S: when their midpoint lies near S (|m| ≤ 0.3|q − p|) they form a
 *       dumbbell along the ⟨100⟩, ⟨110⟩ or ⟨111⟩ family nearest to q − p (within 15°, otherwise
 *       "dumbbell-mixed"). Along the close-packed row (bcc ⟨111⟩, fcc ⟨110⟩) a dumbbell and a
 *       crowdion differ by where the centre of the compressed stretch of the row sits: on an
 *       atom (crowdion) or between two (dumbbell).</li>
 *   <li>Otherwise one atom sits on S and the other at an interstitial site: the named site
 *       offset (octahedral, tetrahedral; any of its 48 cubic images) nearest to it, within 0.15 a.</li>
 * </ol>
 * Labels follow the defect builders' names ("bcc-dumbbell-110", "bcc-crowdion-111"; the site
 * names are the caller's, e.g. "fcc-octahedral"), plus "bcc-dumbbell-mixed", "fcc-dumbbell-110",
 * "fcc-crowdion-110", "…-site-other" and "complex" for configurations outside that list. The
 * sites come in as plain data so that this analysis does not depend on the builders' catalogue.
 */
public final class InterstitialClassifier {

    private InterstitialClassifier() {
    }

    /**
     * @param relaxed the relaxed cell with one extra atom (same cell as {@code perfect})
     * @param perfect the perfect supercell (cube axes)
     * @param type    bcc or fcc
     * @param a       lattice constant, Å
     * @param sites   the interstitial sites of this lattice an extra atom may sit at: label → offset
     *                from a lattice atom in the cube axes, Å; checked in their iteration order, the
     *                first of equally near sites wins
     */
    public static String classify(Structure relaxed, Structure perfect, LatticeType type, double a, Map<String, double[]> sites) {
        if (relaxed.size() != perfect.size() + 1) {
            return "complex";
        }
        Cell cell = perfect.cell();
        int m = perfect.size();
        int[] occupancy = new int[m];
        int[] site = new int[relaxed.size()];
        double[] d = new double[3];
        for (int i = 0; i < relaxed.size(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int s = 0; s < m; s++) {
                for (int k = 0; k < 3; k++) {
                    d[k] = relaxed.position(i, k) - perfect.position(s, k);
                }
                cell.minimumImage(d);
                double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                if (r2 < best) {
                    best = r2;
                    site[i] = s;
                }
            }
            occupancy[site[i]]++;
        }
        int doubled = -1;
        for (int s = 0; s < m; s++) {
            if (occupancy[s] == 0 || occupancy[s] > 2 || (occupancy[s] == 2 && doubled >= 0)) {
                return "complex";
            }
            if (occupancy[s] == 2) {
                doubled = s;
            }
        }
        int p = -1, q = -1;
        for (int i = 0; i < relaxed.size(); i++) {
            if (site[i] == doubled) {
                if (p < 0) {
                    p = i;
                } else {
                    q = i;
                }
            }
        }
        double[] sp = offset(relaxed, p, perfect, doubled);
        double[] sq = offset(relaxed, q, perfect, doubled);
        double[] v = {sq[0] - sp[0], sq[1] - sp[1], sq[2] - sp[2]};
        double[] mid = {0.5 * (sq[0] + sp[0]), 0.5 * (sq[1] + sp[1]), 0.5 * (sq[2] + sp[2])};
        double lv = norm(v);
        String prefix = type.label() + "-";
        if (norm(mid) <= 0.3 * lv) {
            double[] e = {v[0] / lv, v[1] / lv, v[2] / lv};
            double c100 = Math.max(Math.abs(e[0]), Math.max(Math.abs(e[1]), Math.abs(e[2])));
            double c110 = Math.max(Math.abs(e[0]) + Math.abs(e[1]), Math.max(Math.abs(e[0]) + Math.abs(e[2]), Math.abs(e[1]) + Math.abs(e[2])))
                    / Math.sqrt(2);
            double c111 = (Math.abs(e[0]) + Math.abs(e[1]) + Math.abs(e[2])) / Math.sqrt(3);
            double best = Math.max(c100, Math.max(c110, c111));
            if (best < Math.cos(Math.toRadians(15))) {
                return prefix + "dumbbell-mixed";
            }
            String family = best == c100 ? "100" : best == c110 ? "110" : "111";
            String closePacked = type == LatticeType.BCC ? "111" : "110";
            if (family.equals(closePacked)) {
                double[] centre = new double[3];
                for (int k = 0; k < 3; k++) {
                    centre[k] = perfect.position(doubled, k) + mid[k];
                }
                if (crowdion(relaxed, centre, e, type, a)) {
                    return prefix + "crowdion-" + family;
                }
            }
            return prefix + "dumbbell-" + family;
        }
        double[] far = norm(sp) > norm(sq) ? sp : sq;
        String label = prefix + "site-other";
        double bestDistance = 0.15 * a;
        for (Map.Entry<String, double[]> s : sites.entrySet()) {
            double r = nearestImage(far, s.getValue());
            if (r < bestDistance) {
                bestDistance = r;
                label = s.getKey();
            }
        }
        return label;
    }

    /** Atom i's minimum-image offset from perfect site s, Å. */
    private static double[] offset(Structure relaxed, int i, Structure perfect, int s) {
        double[] d = new double[3];
        for (int k = 0; k < 3; k++) {
            d[k] = relaxed.position(i, k) - perfect.position(s, k);
        }
        perfect.cell().minimumImage(d);
        return d;
    }

    /** Distance from o to the nearest of the 48 signed permutations of t. */
    private static double nearestImage(double[] o, double[] t) {
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        double best = Double.POSITIVE_INFINITY;
        for (int[] pm : perms) {
            for (int sign = 0; sign < 8; sign++) {
                double r2 = 0;
                for (int k = 0; k < 3; k++) {
                    double tk = t[pm[k]] * (((sign >> k) & 1) == 1 ? -1 : 1);
                    r2 += (o[k] - tk) * (o[k] - tk);
                }
                best = Math.min(best, Math.sqrt(r2));
            }
        }
        return best;
    }

    /**
     * True when the compressed stretch of the row through {@code centre} along {@code e} is
     * centred on an atom (crowdion) rather than between two (dumbbell). The centre of compression
     * is the mean of the bond midpoints weighted by how much shorter than d_nn each bond is
     * (recentred twice, the row taken within ±3 d_nn); it holds an atom when one lies within a
     * quarter of the shortest bond.
     */
    static boolean crowdion(Structure s, double[] centre, double[] e, LatticeType type, double a) {
        double dnn = type == LatticeType.BCC ? a * Math.sqrt(3) / 2 : a / Math.sqrt(2);
        double[] c = centre.clone();
        double star = 0;
        List<Double> along = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            along = row(s, c, e, dnn);
            double sw = 0, swm = 0;
            for (int b = 0; b + 1 < along.size(); b++) {
                double len = along.get(b + 1) - along.get(b);
                double w = Math.max(0, dnn - len);
                sw += w;
                swm += w * 0.5 * (along.get(b + 1) + along.get(b));
            }
            if (sw == 0) {
                return false;
            }
            star = swm / sw;
            for (int k = 0; k < 3; k++) {
                c[k] += star * e[k];
            }
        }
        // 'along' is relative to the centre before the last shift by 'star'
        double shortest = Double.POSITIVE_INFINITY, nearest = Double.POSITIVE_INFINITY;
        for (int b = 0; b < along.size(); b++) {
            nearest = Math.min(nearest, Math.abs(along.get(b) - star));
            if (b + 1 < along.size()) {
                shortest = Math.min(shortest, along.get(b + 1) - along.get(b));
            }
        }
        return nearest < 0.25 * shortest;
    }

    /** Coordinates along e (sorted, relative to c) of the atoms within 0.25 d_nn of the line, |t| ≤ 3 d_nn. */
    private static List<Double> row(Structure s, double[] c, double[] e, double dnn) {
        List<Double> along = new ArrayList<>();
        double[] d = new double[3];
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                d[k] = s.position(i, k) - c[k];
            }
            s.cell().minimumImage(d);
            double t = d[0] * e[0] + d[1] * e[1] + d[2] * e[2];
            double perp2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] - t * t;
            if (Math.abs(t) <= 3 * dnn && perp2 < 0.0625 * dnn * dnn) {
                along.add(t);
            }
        }
        along.sort(null);
        return along;
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }
}
