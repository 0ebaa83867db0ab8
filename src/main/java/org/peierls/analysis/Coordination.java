package org.peierls.analysis;

import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/** Coordination numbers: the neighbors of each atom closer than a cutoff (LAMMPS's {@code compute coord/atom cutoff}). */
public final class Coordination {

    private Coordination() {
    }

    /** Neighbors closer than {@code cutoff}, Å, per atom. */
    public static int[] compute(Structure s, double cutoff) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("coordination cutoff must be positive, got " + cutoff);
        }
        NeighborList nl = NeighborList.build(s, cutoff, NeighborList.Kind.FULL);
        double[] vec = nl.vectorsFor(s);
        int[] off = nl.offsetsArray();
        int[] out = new int[s.size()];
        double r2 = cutoff * cutoff;
        for (int i = 0; i < out.length; i++) {
            int c = 0;
            for (int e = off[i]; e < off[i + 1]; e++) {
                double d2 = vec[3 * e] * vec[3 * e] + vec[3 * e + 1] * vec[3 * e + 1] + vec[3 * e + 2] * vec[3 * e + 2];
                c += d2 < r2 ? 1 : 0;
            }
            out[i] = c;
        }
        return out;
    }
}
