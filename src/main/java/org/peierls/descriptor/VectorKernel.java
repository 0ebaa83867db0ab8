package org.peierls.descriptor;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The bispectrum MD path (values, adjoint forces) with 4-wide SIMD from the JDK's Vector API
 * ({@code jdk.incubator.vector}): the per-atom work (Z, B, Y) runs on 4 atoms at once, lanes =
 * atoms; the per-neighbor work (the u recursion and the contraction with Y) on 4 neighbors of
 * one atom at once, lanes = neighbors. The index tables are those of the scalar path, so the
 * arithmetic is the same up to the order of additions.
 *
 * <p>Layouts: an atom-batch array holds element e, part p (0 real, 1 imaginary), lane l at
 * {@code (2e + p)·4 + l}; a neighbor group of u the same with lanes = neighbors. Loaded only when
 * the module is present (see {@link Bispectrum}).</p>
 */
final class VectorKernel {

    static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    static final int L = 4;

    private final Bispectrum bis;
    private final BispectrumIndex ix;
    private final int cs;
    private final int[] t1, t2;
    private final int[] zUx, adjCompX;
    private final double[] tc;
    /** Contraction factors per compact element (see Bispectrum.prepareContraction). */
    private final double[] k0, kPlus, kMinus;
    /**
     * u = g·v per compact element, g = √(C(j,mb)/C(j,ma)): v is u in the unnormalised monomial
     * basis x^(j−m)·y^m, whose recursion v^j[mb][ma] = ā·v^{j−1}[mb][ma] − b̄·v^{j−1}[mb][ma−1] has no
     * coefficients; g is applied once per atom (to U_tot and to the contraction factors).
     */
    private final double[] gScale;

    VectorKernel(Bispectrum bis) {
        if (S.length() != L) {
            throw new IllegalStateException("expected 4 lanes");
        }
        this.bis = bis;
        this.ix = bis.ix;
        this.cs = ix.cSize;
        int nt = ix.termU1.length;
        t1 = new int[nt];
        t2 = new int[nt];
        for (int t = 0; t < nt; t++) {
            t1[t] = ix.termU1[t] * 2 * L;
            t2[t] = ix.termU2[t] * 2 * L;
        }
        tc = ix.termCg;
        zUx = new int[ix.zSize];
        adjCompX = new int[ix.zSize];
        for (int z = 0; z < ix.zSize; z++) {
            zUx[z] = ix.zU[z] * 2 * L;
            adjCompX[z] = bis.adjComp[z] * L;
        }
        k0 = bis.k0;
        kPlus = bis.kPlus;
        kMinus = bis.kMinus;
        gScale = new double[cs];
        for (int j = 0; j <= ix.twojmax; j++) {
            for (int mb = 0; mb < ix.cRows[j]; mb++) {
                for (int ma = 0; ma <= j; ma++) {
                    gScale[ix.cBlock[j] + mb * (j + 1) + ma] = Math.sqrt(binomial(j, mb) / binomial(j, ma));
                }
            }
        }
    }

    private static double binomial(int n, int k) {
        return ClebschGordan.factorial(n) / (ClebschGordan.factorial(k) * ClebschGordan.factorial(n - k));
    }

    /** Whether the Vector API module is present and runs 4 double lanes in hardware. */
    static boolean usable() {
        return DoubleVector.SPECIES_PREFERRED.length() >= L;
    }

    Batch newBatch() {
        return new Batch();
    }

    /** Per-thread buffers. */
    final class Batch {
        final Lane[] lanes = new Lane[L];
        final double[] utB = new double[ix.uSize * 2 * L];
        final double[] zB = new double[ix.zSize * 2 * L];
        final double[] bB = new double[ix.bSize * L];
        final double[] betaB = new double[ix.bSize * L];
        final double[] yB = new double[(cs + 1) * 2 * L];
        final double[] acc = new double[cs * 2 * L];
        final double[] ucR = new double[cs];
        final double[] ucI = new double[cs];
        final double[] tmp = new double[5 * L];

        Batch() {
            for (int l = 0; l < L; l++) {
                lanes[l] = new Lane();
            }
        }
    }

    /** Neighbor data of one atom of the batch. */
    final class Lane {
        int count;
        double[] nx = new double[64], ny = new double[64], nz = new double[64], nr = new double[64];
        double[] sf = new double[64], dsf = new double[64];
        int[] nk = new int[64];
        double[] geo = new double[64 * CayleyKlein.SIZE];
        double[] u = new double[4 * cs * 2 * L];
        final double[] cont = new double[cs * 8];
        final double[] b = new double[ix.bSize];
        final double[] beta = new double[ix.bSize];

        void ensure(int n) {
            if (n > nx.length) {
                int c = Math.max(n, 2 * nx.length);
                nx = Arrays.copyOf(nx, c);
                ny = Arrays.copyOf(ny, c);
                nz = Arrays.copyOf(nz, c);
                nr = Arrays.copyOf(nr, c);
                sf = Arrays.copyOf(sf, c);
                dsf = Arrays.copyOf(dsf, c);
                nk = Arrays.copyOf(nk, c);
                geo = Arrays.copyOf(geo, c * CayleyKlein.SIZE);
            }
            int groups = (n + L - 1) / L;
            if (groups * cs * 2 * L > u.length) {
                u = new double[Math.max(groups, 2 * u.length / (cs * 2 * L)) * cs * 2 * L];
            }
        }
    }

    // ------------------------------------------------------------------ driver

    /**
     * Atoms [lo, hi) in batches of 4.
     *
     * @param betaIn   β rows (adjoint mode) or null
     * @param model    per-atom model (fused mode) or null
     * @param bOut     B rows to fill (values mode) or null
     * @param energies per-atom energies (fused mode)
     * @param pair     per-list-entry dE_i/dr (adjoint and fused modes)
     */
    void run(Batch w, int lo, int hi, int[] types, int[] start, int[] nbr, double[] vec, boolean valuesOnly,
             double[] betaIn, Descriptor.AtomEnergy model, double[] bOut, double[] energies, double[] pair) {
        final int nc = ix.bSize;
        for (int base = lo; base < hi; base += L) {
            int nl = Math.min(L, hi - base);
            for (int l = 0; l < L; l++) {
                if (l < nl) {
                    neighborStage(w, l, base + l, types, start, nbr, vec);
                } else {
                    for (int e = 0; e < ix.uSize * 2; e++) {
                        w.utB[e * L + l] = 0.0;
                    }
                }
            }
            computeZ(w);
            if (betaIn == null) {
                computeB(w);
            }
            if (valuesOnly) {
                for (int l = 0; l < nl; l++) {
                    int row = (base + l) * nc;
                    for (int k = 0; k < nc; k++) {
                        bOut[row + k] = w.bB[k * L + l];
                    }
                }
                continue;
            }
            for (int l = 0; l < L; l++) {
                Lane a = w.lanes[l];
                if (l >= nl) {
                    for (int k = 0; k < nc; k++) {
                        w.betaB[k * L + l] = 0.0;
                    }
                    continue;
                }
                int i = base + l;
                if (model != null) {
                    for (int k = 0; k < nc; k++) {
                        a.b[k] = w.bB[k * L + l];
                    }
                    energies[i] = model.evaluate(types[i], a.b, 0, a.beta, 0);
                    for (int k = 0; k < nc; k++) {
                        w.betaB[k * L + l] = a.beta[k];
                    }
                } else {
                    for (int k = 0; k < nc; k++) {
                        w.betaB[k * L + l] = betaIn[i * nc + k];
                    }
                }
            }
            computeY(w);
            for (int l = 0; l < nl; l++) {
                prepareContraction(w, l);
                forceStage(w, w.lanes[l], pair);
            }
        }
    }

    // ------------------------------------------------------------------ neighbor stage

    /** Neighbors of atom i, their u (4 at a time), U_tot into lane l of the batch. */
    private void neighborStage(Batch w, int l, int i, int[] types, int[] start, int[] nbr, double[] vec) {
        Lane a = w.lanes[l];
        final int nt = bis.ntypes;
        final int ti = types[i];
        int count = 0;
        for (int k = start[i]; k < start[i + 1]; k++) {
            double dx = vec[3 * k], dy = vec[3 * k + 1], dz = vec[3 * k + 2];
            double rsq = dx * dx + dy * dy + dz * dz;
            int tt = ti * nt + types[nbr[k]];
            if (rsq < bis.cutSq[tt] && rsq > 1e-20) {
                a.ensure(count + 1);
                double r = Math.sqrt(rsq), rc = bis.cut[tt], wj = bis.wjType[types[nbr[k]]];
                a.nx[count] = dx;
                a.ny[count] = dy;
                a.nz[count] = dz;
                a.nr[count] = r;
                a.nk[count] = k;
                a.sf[count] = bis.sfac(r, rc) * wj;
                a.dsf[count] = bis.dsfac(r, rc) * wj;
                CayleyKlein.compute(dx, dy, dz, r, rc, bis.rfac0, bis.rmin0, a.geo, count * CayleyKlein.SIZE);
                count++;
            }
        }
        a.count = count;
        a.ensure(count);
        final double[] acc = w.acc;
        Arrays.fill(acc, 0.0);
        final double[] t = w.tmp;
        final int block = cs * 2 * L;
        for (int g = 0; g * L < count; g++) {
            // lanes past the last neighbor: a = 1, b = 0 (finite u), weight 0
            for (int q = 0; q < L; q++) {
                int n = g * L + q;
                if (n < count) {
                    int o = n * CayleyKlein.SIZE;
                    t[q] = a.geo[o + CayleyKlein.AR];
                    t[L + q] = a.geo[o + CayleyKlein.AI];
                    t[2 * L + q] = a.geo[o + CayleyKlein.BR];
                    t[3 * L + q] = a.geo[o + CayleyKlein.BI];
                } else {
                    t[q] = 1.0;
                    t[L + q] = 0.0;
                    t[2 * L + q] = 0.0;
                    t[3 * L + q] = 0.0;
                }
            }
            int ub = g * block;
            for (int q = 0; q < L; q++) {
                int n = g * L + q;
                t[4 * L + q] = n < count ? a.sf[n] : 0.0;
            }
            harmonics(DoubleVector.fromArray(S, t, 0), DoubleVector.fromArray(S, t, L),
                    DoubleVector.fromArray(S, t, 2 * L), DoubleVector.fromArray(S, t, 3 * L),
                    DoubleVector.fromArray(S, t, 4 * L), a.u, ub, acc);
        }
        // reduce over neighbor lanes, add wself, expand to the full layout in lane l
        final double[] ucR = w.ucR, ucI = w.ucI;
        for (int c = 0; c < cs; c++) {
            int o = 2 * c * L;
            double g = gScale[c];
            ucR[c] = g * ((acc[o] + acc[o + 1]) + (acc[o + 2] + acc[o + 3]));
            ucI[c] = g * ((acc[o + L] + acc[o + L + 1]) + (acc[o + L + 2] + acc[o + L + 3]));
        }
        final double[] utB = w.utB;
        for (int j = 0; j <= ix.twojmax; j++) {
            int cb = ix.cBlock[j], ub = ix.uBlock[j], row = j + 1;
            for (int mb = 0; 2 * mb <= j; mb++) {
                ucR[cb + mb * row + mb] += 1.0; // wself
            }
            int halfRows = j / 2 + 1;
            for (int e = 0; e < halfRows * row; e++) {
                utB[2 * (ub + e) * L + l] = ucR[cb + e];
                utB[(2 * (ub + e) + 1) * L + l] = ucI[cb + e];
            }
            for (int mb = halfRows; mb <= j; mb++) {
                int src = cb + (j - mb) * row;
                int dst = ub + mb * row;
                for (int ma = 0; ma <= j; ma++) {
                    double r = ucR[src + j - ma], im = ucI[src + j - ma];
                    boolean even = ((ma + mb) & 1) == 0;
                    utB[2 * (dst + ma) * L + l] = even ? r : -r;
                    utB[(2 * (dst + ma) + 1) * L + l] = even ? -im : im;
                }
            }
        }
    }

    /**
     * u^j of 4 neighbors (lanes) into {@code u[base …]} (compact layout, see
     * HypersphericalHarmonics), adding s·u to {@code acc} on the way (s = f_c·w per lane).
     */
    private void harmonics(DoubleVector ar, DoubleVector ai, DoubleVector br, DoubleVector bi, DoubleVector s,
                           double[] u, int base, double[] acc) {
        final int twojmax = ix.twojmax;
        final int[] cBlock = ix.cBlock;
        final DoubleVector zero = DoubleVector.zero(S);
        DoubleVector.broadcast(S, 1.0).intoArray(u, base);
        zero.intoArray(u, base + L);
        DoubleVector.fromArray(S, acc, 0).add(s).intoArray(acc, 0);
        final DoubleVector nai = ai.neg(), nbr = br.neg(), nbi = bi.neg();
        for (int j = 1; j <= twojmax; j++) {
            int prev = cBlock[j - 1];
            int cur = cBlock[j];
            for (int mb = 0; 2 * mb <= j; mb++) {
                int p = base + 2 * (prev + mb * j) * L;
                int c = 2 * (cur + mb * (j + 1)) * L;
                DoubleVector rowr = zero, rowi = zero; // −b̄·v'' carried along the row
                for (int ma = 0; ma < j; ma++) {
                    DoubleVector pr = DoubleVector.fromArray(S, u, p);
                    DoubleVector pi = DoubleVector.fromArray(S, u, p + L);
                    // v = ā·v' − b̄·v'' with ā·v' = (ar pr + ai pi) + i (ar pi − ai pr)
                    DoubleVector outr = ar.fma(pr, ai.fma(pi, rowr));
                    DoubleVector outi = ar.fma(pi, nai.fma(pr, rowi));
                    outr.intoArray(u, base + c);
                    outi.intoArray(u, base + c + L);
                    outr.fma(s, DoubleVector.fromArray(S, acc, c)).intoArray(acc, c);
                    outi.fma(s, DoubleVector.fromArray(S, acc, c + L)).intoArray(acc, c + L);
                    // −b̄·v' = −(br pr + bi pi) − i (br pi − bi pr) for the next column
                    rowr = nbr.fma(pr, nbi.mul(pi));
                    rowi = nbr.fma(pi, bi.mul(pr));
                    p += 2 * L;
                    c += 2 * L;
                }
                DoubleVector outr = rowr;
                DoubleVector outi = rowi;
                outr.intoArray(u, base + c);
                outi.intoArray(u, base + c + L);
                outr.fma(s, DoubleVector.fromArray(S, acc, c)).intoArray(acc, c);
                outi.fma(s, DoubleVector.fromArray(S, acc, c + L)).intoArray(acc, c + L);
            }
            if ((j & 1) == 1 && j < twojmax) {
                int mb = (j - 1) / 2;
                int src = cur + mb * (j + 1);
                int dst = cur + (j - mb) * (j + 1);
                for (int ma = 0; ma <= j; ma++) {
                    DoubleVector r = DoubleVector.fromArray(S, u, base + 2 * (src + ma) * L);
                    DoubleVector im = DoubleVector.fromArray(S, u, base + (2 * (src + ma) + 1) * L);
                    int d = base + 2 * (dst + j - ma) * L;
                    if (((ma + mb) & 1) == 0) {
                        r.intoArray(u, d);
                        im.neg().intoArray(u, d + L);
                    } else {
                        r.neg().intoArray(u, d);
                        im.intoArray(u, d + L);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ atom-batch stage

    private void computeZ(Batch w) {
        final double[] utB = w.utB, zB = w.zB, tc = this.tc;
        final int[] zTerm = ix.zTerm, t1 = this.t1, t2 = this.t2, zJ = ix.zJ;
        final int nz = ix.zSize;
        final boolean bnorm = bis.bnorm;
        int t = 0;
        for (int z = 0; z < nz; z++) {
            final int end = zTerm[z + 1];
            // four independent accumulators keep the FMA latency off the critical path:
            // Re = Σ c·ar·br − Σ c·ai·bi, Im = Σ c·ar·bi + Σ c·ai·br
            DoubleVector rp = DoubleVector.zero(S), rn = rp, ip = rp, in = rp;
            for (; t < end; t++) {
                int a = t1[t], b = t2[t];
                DoubleVector cv = DoubleVector.broadcast(S, tc[t]);
                DoubleVector car = DoubleVector.fromArray(S, utB, a).mul(cv);
                DoubleVector cai = DoubleVector.fromArray(S, utB, a + L).mul(cv);
                DoubleVector br = DoubleVector.fromArray(S, utB, b);
                DoubleVector bi = DoubleVector.fromArray(S, utB, b + L);
                rp = car.fma(br, rp);
                rn = cai.fma(bi, rn);
                ip = car.fma(bi, ip);
                in = cai.fma(br, in);
            }
            DoubleVector sr = rp.sub(rn), si = ip.add(in);
            if (bnorm) {
                double inv = 1.0 / (zJ[z] + 1);
                sr = sr.mul(inv);
                si = si.mul(inv);
            }
            sr.intoArray(zB, 2 * z * L);
            si.intoArray(zB, (2 * z + 1) * L);
        }
    }

    private void computeB(Batch w) {
        final double[] utB = w.utB, zB = w.zB, cw = ix.cWeight, bB = w.bB;
        for (int k = 0; k < ix.bSize; k++) {
            int j = ix.bJ[k];
            int cb = ix.cBlock[j], ub = ix.uBlock[j], zb = bis.bZ[k];
            int len = (j / 2 + 1) * (j + 1);
            DoubleVector sum = DoubleVector.zero(S);
            for (int t = 0; t < len; t++) {
                double wt = cw[cb + t];
                if (wt == 0.0) {
                    continue;
                }
                int uo = 2 * (ub + t) * L, zo = 2 * (zb + t) * L;
                DoubleVector p = DoubleVector.fromArray(S, utB, uo).mul(DoubleVector.fromArray(S, zB, zo));
                p = DoubleVector.fromArray(S, utB, uo + L).fma(DoubleVector.fromArray(S, zB, zo + L), p);
                sum = p.fma(DoubleVector.broadcast(S, wt), sum);
            }
            sum.mul(2.0).sub(bis.bzero[k]).intoArray(bB, k * L);
        }
    }

    private void computeY(Batch w) {
        final double[] yB = w.yB, zB = w.zB, betaB = w.betaB, aw = bis.adjWeight;
        Arrays.fill(yB, 0.0);
        final int nz = ix.zSize;
        for (int z = 0; z < nz; z++) {
            DoubleVector f = DoubleVector.fromArray(S, betaB, adjCompX[z]).mul(aw[z]);
            int u = zUx[z];
            DoubleVector.fromArray(S, zB, 2 * z * L).fma(f, DoubleVector.fromArray(S, yB, u)).intoArray(yB, u);
            DoubleVector.fromArray(S, zB, (2 * z + 1) * L).fma(f, DoubleVector.fromArray(S, yB, u + L)).intoArray(yB, u + L);
        }
    }

    /**
     * The 8 per-element factors of the neighbor contraction for atom lane l, stored
     * [w·yr, w·yi, k0·yi, −k0·yr, dR, dI, eI, −eR] so that the contraction is fused multiply-adds.
     */
    private void prepareContraction(Batch w, int l) {
        final double[] yB = w.yB, cw = ix.cWeight, cont = w.lanes[l].cont;
        for (int c = 0; c < cs; c++) {
            double yr = yB[2 * c * L + l], yi = yB[(2 * c + 1) * L + l];
            double wq = cw[c], kq = k0[c];
            double pr = 0, pi = 0, mr = 0, mi = 0;
            if (c > 0) {
                double kp = kPlus[c], km = kMinus[c];
                pr = kp * yB[2 * (c + 1) * L + l];
                pi = kp * yB[(2 * (c + 1) + 1) * L + l];
                mr = km * yB[2 * (c - 1) * L + l];
                mi = km * yB[(2 * (c - 1) + 1) * L + l];
            }
            // u = g·v: the factor moves onto the per-atom factors
            double g = gScale[c];
            yr *= g;
            yi *= g;
            pr *= g;
            pi *= g;
            mr *= g;
            mi *= g;
            int o = 8 * c;
            cont[o] = wq * yr;
            cont[o + 1] = wq * yi;
            cont[o + 2] = kq * yi;
            cont[o + 3] = -kq * yr;
            cont[o + 4] = pr - mr;
            cont[o + 5] = pi - mi;
            cont[o + 6] = pi + mi;
            cont[o + 7] = -(pr + mr);
        }
    }

    /** dE_i/dr for every neighbor of the atom of lane {@code a}, 4 neighbors at a time. */
    private void forceStage(Batch w, Lane a, double[] pair) {
        final double[] cont = a.cont, u = a.u, t = w.tmp;
        final int block = cs * 2 * L;
        for (int g = 0; g * L < a.count; g++) {
            int ub = g * block;
            // eight independent accumulators (real and imaginary halves apart)
            DoubleVector s1 = DoubleVector.zero(S), s2 = s1, t1a = s1, t2a = s1, r1 = s1, r2 = s1, i1 = s1, i2 = s1;
            for (int c = 0; c < cs; c++) {
                DoubleVector ur = DoubleVector.fromArray(S, u, ub + 2 * c * L);
                DoubleVector ui = DoubleVector.fromArray(S, u, ub + (2 * c + 1) * L);
                int o = 8 * c;
                s1 = ur.fma(DoubleVector.broadcast(S, cont[o]), s1);
                s2 = ui.fma(DoubleVector.broadcast(S, cont[o + 1]), s2);
                t1a = ur.fma(DoubleVector.broadcast(S, cont[o + 2]), t1a);
                t2a = ui.fma(DoubleVector.broadcast(S, cont[o + 3]), t2a);
                r1 = ur.fma(DoubleVector.broadcast(S, cont[o + 4]), r1);
                r2 = ui.fma(DoubleVector.broadcast(S, cont[o + 5]), r2);
                i1 = ur.fma(DoubleVector.broadcast(S, cont[o + 6]), i1);
                i2 = ui.fma(DoubleVector.broadcast(S, cont[o + 7]), i2);
            }
            DoubleVector s = s1.add(s2), t0 = t1a.add(t2a), qr = r1.add(r2), qi = i1.add(i2);
            s.intoArray(t, 0);
            t0.intoArray(t, L);
            qr.intoArray(t, 2 * L);
            qi.intoArray(t, 3 * L);
            for (int q = 0; q < L; q++) {
                int n = g * L + q;
                if (n >= a.count) {
                    break;
                }
                double sv = t[q], tv = t[L + q], qrv = t[2 * L + q], qiv = t[3 * L + q];
                double r = a.nr[n];
                double ds = a.dsf[n] * sv / r, sf = a.sf[n];
                int o = n * CayleyKlein.SIZE;
                double[] geo = a.geo;
                int k = a.nk[n];
                pair[3 * k] = 2.0 * (ds * a.nx[n] + sf * (geo[o + CayleyKlein.THETA] * tv
                        + geo[o + CayleyKlein.X01R] * qrv + geo[o + CayleyKlein.X01I] * qiv));
                pair[3 * k + 1] = 2.0 * (ds * a.ny[n] + sf * (geo[o + CayleyKlein.THETA + 1] * tv
                        + geo[o + CayleyKlein.X01R + 1] * qrv + geo[o + CayleyKlein.X01I + 1] * qiv));
                pair[3 * k + 2] = 2.0 * (ds * a.nz[n] + sf * (geo[o + CayleyKlein.THETA + 2] * tv
                        + geo[o + CayleyKlein.X01R + 2] * qrv + geo[o + CayleyKlein.X01I + 2] * qiv));
            }
        }
    }
}
