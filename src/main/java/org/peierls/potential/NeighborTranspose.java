package org.peierls.potential;

import org.peierls.neighbors.NeighborList;

/**
 * The entries of a half neighbor list grouped by their neighbor atom: for atom j, the entries k
 * (owned by atoms i, pair (i, j)) whose {@link NeighborList#neighbor(int)} is j, in increasing k.
 *
 * <p>It lets a kernel visit every pair once from its owner i (writing only to i and to a
 * per-entry array) and then hand the partner's share to j in a second pass over j (writing only to
 * j), so that half-list kernels run in parallel without write races and give results that do not
 * depend on the number of threads at all.</p>
 */
public final class NeighborTranspose {

    private final NeighborList list;
    private final int[] start;
    private final int[] entry;
    private final int[] owner;

    private NeighborTranspose(NeighborList list, int[] start, int[] entry, int[] owner) {
        this.list = list;
        this.start = start;
        this.entry = entry;
        this.owner = owner;
    }

    /** Builds the transpose of {@code list} in O(size). */
    public static NeighborTranspose of(NeighborList list) {
        int n = list.atoms();
        int[] off = list.offsetsArray();
        int[] nbr = list.neighborsArray();
        int[] start = new int[n + 1];
        for (int j : nbr) {
            start[j + 1]++;
        }
        for (int j = 0; j < n; j++) {
            start[j + 1] += start[j];
        }
        int[] fill = java.util.Arrays.copyOf(start, n);
        int[] entry = new int[nbr.length];
        int[] owner = new int[nbr.length];
        for (int i = 0; i < n; i++) {
            for (int k = off[i]; k < off[i + 1]; k++) {
                int t = fill[nbr[k]]++;
                entry[t] = k;
                owner[t] = i;
            }
        }
        return new NeighborTranspose(list, start, entry, owner);
    }

    /** The list this transposes. */
    public NeighborList list() {
        return list;
    }

    /** Offsets {@code [N+1]}: atom j's entries are {@code entry[start[j] … start[j+1])} (internal array). */
    public int[] startArray() {
        return start;
    }

    /** Entry indices of the list, grouped by neighbor atom {@code [size]} (internal array). */
    public int[] entryArray() {
        return entry;
    }

    /** Owner atom i of each grouped entry {@code [size]} (internal array). */
    public int[] ownerArray() {
        return owner;
    }
}
