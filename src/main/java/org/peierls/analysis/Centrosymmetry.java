package org.peierls.analysis;

import java.util.Arrays;
import org.peierls.atoms.Structure;
import org.peierls.util.Parallel;

/**
 * The centro-symmetry parameter (Kelchner, Plimpton &amp; Hamilton, PRB 58, 11085 (1998)),
 * P = Σ_{N/2 pairs} |r_i + r_j|², Å², of the N nearest neighbors (12 for fcc, 8 for bcc): zero on
 * a centro-symmetric site, positive at defects and surfaces. The pairs are chosen as LAMMPS's
 * {@code compute centro/atom} and OVITO do ("greedy edge selection"): |r_i + r_j|² of all
 * N(N−1)/2 pairs, the N/2 smallest summed. An atom with fewer than N neighbors gets NaN.
 */
public final class Centrosymmetry {

    private Centrosymmetry() {
    }

    /**
     * @param neighbors N, even: 12 (fcc), 8 (bcc)
     */
    public static double[] compute(Structure s, int neighbors) {
        if (neighbors < 2 || neighbors % 2 != 0 || neighbors > 32) {
            throw new IllegalArgumentException("centro-symmetry needs an even number of neighbors in 2…32, got " + neighbors);
        }
        NeighborShells shells = NeighborShells.reaching(s, neighbors);
        double[] out = new double[s.size()];
        int n = s.size(), chunks = Parallel.chunks(n, 256);
        int pairs = neighbors * (neighbors - 1) / 2;
        Parallel.forEachChunk(chunks, c -> {
            NeighborShells.Shell sh = new NeighborShells.Shell();
            double[] w = new double[pairs];
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                sh.load(shells, i);
                if (sh.n < neighbors) {
                    out[i] = Double.NaN;
                    continue;
                }
                double[] v = sh.v;
                int p = 0;
                for (int a = 0; a < neighbors; a++) {
                    for (int b = a + 1; b < neighbors; b++) {
                        double x = v[3 * a] + v[3 * b], y = v[3 * a + 1] + v[3 * b + 1], z = v[3 * a + 2] + v[3 * b + 2];
                        w[p++] = x * x + y * y + z * z;
                    }
                }
                Arrays.sort(w);
                double sum = 0;
                for (int k = 0; k < neighbors / 2; k++) {
                    sum += w[k];
                }
                out[i] = sum;
            }
        });
        return out;
    }
}
