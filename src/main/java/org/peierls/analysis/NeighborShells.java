package org.peierls.analysis;

import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * The neighbors of each atom as displacement vectors sorted by distance, the common input of the
 * per-atom identifiers (CNA, CSP, Steinhardt, coordination). The list is built with a cutoff
 * that reaches {@code wanted} neighbors of every atom of a dense crystal: first 1.6 times the
 * mean atomic spacing (V/N)^⅓ (two shells of fcc, three of bcc), widened by 30 % while some atom
 * that has neighbors has fewer than {@code wanted} (at most four times; atoms at a surface or in
 * vacuum may keep fewer). A fixed cutoff can be asked for instead.
 */
final class NeighborShells {

    final Structure structure;
    final NeighborList list;
    final double[] vectors;
    final int[] offsets;
    final int[] neighbors;

    private NeighborShells(Structure structure, NeighborList list) {
        this.structure = structure;
        this.list = list;
        this.vectors = list.vectorsFor(structure);
        this.offsets = list.offsetsArray();
        this.neighbors = list.neighborsArray();
    }

    /** Shells within a fixed cutoff, Å. */
    static NeighborShells within(Structure s, double cutoff) {
        return new NeighborShells(s, NeighborList.build(s, cutoff, NeighborList.Kind.FULL));
    }

    /** Shells that hold at least {@code wanted} neighbors of every atom that is not isolated (see the class comment). */
    static NeighborShells reaching(Structure s, int wanted) {
        double spacing = Math.cbrt(Math.max(s.cell().volume(), 1e-9) / Math.max(1, s.size()));
        double r = 1.6 * spacing;
        if (!s.cell().fullyPeriodic() || !(r > 0) || !Double.isFinite(r)) {
            r = 4.0;
        }
        NeighborShells sh = within(s, r);
        for (int round = 0; round < 4 && sh.shortOfNeighbors(wanted); round++) {
            r *= 1.3;
            sh = within(s, r);
        }
        return sh;
    }

    /** The median over atoms that have neighbors of the nearest-neighbor distance, Å ({@code fallback} when no atom has one). */
    static double medianNearest(Structure s, double fallback) {
        NeighborShells shells = reaching(s, 1);
        Shell sh = new Shell();
        double[] d = new double[s.size()];
        int m = 0;
        for (int i = 0; i < s.size(); i++) {
            sh.load(shells, i);
            if (sh.n > 0) {
                d[m++] = Math.sqrt(sh.d2[0]);
            }
        }
        if (m == 0) {
            return fallback;
        }
        double[] c = java.util.Arrays.copyOf(d, m);
        java.util.Arrays.sort(c);
        return c[m / 2];
    }

    private boolean shortOfNeighbors(int wanted) {
        for (int i = 0; i < structure.size(); i++) {
            int c = offsets[i + 1] - offsets[i];
            if (c > 0 && c < wanted) {
                return true;
            }
        }
        return false;
    }

    /** Per-thread scratch: the sorted shell of one atom (vectors, squared distances, neighbor indices). Reused from atom to atom. */
    static final class Shell {
        double[] v = new double[3 * 32];
        double[] d2 = new double[32];
        int[] j = new int[32];
        int n;

        /** Loads atom i's neighbors (all of them in the list), sorted by distance. */
        void load(NeighborShells s, int i) {
            int from = s.offsets[i], to = s.offsets[i + 1];
            n = to - from;
            if (d2.length < n) {
                d2 = new double[2 * n];
                v = new double[6 * n];
                j = new int[2 * n];
            }
            double[] vec = s.vectors;
            int[] nb = s.neighbors;
            for (int k = 0; k < n; k++) {
                int e = from + k;
                double x = vec[3 * e], y = vec[3 * e + 1], z = vec[3 * e + 2];
                // insertion sort: shells are short and nearly ordered by the list's binning
                double r2 = x * x + y * y + z * z;
                int p = k;
                while (p > 0 && d2[p - 1] > r2) {
                    d2[p] = d2[p - 1];
                    j[p] = j[p - 1];
                    v[3 * p] = v[3 * p - 3];
                    v[3 * p + 1] = v[3 * p - 2];
                    v[3 * p + 2] = v[3 * p - 1];
                    p--;
                }
                d2[p] = r2;
                j[p] = nb[e];
                v[3 * p] = x;
                v[3 * p + 1] = y;
                v[3 * p + 2] = z;
            }
        }

        /** Number of neighbors closer than r (d² &lt; r²). */
        int within(double r) {
            double r2 = r * r;
            int c = 0;
            while (c < n && d2[c] < r2) {
                c++;
            }
            return c;
        }
    }
}
