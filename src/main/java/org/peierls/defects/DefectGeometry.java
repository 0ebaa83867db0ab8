package org.peierls.defects;

import java.util.Arrays;
import org.peierls.atoms.Distances;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * Small geometric queries the builders share: the nearest-neighbour distance of a lattice,
 * neighbour shells, the closest approach of two atoms (the distances to points and atoms they
 * rest on are {@link Distances}). O(N) per query: meant for building, not for kernels.
 */
public final class DefectGeometry {

    /** Distances closer than this (Å) belong to the same neighbour shell. */
    public static final double SHELL_TOLERANCE = 1e-6;

    private DefectGeometry() {
    }

    /** Nearest-neighbour distance of a perfect crystal of lattice constant a (Å); hcp: a. */
    public static double nearestNeighbourDistance(LatticeType type, double a) {
        switch (type) {
            case SC: return a;
            case BCC: case B2: return a * Math.sqrt(3) / 2;
            case FCC: case L12: return a / Math.sqrt(2);
            case DIAMOND: return a * Math.sqrt(3) / 4;
            case HCP: return a;
            default: throw new IllegalArgumentException(type.toString());
        }
    }

    /**
     * The lowest-index atom in the {@code shell}-th neighbour shell of atom c (shells are distinct
     * minimum-image distances, {@link #SHELL_TOLERANCE}).
     *
     * @throws IllegalArgumentException when the cell holds fewer shells
     */
    public static int shellMember(Structure s, int c, int shell) {
        int n = s.size();
        double[] r = new double[n];
        for (int j = 0; j < n; j++) {
            double[] d = Distances.separation(s, c, j);
            r[j] = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        }
        double[] sorted = r.clone();
        Arrays.sort(sorted);
        int count = 0;
        double last = 0;
        double target = -1;
        for (double v : sorted) {
            if (v > last + SHELL_TOLERANCE) {
                count++;
                last = v;
                if (count == shell) {
                    target = v;
                    break;
                }
            }
        }
        if (target < 0) {
            throw new IllegalArgumentException("the cell has fewer than " + shell + " neighbour shells around atom " + c);
        }
        for (int j = 0; j < n; j++) {
            if (j != c && Math.abs(r[j] - target) <= SHELL_TOLERANCE) {
                return j;
            }
        }
        throw new IllegalStateException("shell " + shell + " not found");
    }

    /**
     * The smallest distance between two atoms (periodic images included, an atom and its own
     * images too), Å; +∞ for fewer than two atoms and no periodic image within {@code cutoff}.
     */
    public static double minimumSeparation(Structure s, double cutoff) {
        NeighborList nl = NeighborList.build(s, cutoff, NeighborList.Kind.HALF);
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < nl.size(); k++) {
            best = Math.min(best, nl.distance(k));
        }
        return best;
    }
}
