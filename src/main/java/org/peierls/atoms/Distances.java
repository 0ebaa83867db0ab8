package org.peierls.atoms;

/**
 * Minimum-image distances in a structure: between two atoms, from a point to its nearest atom,
 * from an atom to its nearest neighbour. O(N) per query, no neighbor list: for building and
 * inspecting configurations (defect builders, structure analysis), not for force kernels.
 */
public final class Distances {

    private Distances() {
    }

    /** The minimum-image vector from atom i to atom j, Å. */
    public static double[] separation(Structure s, int i, int j) {
        double[] d = new double[3];
        for (int k = 0; k < 3; k++) {
            d[k] = s.position(j, k) - s.position(i, k);
        }
        s.cell().minimumImage(d);
        return d;
    }

    /** Index of the atom nearest (minimum image) to a point (Å); ties go to the lower index. */
    public static int nearestAtom(Structure s, double[] point) {
        Cell cell = s.cell();
        double best = Double.POSITIVE_INFINITY;
        int arg = -1;
        double[] d = new double[3];
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                d[k] = s.position(i, k) - point[k];
            }
            cell.minimumImage(d);
            double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            if (r2 < best - 1e-12) {
                best = r2;
                arg = i;
            }
        }
        return arg;
    }

    /** Minimum-image distance (Å) from a point to the nearest atom whose {@code skip} flag is false (skip may be null). */
    public static double nearestDistance(Structure s, double[] point, boolean[] skip) {
        Cell cell = s.cell();
        double best = Double.POSITIVE_INFINITY;
        double[] d = new double[3];
        for (int i = 0; i < s.size(); i++) {
            if (skip != null && skip[i]) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                d[k] = s.position(i, k) - point[k];
            }
            cell.minimumImage(d);
            best = Math.min(best, d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        }
        return Math.sqrt(best);
    }

    /** Distance (Å) from atom i to its nearest other atom (minimum image; images of i itself excluded). */
    public static double nearestNeighbourDistance(Structure s, int i) {
        boolean[] skip = new boolean[s.size()];
        skip[i] = true;
        return nearestDistance(s, new double[]{s.position(i, 0), s.position(i, 1), s.position(i, 2)}, skip);
    }
}
