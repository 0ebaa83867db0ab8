package org.peierls.descriptor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The contraction program of {@link MtpDescriptor} ({@link MtpInterpreter}'s tables) with 4-wide SIMD
 * from the JDK's Vector API, in two forms. Training ({@link #products}, for {@link MtpJacobian}): for
 * every product slot k = Σ_t c_t·m_i·m_j, its derivatives along the 3·(neighbors) coordinates,
 * dk = Σ_t c_t·(m_j·di + m_i·dj) — the design
 * matrix's hot loop (7 164 products of 3·n-long rows per atom at level 20, 44 028 at level 24).
 * MD ({@link #products4}, {@link #adjoint4}, for {@link MtpLanes}): the program and its adjoint for four
 * atoms, one per lane.
 *
 * <p>Why blocked (training): the rows of all slots (1 382 at level 20, 5 235 at 24) times 3·n ≈ 100–140
 * coordinates are 1–6 MB, more than a core's L2. The coordinates are processed in blocks of
 * {@value #BLOCK}; within a block the whole program runs with each target's 16 derivatives held in
 * four registers, so a block's working set (slots × 128 B) stays in L2 and every target is stored
 * once. Loaded only when the module is present (see {@link Bispectrum#VECTOR_API}).</p>
 */
final class MtpVectorKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /** Coordinates per block: four 4-wide registers per target. Row strides are multiples of it. */
    static final int BLOCK = 16;

    /** Atoms per batch of the MD path: one per lane. */
    static final int LANES = 4;

    private MtpVectorKernel() {
    }

    /**
     * The program for four atoms at once (MD path): slot k of lane l at {@code m[4k + l]}, basic
     * slots filled; every product slot is written. The scalar program has one multiply-add per
     * product with gathers from scattered slots (about 1.3 ns each, 44 028 products per atom at
     * level 24); the lanes make that one vector operation for four atoms.
     */
    static void products4(double[] m, int[] target, int[] start, int[] pi, int[] pj, double[] pc) {
        for (int g = 0; g < target.length; g++) {
            DoubleVector acc = DoubleVector.zero(S);
            for (int t = start[g], end = start[g + 1]; t < end; t++) {
                DoubleVector a = DoubleVector.fromArray(S, m, 4 * pi[t]).mul(pc[t]);
                acc = DoubleVector.fromArray(S, m, 4 * pj[t]).fma(a, acc);
            }
            acc.intoArray(m, 4 * target[g]);
        }
    }

    /**
     * The adjoint of {@link #products4}: g (same layout) holds ∂E/∂slot of the scalar slots on entry
     * and of every slot on return (the program run backwards).
     */
    static void adjoint4(double[] m, double[] g, int[] target, int[] start, int[] pi, int[] pj, double[] pc) {
        for (int q = target.length - 1; q >= 0; q--) {
            DoubleVector gk = DoubleVector.fromArray(S, g, 4 * target[q]);
            for (int t = start[q], end = start[q + 1]; t < end; t++) {
                int oi = 4 * pi[t], oj = 4 * pj[t];
                DoubleVector c = gk.mul(pc[t]);
                DoubleVector.fromArray(S, m, oj).fma(c, DoubleVector.fromArray(S, g, oi)).intoArray(g, oi);
                DoubleVector.fromArray(S, m, oi).fma(c, DoubleVector.fromArray(S, g, oj)).intoArray(g, oj);
            }
        }
    }

    /**
     * dm[k·dc + q] for every product slot k and q &lt; d (rounded up to the block), from the basic
     * slots' rows already in dm; the groups run in program order (sources before targets).
     */
    static void products(double[] dm, int dc, int d, double[] m, int[] target, int[] start, int[] pi, int[] pj,
                         double[] pc) {
        for (int q0 = 0; q0 < d; q0 += BLOCK) {
            for (int g = 0; g < target.length; g++) {
                DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
                for (int t = start[g], end = start[g + 1]; t < end; t++) {
                    int i = pi[t], j = pj[t];
                    int oi = i * dc + q0, oj = j * dc + q0;
                    DoubleVector ci = DoubleVector.broadcast(S, pc[t] * m[j]);
                    DoubleVector cj = DoubleVector.broadcast(S, pc[t] * m[i]);
                    a0 = DoubleVector.fromArray(S, dm, oi).fma(ci, a0);
                    a1 = DoubleVector.fromArray(S, dm, oi + 4).fma(ci, a1);
                    a2 = DoubleVector.fromArray(S, dm, oi + 8).fma(ci, a2);
                    a3 = DoubleVector.fromArray(S, dm, oi + 12).fma(ci, a3);
                    a0 = DoubleVector.fromArray(S, dm, oj).fma(cj, a0);
                    a1 = DoubleVector.fromArray(S, dm, oj + 4).fma(cj, a1);
                    a2 = DoubleVector.fromArray(S, dm, oj + 8).fma(cj, a2);
                    a3 = DoubleVector.fromArray(S, dm, oj + 12).fma(cj, a3);
                }
                int ok = target[g] * dc + q0;
                a0.intoArray(dm, ok);
                a1.intoArray(dm, ok + 4);
                a2.intoArray(dm, ok + 8);
                a3.intoArray(dm, ok + 12);
            }
        }
    }
}
