package org.peierls.analysis;

import org.peierls.atoms.Structure;
import org.peierls.util.Parallel;

/**
 * Steinhardt bond-orientational order parameters (Steinhardt, Nelson &amp; Ronchetti, PRB 28, 784
 * (1983)): q_l = √(4π/(2l+1) Σ_m |q̄_lm|²) with q̄_lm = (1/N) Σ_j Y_lm(r̂_ij) over the N nearest
 * neighbors, as LAMMPS's {@code compute orientorder/atom} (its default N = 12; an atom with fewer
 * neighbors within the cutoff gets 0, as there). Perfect fcc with 12 neighbors has q4 = 0.19094,
 * q6 = 0.57452; bcc with 8 neighbors q6 = 0.62854 (the values of the literature, and the tests').
 */
public final class Steinhardt {

    private Steinhardt() {
    }

    /**
     * q_l of every atom for each l of {@code degrees}: {@code out[d][i]}.
     *
     * @param neighbors N nearest neighbors used
     * @param cutoff    neighbors must be closer than this, Å (infinite: any distance)
     */
    public static double[][] compute(Structure s, int[] degrees, int neighbors, double cutoff) {
        if (neighbors < 1) {
            throw new IllegalArgumentException("Steinhardt order needs at least one neighbor, got " + neighbors);
        }
        int lmax = 0;
        for (int l : degrees) {
            if (l < 0 || l > 16) {
                throw new IllegalArgumentException("Steinhardt degree must be in 0…16, got " + l);
            }
            lmax = Math.max(lmax, l);
        }
        NeighborShells shells = Double.isInfinite(cutoff) ? NeighborShells.reaching(s, neighbors) : NeighborShells.within(s, cutoff);
        double[][] out = new double[degrees.length][s.size()];
        // the normalisation of Y_lm, once per call, not per neighbour
        double[][] norms = new double[lmax + 1][];
        for (int l : degrees) {
            norms[l] = new double[l + 1];
            for (int m = 0; m <= l; m++) {
                norms[l][m] = norm(l, m);
            }
        }
        int n = s.size(), chunks = Parallel.chunks(n, 256), lm = lmax;
        Parallel.forEachChunk(chunks, c -> {
            NeighborShells.Shell sh = new NeighborShells.Shell();
            double[] re = new double[lm + 1], im = new double[lm + 1];
            double[] p = new double[lm + 1];
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                sh.load(shells, i);
                int m = Double.isInfinite(cutoff) ? sh.n : sh.within(cutoff);
                for (int d = 0; d < degrees.length; d++) {
                    out[d][i] = m < neighbors ? 0 : q(sh.v, neighbors, degrees[d], norms[degrees[d]], re, im, p);
                }
            }
        });
        return out;
    }

    /** q_l of the first {@code count} neighbor vectors. */
    private static double q(double[] v, int count, int l, double[] norm, double[] re, double[] im, double[] p) {
        java.util.Arrays.fill(re, 0, l + 1, 0);
        java.util.Arrays.fill(im, 0, l + 1, 0);
        for (int k = 0; k < count; k++) {
            double x = v[3 * k], y = v[3 * k + 1], z = v[3 * k + 2];
            double r = Math.sqrt(x * x + y * y + z * z);
            double ct = z / r, phi = Math.atan2(y, x);
            legendre(l, ct, p);
            for (int m = 0; m <= l; m++) {
                double ylm = norm[m] * p[m];
                re[m] += ylm * Math.cos(m * phi);
                im[m] += ylm * Math.sin(m * phi);
            }
        }
        // Σ_m |q_lm|² over m = −l…l: |q_l,−m| = |q_lm|
        double sum = (re[0] * re[0] + im[0] * im[0]);
        for (int m = 1; m <= l; m++) {
            sum += 2 * (re[m] * re[m] + im[m] * im[m]);
        }
        sum /= (double) count * count;
        return Math.sqrt(4 * Math.PI / (2 * l + 1) * sum);
    }

    /**
     * The associated Legendre functions P_l^m(x), m = 0…l, into {@code p[m]} (Condon–Shortley
     * phase omitted: it cancels in |q_lm|), by the standard upward recurrences in l at fixed m.
     */
    static void legendre(int l, double x, double[] p) {
        double s = Math.sqrt(Math.max(0, 1 - x * x));
        for (int m = 0; m <= l; m++) {
            // P_m^m = (2m−1)!! s^m
            double pmm = 1;
            for (int k = 1; k <= m; k++) {
                pmm *= (2 * k - 1) * s;
            }
            if (l == m) {
                p[m] = pmm;
                continue;
            }
            double pm1 = x * (2 * m + 1) * pmm;   // P_{m+1}^m
            if (l == m + 1) {
                p[m] = pm1;
                continue;
            }
            double a = pmm, b = pm1;
            for (int ll = m + 2; ll <= l; ll++) {
                double next = ((2 * ll - 1) * x * b - (ll + m - 1) * a) / (ll - m);
                a = b;
                b = next;
            }
            p[m] = b;
        }
    }

    /** √((2l+1)/(4π) (l−m)!/(l+m)!). */
    static double norm(int l, int m) {
        double f = 1;
        for (int k = l - m + 1; k <= l + m; k++) {
            f /= k;
        }
        return Math.sqrt((2 * l + 1) / (4 * Math.PI) * f);
    }
}
