package org.peierls.descriptor;

import org.peierls.neighbors.NeighborList;
import org.peierls.util.Parallel;

/**
 * Turns per-entry pair derivatives of a FULL neighbor list, g_k = ∂E_i/∂r_k for entry k = (i → j),
 * into forces F_i += g_k, F_j −= g_k and the virial W −= r_k ⊗ g_k — in parallel without write
 * races: atom m collects its own entries and, through the transpose of the list (the entries
 * whose neighbor is m), those pointing at it. Chunks depend only on N and every sum has a fixed
 * order, so the result does not depend on the number of threads at all.
 */
final class PairForces {

    private final NeighborList list;
    /** Entries whose neighbor is atom m: {@code entry[start[m] … start[m+1])}, increasing. */
    private final int[] start;
    private final int[] entry;

    private PairForces(NeighborList list) {
        this.list = list;
        int n = list.atoms();
        int[] nbr = list.neighborsArray();
        start = new int[n + 1];
        for (int j : nbr) {
            start[j + 1]++;
        }
        for (int j = 0; j < n; j++) {
            start[j + 1] += start[j];
        }
        int[] fill = java.util.Arrays.copyOf(start, n);
        entry = new int[nbr.length];
        for (int k = 0; k < nbr.length; k++) {
            entry[fill[nbr[k]]++] = k;
        }
    }

    /** The scatter for {@code list}: {@code cached} when it was built for the same list, else a new one. */
    static PairForces of(NeighborList list, PairForces cached) {
        return cached != null && cached.list == list ? cached : new PairForces(list);
    }

    /**
     * @param vec    displacement vectors {@code [3·size]}
     * @param pair   g_k {@code [3·size]}
     * @param forces += {@code [3N]}
     * @param virial += Voigt {@code [6]}
     */
    void scatter(double[] vec, double[] pair, double[] forces, double[] virial) {
        final int n = list.atoms();
        final int[] off = list.offsetsArray();
        final int chunks = Parallel.chunks(n, 1024);
        final double[] partial = new double[6 * chunks];
        Parallel.forEachChunk(chunks, c -> {
            int lo = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1);
            double w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0;
            for (int m = lo; m < hi; m++) {
                double fx = 0, fy = 0, fz = 0;
                for (int k = off[m]; k < off[m + 1]; k++) {
                    double gx = pair[3 * k], gy = pair[3 * k + 1], gz = pair[3 * k + 2];
                    fx += gx;
                    fy += gy;
                    fz += gz;
                    double rx = vec[3 * k], ry = vec[3 * k + 1], rz = vec[3 * k + 2];
                    w0 -= rx * gx;
                    w1 -= ry * gy;
                    w2 -= rz * gz;
                    w3 -= ry * gz;
                    w4 -= rx * gz;
                    w5 -= rx * gy;
                }
                for (int t = start[m]; t < start[m + 1]; t++) {
                    int k = entry[t];
                    fx -= pair[3 * k];
                    fy -= pair[3 * k + 1];
                    fz -= pair[3 * k + 2];
                }
                forces[3 * m] += fx;
                forces[3 * m + 1] += fy;
                forces[3 * m + 2] += fz;
            }
            int o = 6 * c;
            partial[o] = w0;
            partial[o + 1] = w1;
            partial[o + 2] = w2;
            partial[o + 3] = w3;
            partial[o + 4] = w4;
            partial[o + 5] = w5;
        });
        for (int c = 0; c < chunks; c++) {
            for (int v = 0; v < 6; v++) {
                virial[v] += partial[6 * c + v];
            }
        }
    }
}
