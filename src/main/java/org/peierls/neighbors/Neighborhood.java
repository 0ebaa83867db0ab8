package org.peierls.neighbors;

import java.util.Arrays;

/**
 * The neighbors of one atom inside a cutoff, copied out of a {@link NeighborList}'s CSR arrays
 * into contiguous arrays: the gather every per-atom descriptor kernel starts with, so that its
 * loops over neighbors read dense, unit-stride data instead of scattered list entries.
 *
 * <p>Neighbor q &lt; {@link #count()} of the last gather is list entry {@code entry()[q]}, atom
 * {@code atom()[q]}, displacement ({@code x()[q]}, {@code y()[q]}, {@code z()[q]}) = r_ij (Å) and
 * distance {@code r()[q]} = |r_ij|, in list order. Entries at (nearly) zero distance — an atom on
 * top of another — are skipped: they have no direction, and every descriptor treats them so.</p>
 *
 * <p>A caller-owned workspace (one per thread): the arrays grow by doubling and never shrink,
 * so once grown a gather allocates nothing. The accessors return the internal arrays, which a
 * later gather may replace: read them again after each gather.</p>
 */
public final class Neighborhood {

    /** Squared distances (Å²) at or below this are skipped by every gather and {@link #inside}. */
    public static final double MIN_DISTANCE_SQ = 1e-20;

    private double[] x, y, z, r;
    private int[] entry, atom;
    private int count;

    /** A workspace for {@code capacity} neighbors to begin with (it grows as needed). */
    public Neighborhood(int capacity) {
        int c = Math.max(1, capacity);
        x = new double[c];
        y = new double[c];
        z = new double[c];
        r = new double[c];
        entry = new int[c];
        atom = new int[c];
    }

    /** Whether list entry k of displacements {@code vec [3·size]} is gathered with a squared cutoff {@code cutSq} (Å²). */
    public static boolean inside(double[] vec, int k, double cutSq) {
        double dx = vec[3 * k], dy = vec[3 * k + 1], dz = vec[3 * k + 2];
        double rsq = dx * dx + dy * dy + dz * dz;
        return rsq < cutSq && rsq > MIN_DISTANCE_SQ;
    }

    /**
     * The neighbors of atom i closer than √cutSq.
     *
     * @param start the list's CSR offsets {@code [N+1]}
     * @param nbr   the list's neighbor indices {@code [size]}
     * @param vec   the displacement vectors {@code [3·size]} (e.g. {@link NeighborList#vectorsFor})
     * @param cutSq the squared cutoff, Å²
     * @return the number of neighbors gathered
     */
    public int gather(int i, int[] start, int[] nbr, double[] vec, double cutSq) {
        int n = 0;
        for (int k = start[i]; k < start[i + 1]; k++) {
            double dx = vec[3 * k], dy = vec[3 * k + 1], dz = vec[3 * k + 2];
            double rsq = dx * dx + dy * dy + dz * dz;
            if (rsq < cutSq && rsq > MIN_DISTANCE_SQ) {
                add(n++, k, nbr[k], dx, dy, dz, rsq);
            }
        }
        count = n;
        return n;
    }

    /**
     * The neighbors of atom i inside cutoffs that depend on the pair of element types: neighbor j
     * is gathered when |r_ij|² &lt; {@code cutSq[types[i]·ntypes + types[j]]}.
     *
     * @param types type index per atom {@code [N]}
     * @param cutSq squared cutoffs per ordered type pair {@code [ntypes²]}, Å²
     * @return the number of neighbors gathered
     */
    public int gather(int i, int[] start, int[] nbr, double[] vec, int[] types, int ntypes, double[] cutSq) {
        int row = types[i] * ntypes;
        int n = 0;
        for (int k = start[i]; k < start[i + 1]; k++) {
            double dx = vec[3 * k], dy = vec[3 * k + 1], dz = vec[3 * k + 2];
            double rsq = dx * dx + dy * dy + dz * dz;
            int j = nbr[k];
            if (rsq < cutSq[row + types[j]] && rsq > MIN_DISTANCE_SQ) {
                add(n++, k, j, dx, dy, dz, rsq);
            }
        }
        count = n;
        return n;
    }

    private void add(int q, int k, int j, double dx, double dy, double dz, double rsq) {
        if (q == x.length) {
            grow();
        }
        x[q] = dx;
        y[q] = dy;
        z[q] = dz;
        r[q] = Math.sqrt(rsq);
        entry[q] = k;
        atom[q] = j;
    }

    private void grow() {
        int c = 2 * x.length;
        x = Arrays.copyOf(x, c);
        y = Arrays.copyOf(y, c);
        z = Arrays.copyOf(z, c);
        r = Arrays.copyOf(r, c);
        entry = Arrays.copyOf(entry, c);
        atom = Arrays.copyOf(atom, c);
    }

    /** Number of neighbors of the last gather. */
    public int count() {
        return count;
    }

    /** The length of the arrays now (≥ {@link #count()}): callers size their own per-neighbor arrays by it. */
    public int capacity() {
        return x.length;
    }

    /** x components of r_ij, Å (the internal array). */
    public double[] x() {
        return x;
    }

    /** y components of r_ij, Å (the internal array). */
    public double[] y() {
        return y;
    }

    /** z components of r_ij, Å (the internal array). */
    public double[] z() {
        return z;
    }

    /** Distances |r_ij|, Å (the internal array). */
    public double[] r() {
        return r;
    }

    /** Neighbor-list entry of each neighbor (the internal array). */
    public int[] entry() {
        return entry;
    }

    /** Atom index j of each neighbor (the internal array). */
    public int[] atom() {
        return atom;
    }
}
