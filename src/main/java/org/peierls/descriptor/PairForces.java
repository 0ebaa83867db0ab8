package org.peierls.descriptor;

import org.peierls.neighbors.NeighborList;
import org.peierls.util.Parallel;

/**
 * Turns per-pair derivatives g = ∂E_i/∂r_k of a FULL neighbor list (entry k = i → j) into forces
 * F_i += g, F_j −= g and the virial W −= r_k ⊗ g, in parallel and without write races:
 *
 * <ul>
 *   <li>while atom i is computed, its own share goes straight to F_i and to the virial of its
 *       chunk, and g is stored at the entry's place in the transpose of the list (the entries
 *       grouped by their neighbor atom);</li>
 *   <li>{@link Sink#finish} then gives every atom j the sum of the g's pointing at it, reading the
 *       transposed array in order (and zeroing it for the next call).</li>
 * </ul>
 *
 * Chunks depend only on N and every sum has a fixed order: the result does not depend on the
 * number of threads at all. Built once per neighbor list.
 */
final class PairForces {

    private final NeighborList list;
    /** Transposed entries of atom j: positions {@code [start[j], start[j+1])}. */
    private final int[] start;
    /** Position of entry k in the transposed order. */
    private final int[] tpos;

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
        tpos = new int[nbr.length];
        for (int k = 0; k < nbr.length; k++) {
            tpos[k] = fill[nbr[k]]++;
        }
    }

    /** The scatter for {@code list}: {@code cached} when it was built for the same list, else a new one. */
    static PairForces of(NeighborList list, PairForces cached) {
        return cached != null && cached.list == list ? cached : new PairForces(list);
    }

    /** Chunks of atoms the kernels must use (a function of N only). */
    static int chunks(int n) {
        return Parallel.chunks(n, 16);
    }

    /**
     * The receiver of one evaluation's pair derivatives.
     *
     * @param buffer all-zero {@code [3·entries]} (it is all-zero again after {@link Sink#finish})
     */
    Sink sink(double[] forces, double[] buffer) {
        return new Sink(forces, buffer, new double[6 * chunks(list.atoms())]);
    }

    final class Sink {
        final double[] forces;
        final double[] transposed;
        final double[] virial;

        private Sink(double[] forces, double[] transposed, double[] virial) {
            this.forces = forces;
            this.transposed = transposed;
            this.virial = virial;
        }

        /** g = ∂E_i/∂r of entry k (displacement r) of atom i, from chunk c. */
        void add(int c, int i, int k, double rx, double ry, double rz, double gx, double gy, double gz) {
            forces[3 * i] += gx;
            forces[3 * i + 1] += gy;
            forces[3 * i + 2] += gz;
            int t = 3 * tpos[k];
            transposed[t] = gx;
            transposed[t + 1] = gy;
            transposed[t + 2] = gz;
            int o = 6 * c;
            virial[o] -= rx * gx;
            virial[o + 1] -= ry * gy;
            virial[o + 2] -= rz * gz;
            virial[o + 3] -= ry * gz;
            virial[o + 4] -= rx * gz;
            virial[o + 5] -= rx * gy;
        }

        /** The neighbors' shares of the forces, and the virial into {@code total} (Voigt, +=). */
        void finish(double[] total) {
            final int n = list.atoms();
            final int chunks = Parallel.chunks(n, 1024);
            final double[] tr = transposed;
            Parallel.forEachChunk(chunks, c -> {
                int lo = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1);
                for (int m = lo; m < hi; m++) {
                    double fx = 0, fy = 0, fz = 0;
                    for (int t = 3 * start[m]; t < 3 * start[m + 1]; t += 3) {
                        fx += tr[t];
                        fy += tr[t + 1];
                        fz += tr[t + 2];
                        tr[t] = 0.0;
                        tr[t + 1] = 0.0;
                        tr[t + 2] = 0.0;
                    }
                    forces[3 * m] -= fx;
                    forces[3 * m + 1] -= fy;
                    forces[3 * m + 2] -= fz;
                }
            });
            for (int c = 0; c < virial.length / 6; c++) {
                for (int v = 0; v < 6; v++) {
                    total[v] += virial[6 * c + v];
                }
            }
        }
    }
}
