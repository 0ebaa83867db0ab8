package org.peierls.defects;

import java.util.TreeMap;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/** Test helper: neighbour counts per atom, grouped into shells by distance. */
final class Environments {

    private Environments() {
    }

    /**
     * For every atom, the number of neighbours within each shell: shell k holds the distances in
     * (edges[k−1], edges[k]] (edges[−1] = 0). Result [N][edges.length].
     */
    static int[][] counts(Structure s, double[] edges) {
        NeighborList nl = NeighborList.build(s, edges[edges.length - 1] + 1e-9, NeighborList.Kind.FULL);
        int[][] out = new int[s.size()][edges.length];
        for (int i = 0; i < s.size(); i++) {
            for (int k = nl.start(i); k < nl.end(i); k++) {
                double r = nl.distance(k);
                for (int b = 0; b < edges.length; b++) {
                    if (r <= edges[b]) {
                        out[i][b]++;
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** Histogram of the environments: "n0,n1,…" → number of atoms with it. */
    static TreeMap<String, Integer> histogram(Structure s, double[] edges) {
        TreeMap<String, Integer> h = new TreeMap<>();
        for (int[] c : counts(s, edges)) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < c.length; k++) {
                sb.append(k == 0 ? "" : ",").append(c[k]);
            }
            h.merge(sb.toString(), 1, Integer::sum);
        }
        return h;
    }
}
