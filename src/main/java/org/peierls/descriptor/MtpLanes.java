package org.peierls.descriptor;

import java.util.Arrays;

/**
 * The MD path of {@link MtpDescriptor} four atoms at a time, one per SIMD lane (Vector API
 * only): basic moments and edge forces per atom, each in its own workspace (they hold its
 * neighbors), the program and its adjoint on the four lanes at once
 * ({@link MtpVectorKernel#products4}, {@link MtpVectorKernel#adjoint4}). The scalar program is a
 * chain of gathers from scattered slots, one multiply-add each; on the lanes one gather serves
 * four atoms. Per atom the arithmetic is the scalar path's up to the order of fused multiply-adds.
 *
 * <p>One instance per thread: it holds the four workspaces and the lane-major slots m, g
 * (slot k of lane l at {@code 4k + l}).</p>
 */
final class MtpLanes {

    private static final int LANES = MtpVectorKernel.LANES;

    private final MtpMoments moments;
    private final MtpInterpreter program;
    private final MtpWorkspace[] w = new MtpWorkspace[LANES];
    private final double[] m, g;
    private final int[] count = new int[LANES];

    MtpLanes(MtpMoments moments, MtpInterpreter program) {
        this.moments = moments;
        this.program = program;
        for (int a = 0; a < LANES; a++) {
            w[a] = new MtpWorkspace(moments, program);
        }
        m = new double[LANES * program.slots];
        g = new double[LANES * program.slots];
    }

    /**
     * Atoms [from, to): per-pair dE_i/dr into {@code pair} (as {@link MtpMoments#edgeForces}),
     * with β from {@code betaIn} {@code [N·size]} or, when {@code model} is given, from the model,
     * which also writes {@code energies[i]}. Lanes without an atom (the last batch) carry zeros
     * and are ignored.
     */
    void run(int from, int to, int[] types, int[] start, int[] nbr, double[] vec, double[] betaIn,
             Descriptor.AtomEnergy model, double[] energies, double[] pair) {
        final int nbasic = moments.nbasic, nscalar = program.scalars;
        final int[] map = program.map;
        double[] m4 = m, g4 = g;
        for (int i0 = from; i0 < to; i0 += LANES) {
            int used = Math.min(LANES, to - i0);
            for (int a = 0; a < LANES; a++) {
                MtpWorkspace wa = w[a];
                if (a < used) {
                    count[a] = moments.compute(wa, i0 + a, types, start, nbr, vec);
                    for (int b = 0; b < nbasic; b++) {
                        m4[4 * b + a] = wa.m[b];
                    }
                } else {
                    for (int b = 0; b < nbasic; b++) {
                        m4[4 * b + a] = 0;
                    }
                }
            }
            MtpVectorKernel.products4(m4, program.target, program.start, program.pi, program.pj, program.pc);
            Arrays.fill(g4, 0.0);
            for (int a = 0; a < used; a++) {
                MtpWorkspace wa = w[a];
                int i = i0 + a;
                double[] beta;
                int off;
                if (model != null) {
                    for (int k = 0; k < nscalar; k++) {
                        wa.b[k] = m4[4 * map[k] + a];
                    }
                    energies[i] = model.evaluate(types[i], wa.b, 0, wa.beta, 0);
                    beta = wa.beta;
                    off = 0;
                } else {
                    beta = betaIn;
                    off = i * nscalar;
                }
                for (int k = 0; k < nscalar; k++) {
                    g4[4 * map[k] + a] += beta[off + k];
                }
            }
            MtpVectorKernel.adjoint4(m4, g4, program.target, program.start, program.pi, program.pj, program.pc);
            for (int a = 0; a < used; a++) {
                MtpWorkspace wa = w[a];
                for (int b = 0; b < nbasic; b++) {
                    wa.g[b] = g4[4 * b + a];
                }
                moments.edgeForces(wa, count[a], pair);
            }
        }
    }
}
