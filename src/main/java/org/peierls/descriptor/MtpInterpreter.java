package org.peierls.descriptor;

import java.util.Arrays;

/**
 * The contraction program of a {@link MomentTensorBasis}, compiled for {@link MtpDescriptor}:
 * every non-basic slot is a sum of products of two earlier slots, and the basis functions B_α
 * are the scalar slots {@link #map}{@code [α]} (the basis's {@code alpha_index_times} entries:
 * moment tensors contracted pairwise). The interpreter runs it forwards (values) and backwards
 * (the adjoint g = ∂E/∂slot for E = Σ_α β_α·B_α, reverse-mode differentiation of the program).
 * Its tables also drive the forward Jacobian ({@link MtpJacobian}), the 4-lane MD path
 * ({@link MtpLanes}) and the training kernel ({@link MtpTraining}).
 *
 * <p>Layout: the products are grouped by target slot, group q writing slot {@code target[q]} =
 * Σ_{t ∈ [start[q], start[q+1])} c_t·m[pi[t]]·m[pj[t]], so every target is stored once.</p>
 */
final class MtpInterpreter {

    /** Number of slots (basic moments, then intermediate and scalar products) and of basis functions. */
    final int slots, scalars;
    /** The grouped program (see the class comment). */
    final int[] target, start, pi, pj;
    final double[] pc;
    /** Slot of basis function α. */
    final int[] map;

    MtpInterpreter(MomentTensorBasis basis) {
        this.slots = basis.slots();
        this.scalars = basis.size();
        // group the products by target, groups in the order of each target's last contribution
        // (valid: a slot is only read after its last contribution, so every source group precedes)
        int[] ti = basis.timesI(), tj = basis.timesJ(), tk = basis.timesK(), mult = basis.timesMult();
        int nt = ti.length;
        int[] last = new int[slots];
        int[] size = new int[slots];
        Arrays.fill(last, -1);
        for (int t = 0; t < nt; t++) {
            last[tk[t]] = t;
            size[tk[t]]++;
        }
        int groups = 0;
        for (int t = 0; t < nt; t++) {
            if (last[tk[t]] == t) {
                groups++;
            }
        }
        target = new int[groups];
        start = new int[groups + 1];
        int[] groupOf = new int[slots];
        int q = 0, at = 0;
        for (int t = 0; t < nt; t++) {
            if (last[tk[t]] == t) {
                target[q] = tk[t];
                groupOf[tk[t]] = q;
                start[q] = at;
                at += size[tk[t]];
                q++;
            }
        }
        start[groups] = at;
        pi = new int[nt];
        pj = new int[nt];
        pc = new double[nt];
        int[] fill = new int[groups];
        for (int t = 0; t < nt; t++) {
            int g = groupOf[tk[t]];
            int pos = start[g] + fill[g]++;
            pi[pos] = ti[t];
            pj[pos] = tj[t];
            pc[pos] = mult[t];
        }
        map = basis.scalarSlots().clone();
    }

    /** out[off + α] = B_α, read from the slots m. */
    void scalars(double[] m, double[] out, int off) {
        for (int a = 0; a < scalars; a++) {
            out[off + a] = m[map[a]];
        }
    }

    /** The products of the program: every non-basic slot of m from the basic ones. */
    void products(double[] m) {
        final int[] target = this.target, start = this.start, ii = pi, jj = pj;
        final double[] cc = pc;
        for (int q = 0; q < target.length; q++) {
            int t = start[q], end = start[q + 1];
            // two accumulators: the products of a group are independent, so two chains halve the latency
            double s0 = 0, s1 = 0;
            for (; t + 1 < end; t += 2) {
                s0 += cc[t] * m[ii[t]] * m[jj[t]];
                s1 += cc[t + 1] * m[ii[t + 1]] * m[jj[t + 1]];
            }
            if (t < end) {
                s0 += cc[t] * m[ii[t]] * m[jj[t]];
            }
            m[target[q]] = s0 + s1;
        }
    }

    /**
     * g = ∂E/∂slot for E = Σ_α β_α·B_α ({@code beta[off …]}) at the slots m, by running the
     * program backwards: each product c·m_i·m_j passes c·g_k·m_j to g_i and c·g_k·m_i to g_j.
     */
    void adjoint(double[] m, double[] g, double[] beta, int off) {
        final int[] map = this.map;
        Arrays.fill(g, 0.0);
        for (int a = 0; a < scalars; a++) {
            g[map[a]] += beta[off + a];
        }
        final int[] target = this.target, start = this.start, ii = pi, jj = pj;
        final double[] cc = pc;
        for (int q = target.length - 1; q >= 0; q--) {
            double gk = g[target[q]];
            if (gk == 0) {
                continue;
            }
            for (int t = start[q]; t < start[q + 1]; t++) {
                double c = cc[t] * gk;
                int i = ii[t], j = jj[t];
                g[i] += c * m[j];
                g[j] += c * m[i];
            }
        }
    }
}
