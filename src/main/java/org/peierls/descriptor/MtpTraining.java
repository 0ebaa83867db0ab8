package org.peierls.descriptor;

import java.util.Arrays;
import org.peierls.neighbors.Neighborhood;

/**
 * The training kernel of {@link MtpDescriptor#radialGradient}, one atom at a time: the derivative
 * with respect to the radial coefficients c of a·β·B_i + Σ_e ∂(β·B_i)/∂r_e·δ_e, by forward mode
 * over reverse mode. After the forward pass ({@link MtpMoments#compute}, {@link
 * MtpInterpreter#products}) it runs, in order: the tangent δ_e of every pair vector and the
 * tangent ṁ of the basic moments; the tangent of the products; the adjoint g = ∂(β·B)/∂slot and
 * its tangent ġ (the reverse sweep of {@link MtpInterpreter#adjoint} differentiated forwards);
 * and per neighbor and radial function the factors A_μ of Q_k and B_μ of Q_k', which give the
 * derivative with respect to c[t_i, t_j, μ, k].
 *
 * <p>The steps stay in one method on purpose: split into one method per step (on
 * {@link MtpMoments} and {@link MtpInterpreter}) the kernel measured 15–20 % slower at levels 16
 * and 20, with every step's arithmetic unchanged.</p>
 */
final class MtpTraining {

    private final MtpMoments moments;
    private final MtpInterpreter program;

    MtpTraining(MtpMoments moments, MtpInterpreter program) {
        this.moments = moments;
        this.program = program;
    }

    /**
     * Adds atom i's part of the gradient to {@code out} {@code [T·T·K·R]}, for the atom whose
     * forward pass is in {@code w} ({@code count} neighbors).
     *
     * @param beta β {@code [size]}
     * @param a    the energy factor
     * @param v    atom displacements {@code [3N]} (null: 0)
     * @param h    deformation H {@code [9]} row-major (null: 0)
     */
    void addAtom(MtpWorkspace w, int i, int ti, int count, double[] beta, double a, double[] v, double[] h,
                 double[] out) {
        final MtpMoments mm = moments;
        final int[] bMu = mm.bMu, bMono = mm.bMono, bDa = mm.bDa, bDb = mm.bDb, bDc = mm.bDc;
        final double[] bNu = mm.bNu, bA = mm.bA, bB = mm.bB, bC = mm.bC;
        final int nbasic = mm.nbasic, nrad = mm.nrad, ntypes = mm.ntypes, rs = mm.nbasis;
        final int[] target = program.target, start = program.start, pi = program.pi, pj = program.pj, map = program.map;
        final double[] pcoef = program.pc;
        int cap = w.cap;
        Neighborhood nb = w.nb;
        double[] nx = nb.x(), ny = nb.y(), nz = nb.z();
        int[] nj = nb.atom();
        // tangent δ and s = û·δ per neighbor
        double[] dx = w.tx, dy = w.ty, dz = w.tz, sd = w.ts;
        for (int e = 0; e < count; e++) {
            double x = nx[e], y = ny[e], z = nz[e];
            double ax = 0, ay = 0, az = 0;
            if (v != null) {
                int j = nj[e];
                ax = v[3 * j] - v[3 * i];
                ay = v[3 * j + 1] - v[3 * i + 1];
                az = v[3 * j + 2] - v[3 * i + 2];
            }
            if (h != null) {
                ax += h[0] * x + h[1] * y + h[2] * z;
                ay += h[3] * x + h[4] * y + h[5] * z;
                az += h[6] * x + h[7] * y + h[8] * z;
            }
            dx[e] = ax;
            dy[e] = ay;
            dz[e] = az;
            double ri = w.rinv[e];
            sd[e] = (x * ax + y * ay + z * az) * ri;
        }
        // tangent of the basic moments: ṁ_b = Σ_e ∇(f P)·δ
        double[] md = w.md;
        Arrays.fill(md, 0.0);
        double[] fp = w.fp, fr = w.fr, p = w.p;
        for (int b = 0; b < nbasic; b++) {
            int fo = bMu[b] * cap, po = bMono[b] * cap, pa = bDa[b] * cap, pb = bDb[b] * cap, pc = bDc[b] * cap;
            double nu = bNu[b], ca = bA[b], cb = bB[b], cc = bC[b];
            double sum = 0;
            for (int e = 0; e < count; e++) {
                sum += (fp[fo + e] - nu * fr[fo + e]) * p[po + e] * sd[e]
                        + fr[fo + e] * (ca * p[pa + e] * dx[e] + cb * p[pb + e] * dy[e] + cc * p[pc + e] * dz[e]);
            }
            md[b] = sum;
        }
        // tangent through the products: ṁ_k = Σ c·(ṁ_i m_j + m_i ṁ_j)
        double[] m = w.m;
        for (int gq = 0; gq < target.length; gq++) {
            double sum = 0;
            for (int t = start[gq]; t < start[gq + 1]; t++) {
                int ii = pi[t], jj = pj[t];
                sum += pcoef[t] * (md[ii] * m[jj] + m[ii] * md[jj]);
            }
            md[target[gq]] = sum;
        }
        // adjoint and its tangent
        double[] g = w.g, gd = w.gd;
        Arrays.fill(g, 0.0);
        Arrays.fill(gd, 0.0);
        for (int s = 0; s < map.length; s++) {
            g[map[s]] += beta[s];
        }
        for (int gq = target.length - 1; gq >= 0; gq--) {
            int k = target[gq];
            double gk = g[k], gdk = gd[k];
            if (gk == 0 && gdk == 0) {
                continue;
            }
            for (int t = start[gq]; t < start[gq + 1]; t++) {
                int ii = pi[t], jj = pj[t];
                double c = pcoef[t];
                g[ii] += c * m[jj] * gk;
                gd[ii] += c * (md[jj] * gk + m[jj] * gdk);
                g[jj] += c * m[ii] * gk;
                gd[jj] += c * (md[ii] * gk + m[ii] * gdk);
            }
        }
        // per neighbor and radial function: A_μ (multiplies Q_k) and B_μ (multiplies Q_k')
        double[] am = w.am, bm = w.bm;
        Arrays.fill(am, 0, nrad * cap, 0.0);
        Arrays.fill(bm, 0, nrad * cap, 0.0);
        for (int b = 0; b < nbasic; b++) {
            double gb = g[b], gdb = gd[b];
            if (gb == 0 && gdb == 0) {
                continue;
            }
            double ag = a * gb + gdb;
            int mo = bMu[b] * cap, po = bMono[b] * cap, pa = bDa[b] * cap, pb = bDb[b] * cap, pc = bDc[b] * cap;
            double nu = bNu[b], ca = bA[b], cb = bB[b], cc = bC[b];
            for (int e = 0; e < count; e++) {
                double pv = p[po + e];
                double dterm = w.rinv[e] * (ca * p[pa + e] * dx[e] + cb * p[pb + e] * dy[e] + cc * p[pc + e] * dz[e]
                        - nu * pv * sd[e]);
                am[mo + e] += ag * pv + gb * dterm;
                bm[mo + e] += gb * pv;
            }
        }
        double[] q = w.q, dq = w.dq;
        int[] ntype = w.ntype;
        for (int e = 0; e < count; e++) {
            int base = (ti * ntypes + ntype[e]) * nrad;
            double s = sd[e];
            for (int mu = 0; mu < nrad; mu++) {
                double av = am[mu * cap + e], bv = bm[mu * cap + e] * s;
                int o = (base + mu) * rs;
                for (int k = 0; k < rs; k++) {
                    out[o + k] += av * q[k * cap + e] + bv * dq[k * cap + e];
                }
            }
        }
    }
}
