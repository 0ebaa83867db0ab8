package org.peierls.analysis;

import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.util.Parallel;

/**
 * The Nye dislocation density tensor per atom from the local lattice (Hartley &amp; Mishin, Acta
 * Mater. 53, 1313 (2005)). For atom i, each neighbor vector P<sub>ij</sub> (within the cutoff) is
 * matched to the ideal first-shell vector Q<sub>ij</sub> of the perfect crystal closest to it in
 * angle (pairs beyond {@value #ANGLE_TOLERANCE_DEG}° are dropped); the lattice correspondence
 * tensor G<sub>i</sub> maps actual to ideal bonds in the least-squares sense, P G = Q, so
 * G = (PᵀP)⁻¹PᵀQ. Its gradient comes from the same fit to the differences G<sub>j</sub> − G<sub>i</sub>
 * over the neighbors, and α = −∇×G, α<sub>jk</sub> = −ε<sub>jnm</sub> ∂<sub>n</sub>G<sub>mk</sub>.
 *
 * <p>Why this α integrates to b: a closed circuit in the real crystal maps into the perfect one as
 * Σ d·G, so the closure failure (FS/RH, {@link BurgersCircuit}) is b = −∮ dx·G = ∫ α<sup>T</sup>t dA by
 * Stokes' theorem. On atoms, ∫ dA = Σ<sub>i</sub> Ω / L over the atoms of a slab of length L along
 * the line t, Ω the volume per atom: {@link #burgers}.</p>
 */
public final class NyeTensor {

    static final double ANGLE_TOLERANCE_DEG = 27;

    private NyeTensor() {
    }

    /**
     * α per atom, row-major [9N] (α<sub>jk</sub> at 9i + 3j + k, Å⁻¹); NaN where an atom or too many of its
     * neighbors have fewer than three well-posed bonds.
     *
     * @param ideal  the perfect crystal's first-shell vectors in the structure's frame (flat [3K], Å),
     *               e.g. {@link BurgersCircuit#nearestNeighbourVectors}
     * @param cutoff neighbor cutoff, Å (between the first and second shells of the perfect crystal)
     */
    public static double[] compute(Structure s, double[] ideal, double cutoff) {
        int n = s.size();
        NeighborList nl = NeighborList.build(s, cutoff, NeighborList.Kind.FULL);
        double[] vec = nl.vectors();
        double cosTol = Math.cos(Math.toRadians(ANGLE_TOLERANCE_DEG));
        int nIdeal = ideal.length / 3;
        double[] idealLen = new double[nIdeal];
        for (int k = 0; k < nIdeal; k++) {
            idealLen[k] = Math.sqrt(ideal[3 * k] * ideal[3 * k] + ideal[3 * k + 1] * ideal[3 * k + 1] + ideal[3 * k + 2] * ideal[3 * k + 2]);
        }
        double[] g = new double[9 * n];
        boolean[] ok = new boolean[n];
        int[] match = new int[nl.size()];
        int chunks = Parallel.chunks(n, 256);
        Parallel.forEachChunk(chunks, c -> {
            double[] ptp = new double[9], ptq = new double[9], inv = new double[9];
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                java.util.Arrays.fill(ptp, 0);
                java.util.Arrays.fill(ptq, 0);
                int used = 0;
                for (int e = nl.start(i); e < nl.end(i); e++) {
                    double x = vec[3 * e], y = vec[3 * e + 1], z = vec[3 * e + 2];
                    double len = Math.sqrt(x * x + y * y + z * z);
                    int best = -1;
                    double bc = cosTol;
                    for (int k = 0; k < nIdeal; k++) {
                        double cs = (x * ideal[3 * k] + y * ideal[3 * k + 1] + z * ideal[3 * k + 2]) / (len * idealLen[k]);
                        if (cs > bc) {
                            bc = cs;
                            best = k;
                        }
                    }
                    match[e] = best;
                    if (best < 0) {
                        continue;
                    }
                    used++;
                    double[] p = {x, y, z};
                    for (int a = 0; a < 3; a++) {
                        for (int b = 0; b < 3; b++) {
                            ptp[3 * a + b] += p[a] * p[b];
                            ptq[3 * a + b] += p[a] * ideal[3 * best + b];
                        }
                    }
                }
                if (used < 3 || !invert(ptp, inv)) {
                    continue;
                }
                multiply(inv, ptq, g, 9 * i);
                ok[i] = true;
            }
        });
        double[] alpha = new double[9 * n];
        Parallel.forEachChunk(chunks, c -> {
            double[] ptp = new double[9], inv = new double[9];
            double[] ptd = new double[27];   // Σ p_m ΔG_nk, index 9m + (3n + k)
            double[] grad = new double[27];  // ∂_m G_nk
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                if (!ok[i]) {
                    java.util.Arrays.fill(alpha, 9 * i, 9 * i + 9, Double.NaN);
                    continue;
                }
                java.util.Arrays.fill(ptp, 0);
                java.util.Arrays.fill(ptd, 0);
                int used = 0;
                for (int e = nl.start(i); e < nl.end(i); e++) {
                    int j = nl.neighbor(e);
                    if (match[e] < 0 || !ok[j]) {
                        continue;
                    }
                    used++;
                    double[] p = {vec[3 * e], vec[3 * e + 1], vec[3 * e + 2]};
                    for (int a = 0; a < 3; a++) {
                        for (int b = 0; b < 3; b++) {
                            ptp[3 * a + b] += p[a] * p[b];
                        }
                        for (int q = 0; q < 9; q++) {
                            ptd[9 * a + q] += p[a] * (g[9 * j + q] - g[9 * i + q]);
                        }
                    }
                }
                if (used < 3 || !invert(ptp, inv)) {
                    java.util.Arrays.fill(alpha, 9 * i, 9 * i + 9, Double.NaN);
                    continue;
                }
                for (int m = 0; m < 3; m++) {
                    for (int q = 0; q < 9; q++) {
                        grad[9 * m + q] = inv[3 * m] * ptd[q] + inv[3 * m + 1] * ptd[9 + q] + inv[3 * m + 2] * ptd[18 + q];
                    }
                }
                // α_jk = −ε_jnm ∂_n G_mk
                for (int k = 0; k < 3; k++) {
                    alpha[9 * i + k] = -(grad[9 * 1 + 3 * 2 + k] - grad[9 * 2 + 3 * 1 + k]);
                    alpha[9 * i + 3 + k] = -(grad[9 * 2 + 3 * 0 + k] - grad[9 * 0 + 3 * 2 + k]);
                    alpha[9 * i + 6 + k] = -(grad[9 * 0 + 3 * 1 + k] - grad[9 * 1 + 3 * 0 + k]);
                }
            }
        });
        return alpha;
    }

    /**
     * b = Σ<sub>i∈atoms</sub> α<sub>i</sub><sup>T</sup> t · Ω / L: the Burgers vector of the dislocation
     * density inside a slab of atoms of length L along the unit line direction t (Å).
     *
     * @param omega volume per atom of the perfect crystal, Å³
     */
    public static double[] burgers(double[] alpha, boolean[] atoms, double[] t, double omega, double length) {
        double[] b = new double[3];
        for (int i = 0; i < atoms.length; i++) {
            if (!atoms[i] || Double.isNaN(alpha[9 * i])) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                b[k] += (alpha[9 * i + k] * t[0] + alpha[9 * i + 3 + k] * t[1] + alpha[9 * i + 6 + k] * t[2]) * omega / length;
            }
        }
        return b;
    }

    private static boolean invert(double[] m, double[] inv) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], k = m[8];
        double det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
        double scale = Math.pow(Math.abs(a) + Math.abs(e) + Math.abs(k), 3);
        if (!(Math.abs(det) > 1e-8 * scale)) {
            return false;
        }
        inv[0] = (e * k - f * h) / det;
        inv[1] = (c * h - b * k) / det;
        inv[2] = (b * f - c * e) / det;
        inv[3] = (f * g - d * k) / det;
        inv[4] = (a * k - c * g) / det;
        inv[5] = (c * d - a * f) / det;
        inv[6] = (d * h - e * g) / det;
        inv[7] = (b * g - a * h) / det;
        inv[8] = (a * e - b * d) / det;
        return true;
    }

    private static void multiply(double[] a, double[] b, double[] out, int off) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[off + 3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
    }
}
