package org.peierls.descriptor;

import java.util.Arrays;
import org.peierls.neighbors.Neighborhood;

/**
 * The forward Jacobian of {@link MtpDescriptor}: the derivatives of every slot with respect to
 * the 3·(neighbors) coordinates of one atom's neighbors, propagated forwards through the
 * program (dk = Σ_t c_t·(m_j·di + m_i·dj)), and the per-atom pieces of the fit rows built
 * from it ({@link MtpDescriptor#gradients}, {@link MtpDescriptor#rows}). Fitting needs ∂B/∂r
 * itself, where MD needs only its contraction with β (the adjoint, {@link MtpInterpreter#adjoint}).
 *
 * <p>With the Vector API the products run blocked over 16 coordinates in 4-wide registers
 * ({@link MtpVectorKernel#products}: the rows of all slots exceed a core's L2, a block's do not);
 * otherwise, or with {@code simd} false, the scalar loop below forms the same sums, rounded
 * differently (the vector path accumulates with fused multiply-adds).</p>
 */
final class MtpJacobian {

    private final MtpMoments mo;
    private final MtpInterpreter program;
    private final boolean simd;

    MtpJacobian(MtpMoments moments, MtpInterpreter program, boolean simd) {
        this.mo = moments;
        this.program = program;
        this.simd = simd;
    }

    /**
     * Forward derivatives of every slot with respect to the 3·count neighbor coordinates of the
     * atom whose moments and slots are in {@code w}: {@code w.dm[slot·dcap + 3e + l]}.
     */
    void compute(MtpWorkspace w, int count) {
        int d = 3 * count;
        w.ensureJacobian(d, program.slots);
        int cap = w.cap, dc = w.dcap;
        double[] dm = w.dm, fp = w.fp, fr = w.fr, p = w.p, m = w.m;
        double[] nx = w.nb.x(), ny = w.nb.y(), nz = w.nb.z();
        final int[] bMu = mo.bMu, bMono = mo.bMono, bDa = mo.bDa, bDb = mo.bDb, bDc = mo.bDc;
        final double[] bNu = mo.bNu, bA = mo.bA, bB = mo.bB, bC = mo.bC;
        // basic rows: ∇(f_μ P), as in MtpMoments.edgeForces
        for (int b = 0; b < mo.nbasic; b++) {
            int o = b * dc;
            int fo = bMu[b] * cap, po = bMono[b] * cap, pa = bDa[b] * cap, pb = bDb[b] * cap, pc = bDc[b] * cap;
            double nu = bNu[b], ca = bA[b], cb = bB[b], cc = bC[b];
            for (int e = 0; e < count; e++) {
                double ri = w.rinv[e];
                double radial = (fp[fo + e] - nu * fr[fo + e]) * p[po + e] * ri;
                double frv = fr[fo + e];
                dm[o + 3 * e] = radial * nx[e] + frv * ca * p[pa + e];
                dm[o + 3 * e + 1] = radial * ny[e] + frv * cb * p[pb + e];
                dm[o + 3 * e + 2] = radial * nz[e] + frv * cc * p[pc + e];
            }
        }
        final int[] target = program.target, start = program.start, pi = program.pi, pj = program.pj;
        final double[] pcoef = program.pc;
        if (simd) {
            MtpVectorKernel.products(dm, dc, d, m, target, start, pi, pj, pcoef);
            return;
        }
        for (int g = 0; g < target.length; g++) {
            int ok = target[g] * dc;
            Arrays.fill(dm, ok, ok + d, 0.0);
            for (int t = start[g]; t < start[g + 1]; t++) {
                int ii = pi[t], jj = pj[t];
                double a = pcoef[t] * m[jj], b = pcoef[t] * m[ii];
                int oi = ii * dc, oj = jj * dc;
                for (int q = 0; q < d; q++) {
                    dm[ok + q] += a * dm[oi + q] + b * dm[oj + q];
                }
            }
        }
    }

    /**
     * Atom i's part of a {@link DescriptorGradients}: its values into {@code values[i·size …]},
     * its derivatives into {@code deriv[((first + e)·3 + l)·size + α]}, and neighbor index and
     * displacement of each of its entries e into {@code jOut}, {@code rOut} (first = its first entry).
     */
    void copyGradients(MtpWorkspace w, int i, int count, int first, double[] values, double[] deriv, int[] jOut,
                       double[] rOut) {
        final int ns = program.scalars;
        final int[] map = program.map;
        int d = 3 * count;
        for (int a = 0; a < ns; a++) {
            values[i * ns + a] = w.m[map[a]];
            int src = map[a] * w.dcap;
            for (int q = 0; q < d; q++) {
                deriv[(first * 3 + q) * ns + a] = w.dm[src + q];
            }
        }
        Neighborhood nb = w.nb;
        double[] nx = nb.x(), ny = nb.y(), nz = nb.z();
        int[] nj = nb.atom();
        for (int q = 0; q < count; q++) {
            int e = first + q;
            jOut[e] = nj[q];
            rOut[3 * e] = nx[q];
            rOut[3 * e + 1] = ny[q];
            rOut[3 * e + 2] = nz[q];
        }
    }

    /**
     * Adds atom i's terms to the rows of a linear fit with shared coefficients ({@link
     * MtpDescriptor#rows}: {@code energy [size]}, {@code forces [3N·size]}, {@code virial [6·size]},
     * LAMMPS sign): its B, −∂B/∂x of the atoms it touches (+g on i, −g on j per pair), and
     * −Σ_e r_e,a ∂B/∂r_e,b.
     */
    void addRows(MtpWorkspace w, int i, int count, double[] energy, double[] forces, double[] virial) {
        final int cols = program.scalars;
        final int[] map = program.map;
        for (int a = 0; a < cols; a++) {
            energy[a] += w.m[map[a]];
        }
        int d = 3 * count;
        // transpose to neighbor-major, so that the scatter below runs over contiguous columns
        double[] s = w.scalarDerivatives(d * cols);
        for (int a = 0; a < cols; a++) {
            int src = map[a] * w.dcap;
            for (int q = 0; q < d; q++) {
                s[q * cols + a] = w.dm[src + q];
            }
        }
        Neighborhood nb = w.nb;
        double[] nx = nb.x(), ny = nb.y(), nz = nb.z();
        int[] nj = nb.atom();
        for (int e = 0; e < count; e++) {
            int j = nj[e];
            double rx = nx[e], ry = ny[e], rz = nz[e];
            int sx = 3 * e * cols, sy = sx + cols, sz = sy + cols;
            int fjx = 3 * j * cols, fjy = fjx + cols, fjz = fjy + cols;
            int fix = 3 * i * cols, fiy = fix + cols, fiz = fiy + cols;
            for (int a = 0; a < cols; a++) {
                double gx = s[sx + a], gy = s[sy + a], gz = s[sz + a];
                forces[fjx + a] -= gx;
                forces[fjy + a] -= gy;
                forces[fjz + a] -= gz;
                forces[fix + a] += gx;
                forces[fiy + a] += gy;
                forces[fiz + a] += gz;
                virial[a] -= rx * gx;
                virial[cols + a] -= ry * gy;
                virial[2 * cols + a] -= rz * gz;
                virial[3 * cols + a] -= ry * gz;
                virial[4 * cols + a] -= rx * gz;
                virial[5 * cols + a] -= rx * gy;
            }
        }
    }
}
