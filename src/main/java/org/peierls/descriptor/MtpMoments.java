package org.peierls.descriptor;

import java.util.Arrays;
import org.peierls.neighbors.Neighborhood;

/**
 * The basic moments of {@link MtpDescriptor}, per atom: m_b(i) = Σ_j f_{μ_b}(r_ij)·û^{(a,b,c)}
 * with û = r_ij/|r_ij| and û^{(a,b,c)} = û_x^a û_y^b û_z^c (Shapeev 2016, the moment tensors
 * M_{μ,ν} written out by component; MLIP-2's {@code alpha_index_basic}), and their derivatives:
 * the edge forces of the MD adjoint here; the Jacobian's basic rows ({@link MtpJacobian}) and
 * the training kernel ({@link MtpTraining}) read the same tables.
 *
 * <p>Per atom the neighbors are gathered, then the radial basis Q_k(r), the radial functions
 * f_μ = Σ_k c[t_i,t_j,μ,k]·Q_k and the table of monomials are built neighbor-fastest (row k of
 * a table at k·cap, see {@link MtpWorkspace}), so that every loop over neighbors runs over
 * contiguous data and vectorises.</p>
 */
final class MtpMoments {

    final int ntypes, nrad, nbasis, nbasic;
    final double cutSq;
    final ChebyshevRadialBasis radial;
    /** Radial coefficients c {@code [T·T·K·R]} (see {@link MtpParameters}). */
    final double[] coeff;
    /** Per basic moment b: its radial function μ and monomial; the monomials of ∂/∂û_x, ∂/∂û_y, ∂/∂û_z. */
    final int[] bMu, bMono, bDa, bDb, bDc;
    /** Per basic moment b: the exponents a, b, c and their sum ν, as doubles for the kernels. */
    final double[] bA, bB, bC, bNu;
    /** Monomial table: entry q = entry monoParent[q] × û along monoAxis[q] (entries 1–3 are û itself). */
    final int nmono;
    final int[] monoParent, monoAxis;

    MtpMoments(MtpParameters params) {
        MomentTensorBasis basis = params.basis();
        this.ntypes = params.types();
        this.nrad = basis.radialFunctions();
        this.radial = params.radial();
        this.nbasis = radial.size();
        this.coeff = params.radialCoefficients();
        double cutoff = radial.maxDist();
        this.cutSq = cutoff * cutoff;
        this.nbasic = basis.basicCount();
        int maxRank = basis.maxRank();
        // monomials of degree ≤ maxRank, by degree, then a descending, then b descending
        int count = 0;
        int[][][] index = new int[maxRank + 1][maxRank + 1][maxRank + 1];
        for (int n = 0; n <= maxRank; n++) {
            for (int a = n; a >= 0; a--) {
                for (int b = n - a; b >= 0; b--) {
                    index[a][b][n - a - b] = count++;
                }
            }
        }
        nmono = count;
        monoParent = new int[nmono];
        monoAxis = new int[nmono];
        for (int n = 1; n <= maxRank; n++) {
            for (int a = n; a >= 0; a--) {
                for (int b = n - a; b >= 0; b--) {
                    int c = n - a - b;
                    int q = index[a][b][c];
                    if (a > 0) {
                        monoParent[q] = index[a - 1][b][c];
                        monoAxis[q] = 0;
                    } else if (b > 0) {
                        monoParent[q] = index[a][b - 1][c];
                        monoAxis[q] = 1;
                    } else {
                        monoParent[q] = index[a][b][c - 1];
                        monoAxis[q] = 2;
                    }
                }
            }
        }
        int[] mu = basis.basicMu(), ba = basis.basicA(), bb = basis.basicB(), bc = basis.basicC();
        bMu = mu.clone();
        bMono = new int[nbasic];
        bDa = new int[nbasic];
        bDb = new int[nbasic];
        bDc = new int[nbasic];
        bA = new double[nbasic];
        bB = new double[nbasic];
        bC = new double[nbasic];
        bNu = new double[nbasic];
        for (int b = 0; b < nbasic; b++) {
            bMono[b] = index[ba[b]][bb[b]][bc[b]];
            // a missing parent (exponent 0) points at entry 0; its factor a (or b, c) is 0 anyway
            bDa[b] = ba[b] > 0 ? index[ba[b] - 1][bb[b]][bc[b]] : 0;
            bDb[b] = bb[b] > 0 ? index[ba[b]][bb[b] - 1][bc[b]] : 0;
            bDc[b] = bc[b] > 0 ? index[ba[b]][bb[b]][bc[b] - 1] : 0;
            bA[b] = ba[b];
            bB[b] = bb[b];
            bC[b] = bc[b];
            bNu[b] = ba[b] + bb[b] + bc[b];
        }
    }

    /**
     * Gathers the neighbors of atom i, evaluates radial functions and monomials, and fills the
     * basic slots {@code w.m[0, nbasic)}; returns the neighbor count.
     */
    int compute(MtpWorkspace w, int i, int[] types, int[] start, int[] nbr, double[] vec) {
        Neighborhood nb = w.nb;
        int count = nb.gather(i, start, nbr, vec, cutSq);
        w.ensure(count);
        int cap = w.cap;
        int ti = types[i];
        final int rs = nbasis;
        double[] q = w.q, dq = w.dq, f = w.f, fp = w.fp, fr = w.fr, p = w.p, rinv = w.rinv;
        double[] qe = w.qe, dqe = w.dqe;
        int[] base = w.base, ntype = w.ntype;
        double[] nx = nb.x(), ny = nb.y(), nz = nb.z(), nr = nb.r();
        int[] nj = nb.atom();
        // unit vectors (rows 1, 2, 3 of the monomial table) and the radial basis
        for (int e = 0; e < count; e++) {
            double x = nx[e], y = ny[e], z = nz[e];
            double r = nr[e];
            double ri = 1.0 / r;
            rinv[e] = ri;
            p[e] = 1.0;
            if (nmono > 1) {
                p[cap + e] = x * ri;
                p[2 * cap + e] = y * ri;
                p[3 * cap + e] = z * ri;
            }
            radial.evaluate(r, qe, dqe, 0);
            for (int k = 0; k < rs; k++) {
                q[k * cap + e] = qe[k];
                dq[k * cap + e] = dqe[k];
            }
            ntype[e] = types[nj[e]];
            base[e] = (ti * ntypes + ntype[e]) * nrad * rs;
        }
        // higher monomials: row q = row(parent) × row(axis), neighbor-fastest
        for (int mq = 4; mq < nmono; mq++) {
            int o = mq * cap, po = monoParent[mq] * cap, ao = (1 + monoAxis[mq]) * cap;
            for (int e = 0; e < count; e++) {
                p[o + e] = p[po + e] * p[ao + e];
            }
        }
        // radial functions f_μ = Σ_k c·Q_k and their derivatives
        for (int mu = 0; mu < nrad; mu++) {
            int o = mu * cap;
            Arrays.fill(f, o, o + count, 0.0);
            Arrays.fill(fp, o, o + count, 0.0);
            for (int k = 0; k < rs; k++) {
                int qo = k * cap;
                if (ntypes == 1) {
                    double c = coeff[base[0] + mu * rs + k];
                    for (int e = 0; e < count; e++) {
                        f[o + e] += c * q[qo + e];
                        fp[o + e] += c * dq[qo + e];
                    }
                } else {
                    for (int e = 0; e < count; e++) {
                        double c = coeff[base[e] + mu * rs + k];
                        f[o + e] += c * q[qo + e];
                        fp[o + e] += c * dq[qo + e];
                    }
                }
            }
            for (int e = 0; e < count; e++) {
                fr[o + e] = f[o + e] * rinv[e];
            }
        }
        double[] m = w.m;
        for (int b = 0; b < nbasic; b++) {
            int fo = bMu[b] * cap, po = bMono[b] * cap;
            double s0 = 0, s1 = 0;
            int e = 0;
            for (; e + 1 < count; e += 2) {
                s0 += f[fo + e] * p[po + e];
                s1 += f[fo + e + 1] * p[po + e + 1];
            }
            if (e < count) {
                s0 += f[fo + e] * p[po + e];
            }
            m[b] = s0 + s1;
        }
        return count;
    }

    /**
     * ∂E_i/∂r_e = Σ_b g_b ∇(f_μ P) for every neighbor from the adjoint g of the basic slots
     * ({@code w.g}), into {@code pair[3k…]} (k = its list entry). With P = û^{(a,b,c)} of degree ν,
     * ∇(f P) = (f' − ν f/r)·P·û + (f/r)·(a·û^{(a−1,b,c)}, b·û^{(a,b−1,c)}, c·û^{(a,b,c−1)}).
     */
    void edgeForces(MtpWorkspace w, int count, double[] pair) {
        int cap = w.cap;
        double[] sr = w.tx, vx = w.ty, vy = w.tz, vz = w.ts;
        Arrays.fill(sr, 0, count, 0.0);
        Arrays.fill(vx, 0, count, 0.0);
        Arrays.fill(vy, 0, count, 0.0);
        Arrays.fill(vz, 0, count, 0.0);
        double[] g = w.g, fp = w.fp, fr = w.fr, p = w.p;
        for (int b = 0; b < nbasic; b++) {
            double gb = g[b];
            if (gb == 0) {
                continue;
            }
            int fo = bMu[b] * cap, po = bMono[b] * cap;
            int pa = bDa[b] * cap, pb = bDb[b] * cap, pc = bDc[b] * cap;
            double gnu = gb * bNu[b], ga = gb * bA[b], gbb = gb * bB[b], gc = gb * bC[b];
            for (int e = 0; e < count; e++) {
                double frv = fr[fo + e];
                sr[e] += (gb * fp[fo + e] - gnu * frv) * p[po + e];
                vx[e] += ga * frv * p[pa + e];
                vy[e] += gbb * frv * p[pb + e];
                vz[e] += gc * frv * p[pc + e];
            }
        }
        Neighborhood nb = w.nb;
        double[] nx = nb.x(), ny = nb.y(), nz = nb.z();
        int[] nk = nb.entry();
        for (int e = 0; e < count; e++) {
            double ri = w.rinv[e];
            double s = sr[e] * ri;
            int k = nk[e];
            pair[3 * k] = s * nx[e] + vx[e];
            pair[3 * k + 1] = s * ny[e] + vy[e];
            pair[3 * k + 2] = s * nz[e] + vz[e];
        }
    }
}
