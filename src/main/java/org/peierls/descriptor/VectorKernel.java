package org.peierls.descriptor;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.peierls.neighbors.Neighborhood;

/**
 * The bispectrum MD path (values, adjoint forces) with 4-wide SIMD from the JDK's Vector API
 * ({@code jdk.incubator.vector}), lanes = 4 atoms throughout: the u recursion runs on the q-th
 * neighbor of each of the 4 atoms at once (atoms with fewer neighbors get weight-0 dummies),
 * then U_tot, Z, B, Y and the contraction factors are built for the 4 atoms at once, and the
 * neighbor contraction again takes the q-th neighbor of each atom. The index tables are those
 * of the scalar path: the arithmetic is the same up to the order of additions.
 *
 * <p>Layout: element e, part p (0 real, 1 imaginary), lane l at {@code (2e + p)·4 + l}. Loaded
 * only when the module is present (see {@link Bispectrum}); every vector loop sits in a small
 * method so that the JIT inlines all vector operations.</p>
 */
final class VectorKernel {

    static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    static final int L = 4;
    /** Contraction factors per compact element (see {@link #prepareContraction}). */
    private static final int NCONT = 8;

    private final Bispectrum bis;
    private final BispectrumIndex ix;
    private final int cs;
    private final int[] t1, t2;
    private final int[] zUx, adjCompX;
    private final double[] tc;
    private final double[] k0, kPlus, kMinus;
    /**
     * u = g·v per compact element, g = √(C(j,mb)/C(j,ma)): v is u in the unnormalised monomial
     * basis x^(j−m)·y^m, whose recursion v^j[mb][ma] = ā·v^{j−1}[mb][ma] − b̄·v^{j−1}[mb][ma−1] has no
     * coefficients; g is applied once per atom (to U_tot and to the contraction factors).
     */
    private final double[] gScale;
    /** Per compact element c: full-layout index of the element it is copied to (rows ≤ j/2), or −1. */
    private final int[] halfToFull;
    /** Per full-layout element above the half: compact source index and sign of the mirror copy. */
    private final int[] mirrorDst, mirrorSrc;
    private final boolean[] mirrorEven;
    /** Compact index of every diagonal element of the half (wself). */
    private final int[] diagonal;

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
        halfToFull = new int[cs];
        Arrays.fill(halfToFull, -1);
        int nd = 0, nm = 0;
        for (int j = 0; j <= ix.twojmax; j++) {
            nd += j / 2 + 1;
            nm += (j + 1 - (j / 2 + 1)) * (j + 1);
            for (int mb = 0; mb < ix.cRows[j]; mb++) {
                for (int ma = 0; ma <= j; ma++) {
                    int c = ix.cBlock[j] + mb * (j + 1) + ma;
                    gScale[c] = Math.sqrt(binomial(j, mb) / binomial(j, ma));
                    if (2 * mb <= j) {
                        halfToFull[c] = ix.uBlock[j] + mb * (j + 1) + ma;
                    }
                }
            }
        }
        diagonal = new int[nd];
        mirrorDst = new int[nm];
        mirrorSrc = new int[nm];
        mirrorEven = new boolean[nm];
        nd = 0;
        nm = 0;
        for (int j = 0; j <= ix.twojmax; j++) {
            for (int mb = 0; 2 * mb <= j; mb++) {
                diagonal[nd++] = ix.cBlock[j] + mb * (j + 1) + mb;
            }
            for (int mb = j / 2 + 1; mb <= j; mb++) {
                for (int ma = 0; ma <= j; ma++) {
                    // u[mb][ma] = (−1)^(ma+mb) conj(u[j−mb][j−ma]), row j−mb in the half
                    mirrorDst[nm] = ix.uBlock[j] + mb * (j + 1) + ma;
                    mirrorSrc[nm] = ix.cBlock[j] + (j - mb) * (j + 1) + (j - ma);
                    mirrorEven[nm] = ((ma + mb) & 1) == 0;
                    nm++;
                }
            }
        }
    }

    private static double binomial(int n, int k) {
        return ClebschGordan.factorial(n) / (ClebschGordan.factorial(k) * ClebschGordan.factorial(n - k));
    }

    /** Whether the hardware runs 4 double lanes (else the Vector API would be emulated, slowly). */
    static boolean usable() {
        return DoubleVector.SPECIES_PREFERRED.length() >= L;
    }

    Batch newBatch() {
        return new Batch();
    }

    /** Per-thread buffers. */
    final class Batch {
        final Lane[] lanes = new Lane[L];
        /** u of neighbor slot q (lanes = atoms) at q·(2·cs·4), compact layout. */
        double[] u = new double[32 * cs * 2 * L];
        final double[] acc = new double[cs * 2 * L];
        final double[] utB = new double[ix.uSize * 2 * L];
        final double[] zB = new double[ix.zSize * 2 * L];
        final double[] bB = new double[ix.bSize * L];
        final double[] betaB = new double[ix.bSize * L];
        final double[] yB = new double[(cs + 1) * 2 * L];
        final double[] contB = new double[cs * NCONT * L];
        final double[] tmp = new double[5 * L];
        final double[] b = new double[ix.bSize];
        final double[] beta = new double[ix.bSize];

        Batch() {
            for (int l = 0; l < L; l++) {
                lanes[l] = new Lane();
            }
        }

        void ensureSlots(int slots) {
            if (slots * cs * 2 * L > u.length) {
                u = new double[Math.max(slots, 2 * u.length / (cs * 2 * L)) * cs * 2 * L];
            }
        }
    }

    /** Neighbor data of one atom of the batch. */
    static final class Lane {
        /** Neighbors of the lane's atom (0 for a lane without an atom). */
        int count;
        final Neighborhood nb = new Neighborhood(64);
        /** Per neighbor: f_c·w and its derivative, and the Cayley–Klein geometry (CayleyKlein.SIZE each). */
        double[] sf = new double[64], dsf = new double[64];
        double[] geo = new double[64 * CayleyKlein.SIZE];

        /** Room for n neighbors (content not kept: it is filled after each gather). */
        void ensure(int n) {
            if (n > sf.length) {
                sf = new double[n];
                dsf = new double[n];
                geo = new double[n * CayleyKlein.SIZE];
            }
        }
    }

    // ------------------------------------------------------------------ driver

    /**
     * Atoms [lo, hi) in batches of 4.
     *
     * @param valuesOnly only B (into bOut)
     * @param betaIn     β rows (adjoint mode) or null
     * @param model      per-atom model (fused mode) or null
     * @param bOut       B rows to fill (values mode) or null
     * @param energies   per-atom energies (fused mode)
     * @param sink       receives dE_i/dr per pair (adjoint and fused modes)
     * @param chunk      the chunk [lo, hi) is (for the sink's virial)
     */
    void run(Batch w, int lo, int hi, int[] types, int[] start, int[] nbr, double[] vec, boolean valuesOnly,
             double[] betaIn, Descriptor.AtomEnergy model, double[] bOut, double[] energies, PairForces.Sink sink,
             int chunk) {
        final int nc = ix.bSize;
        for (int base = lo; base < hi; base += L) {
            int nl = Math.min(L, hi - base);
            int slots = 0;
            for (int l = 0; l < L; l++) {
                Lane a = w.lanes[l];
                a.count = l < nl ? gather(a, base + l, types, start, nbr, vec) : 0;
                slots = Math.max(slots, a.count);
            }
            w.ensureSlots(slots);
            Arrays.fill(w.acc, 0.0);
            for (int q = 0; q < slots; q++) {
                neighborSlot(w, q);
            }
            buildU(w);
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
                if (l >= nl) {
                    for (int k = 0; k < nc; k++) {
                        w.betaB[k * L + l] = 0.0;
                    }
                    continue;
                }
                int i = base + l;
                if (model != null) {
                    for (int k = 0; k < nc; k++) {
                        w.b[k] = w.bB[k * L + l];
                    }
                    energies[i] = model.evaluate(types[i], w.b, 0, w.beta, 0);
                    for (int k = 0; k < nc; k++) {
                        w.betaB[k * L + l] = w.beta[k];
                    }
                } else {
                    for (int k = 0; k < nc; k++) {
                        w.betaB[k * L + l] = betaIn[i * nc + k];
                    }
                }
            }
            computeY(w);
            prepareContraction(w);
            for (int q = 0; q < slots; q++) {
                forceSlot(w, q, base, sink, chunk);
            }
        }
    }

    // ------------------------------------------------------------------ neighbor stage

    /** Neighbors of atom i inside the pair cutoffs, with their geometry; returns their number. */
    private int gather(Lane a, int i, int[] types, int[] start, int[] nbr, double[] vec) {
        final int nt = bis.ntypes;
        Neighborhood nb = a.nb;
        int count = nb.gather(i, start, nbr, vec, types, nt, bis.cutSq);
        a.ensure(nb.capacity());
        final int row = types[i] * nt;
        double[] nx = nb.x(), ny = nb.y(), nz = nb.z(), nr = nb.r();
        int[] nj = nb.atom();
        for (int q = 0; q < count; q++) {
            int tj = types[nj[q]];
            int tt = row + tj;
            double r = nr[q], rc = bis.cut[tt], wj = bis.wjType[tj];
            a.sf[q] = bis.sfac(r, rc) * wj;
            a.dsf[q] = bis.dsfac(r, rc) * wj;
            CayleyKlein.compute(nx[q], ny[q], nz[q], r, rc, bis.rfac0, bis.rmin0, a.geo, q * CayleyKlein.SIZE);
        }
        return count;
    }

    /** u of the q-th neighbor of each atom (dummy a = 1, b = 0, weight 0 past an atom's last). */
    private void neighborSlot(Batch w, int q) {
        final double[] t = w.tmp;
        for (int l = 0; l < L; l++) {
            Lane a = w.lanes[l];
            if (q < a.count) {
                int o = q * CayleyKlein.SIZE;
                t[l] = a.geo[o + CayleyKlein.AR];
                t[L + l] = a.geo[o + CayleyKlein.AI];
                t[2 * L + l] = a.geo[o + CayleyKlein.BR];
                t[3 * L + l] = a.geo[o + CayleyKlein.BI];
                t[4 * L + l] = a.sf[q];
            } else {
                t[l] = 1.0;
                t[L + l] = 0.0;
                t[2 * L + l] = 0.0;
                t[3 * L + l] = 0.0;
                t[4 * L + l] = 0.0;
            }
        }
        harmonics(DoubleVector.fromArray(S, t, 0), DoubleVector.fromArray(S, t, L), DoubleVector.fromArray(S, t, 2 * L),
                DoubleVector.fromArray(S, t, 3 * L), DoubleVector.fromArray(S, t, 4 * L), w.u, q * cs * 2 * L, w.acc);
    }

    /**
     * v^j (compact layout, see {@link #gScale}) of 4 neighbors into {@code u[base …]}, adding s·v
     * to {@code acc} on the way (s = f_c·w per lane).
     */
    private void harmonics(DoubleVector ar, DoubleVector ai, DoubleVector br, DoubleVector bi, DoubleVector s,
                           double[] u, int base, double[] acc) {
        final int twojmax = ix.twojmax;
        final int[] cBlock = ix.cBlock;
        final DoubleVector zero = DoubleVector.zero(S);
        final DoubleVector nai = ai.neg(), nbr = br.neg(), nbi = bi.neg();
        DoubleVector.broadcast(S, 1.0).intoArray(u, base);
        zero.intoArray(u, base + L);
        DoubleVector.fromArray(S, acc, 0).add(s).intoArray(acc, 0);
        for (int j = 1; j <= twojmax; j++) {
            int prev = cBlock[j - 1];
            int cur = cBlock[j];
            for (int mb = 0; 2 * mb <= j; mb++) {
                int p = base + 2 * (prev + mb * j) * L;
                int c = 2 * (cur + mb * (j + 1)) * L;
                DoubleVector rowr = zero, rowi = zero; // −b̄·v' of the previous column
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
                    // −b̄·v' = −(br pr + bi pi) − i (br pi − bi pr)
                    rowr = nbr.fma(pr, nbi.mul(pi));
                    rowi = nbr.fma(pi, bi.mul(pr));
                    p += 2 * L;
                    c += 2 * L;
                }
                rowr.intoArray(u, base + c);
                rowi.intoArray(u, base + c + L);
                rowr.fma(s, DoubleVector.fromArray(S, acc, c)).intoArray(acc, c);
                rowi.fma(s, DoubleVector.fromArray(S, acc, c + L)).intoArray(acc, c + L);
            }
            if ((j & 1) == 1 && j < twojmax) {
                // row (j+1)/2 = mirror of row (j−1)/2, needed by layer j+1 (not accumulated)
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

    /** Full U_tot of the 4 atoms: g·acc on the half, wself on its diagonal, mirrored rows above. */
    private void buildU(Batch w) {
        final double[] acc = w.acc, utB = w.utB;
        for (int d : diagonal) {
            // wself = 1 before scaling (g = 1 on the diagonal)
            DoubleVector.fromArray(S, acc, 2 * d * L).add(1.0).intoArray(acc, 2 * d * L);
        }
        for (int c = 0; c < cs; c++) {
            int f = halfToFull[c];
            if (f < 0) {
                continue;
            }
            double g = gScale[c];
            DoubleVector.fromArray(S, acc, 2 * c * L).mul(g).intoArray(utB, 2 * f * L);
            DoubleVector.fromArray(S, acc, (2 * c + 1) * L).mul(g).intoArray(utB, (2 * f + 1) * L);
        }
        for (int m = 0; m < mirrorDst.length; m++) {
            int src = halfToFull[mirrorSrc[m]], dst = mirrorDst[m];
            DoubleVector r = DoubleVector.fromArray(S, utB, 2 * src * L);
            DoubleVector im = DoubleVector.fromArray(S, utB, (2 * src + 1) * L);
            if (mirrorEven[m]) {
                r.intoArray(utB, 2 * dst * L);
                im.neg().intoArray(utB, (2 * dst + 1) * L);
            } else {
                r.neg().intoArray(utB, 2 * dst * L);
                im.intoArray(utB, (2 * dst + 1) * L);
            }
        }
    }

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
     * The 8 factors per compact element that the neighbor contraction runs against (see the
     * class comment of {@link Bispectrum}), times g (u = g·v): [w·yr, w·yi, k0·yi, −k0·yr, dR, dI,
     * eI, −eR] with d = Y⁺ − Y⁻, e = Y⁺ + Y⁻, so that the contraction is fused multiply-adds.
     */
    private void prepareContraction(Batch w) {
        final double[] yB = w.yB, cw = ix.cWeight, cont = w.contB;
        final DoubleVector zero = DoubleVector.zero(S);
        for (int c = 0; c < cs; c++) {
            double g = gScale[c];
            DoubleVector yr = DoubleVector.fromArray(S, yB, 2 * c * L).mul(g);
            DoubleVector yi = DoubleVector.fromArray(S, yB, (2 * c + 1) * L).mul(g);
            DoubleVector pr = zero, pi = zero, mr = zero, mi = zero;
            if (c > 0) {
                double kp = kPlus[c] * g, km = kMinus[c] * g;
                pr = DoubleVector.fromArray(S, yB, 2 * (c + 1) * L).mul(kp);
                pi = DoubleVector.fromArray(S, yB, (2 * (c + 1) + 1) * L).mul(kp);
                mr = DoubleVector.fromArray(S, yB, 2 * (c - 1) * L).mul(km);
                mi = DoubleVector.fromArray(S, yB, (2 * (c - 1) + 1) * L).mul(km);
            }
            int o = NCONT * c * L;
            double wq = cw[c], kq = k0[c];
            yr.mul(wq).intoArray(cont, o);
            yi.mul(wq).intoArray(cont, o + L);
            yi.mul(kq).intoArray(cont, o + 2 * L);
            yr.mul(-kq).intoArray(cont, o + 3 * L);
            pr.sub(mr).intoArray(cont, o + 4 * L);
            pi.sub(mi).intoArray(cont, o + 5 * L);
            pi.add(mi).intoArray(cont, o + 6 * L);
            pr.add(mr).neg().intoArray(cont, o + 7 * L);
        }
    }

    /** dE_i/dr of the q-th neighbor of each atom (atoms base, base+1, …) into the sink. */
    private void forceSlot(Batch w, int q, int base, PairForces.Sink sink, int chunk) {
        final double[] cont = w.contB, u = w.u, t = w.tmp;
        final int ub = q * cs * 2 * L;
        // eight independent accumulators (real and imaginary halves apart)
        DoubleVector s1 = DoubleVector.zero(S), s2 = s1, t1a = s1, t2a = s1, r1 = s1, r2 = s1, i1 = s1, i2 = s1;
        for (int c = 0; c < cs; c++) {
            DoubleVector ur = DoubleVector.fromArray(S, u, ub + 2 * c * L);
            DoubleVector ui = DoubleVector.fromArray(S, u, ub + (2 * c + 1) * L);
            int o = NCONT * c * L;
            s1 = ur.fma(DoubleVector.fromArray(S, cont, o), s1);
            s2 = ui.fma(DoubleVector.fromArray(S, cont, o + L), s2);
            t1a = ur.fma(DoubleVector.fromArray(S, cont, o + 2 * L), t1a);
            t2a = ui.fma(DoubleVector.fromArray(S, cont, o + 3 * L), t2a);
            r1 = ur.fma(DoubleVector.fromArray(S, cont, o + 4 * L), r1);
            r2 = ui.fma(DoubleVector.fromArray(S, cont, o + 5 * L), r2);
            i1 = ur.fma(DoubleVector.fromArray(S, cont, o + 6 * L), i1);
            i2 = ui.fma(DoubleVector.fromArray(S, cont, o + 7 * L), i2);
        }
        s1.add(s2).intoArray(t, 0);
        t1a.add(t2a).intoArray(t, L);
        r1.add(r2).intoArray(t, 2 * L);
        i1.add(i2).intoArray(t, 3 * L);
        for (int l = 0; l < L; l++) {
            Lane a = w.lanes[l];
            if (q >= a.count) {
                continue;
            }
            double sv = t[l], tv = t[L + l], qrv = t[2 * L + l], qiv = t[3 * L + l];
            Neighborhood nb = a.nb;
            double ds = a.dsf[q] * sv / nb.r()[q], sf = a.sf[q];
            int o = q * CayleyKlein.SIZE;
            double[] geo = a.geo;
            int k = nb.entry()[q];
            double x = nb.x()[q], y = nb.y()[q], z = nb.z()[q];
            sink.add(chunk, base + l, k, x, y, z,
                    2.0 * (ds * x + sf * (geo[o + CayleyKlein.THETA] * tv
                            + geo[o + CayleyKlein.X01R] * qrv + geo[o + CayleyKlein.X01I] * qiv)),
                    2.0 * (ds * y + sf * (geo[o + CayleyKlein.THETA + 1] * tv
                            + geo[o + CayleyKlein.X01R + 1] * qrv + geo[o + CayleyKlein.X01I + 1] * qiv)),
                    2.0 * (ds * z + sf * (geo[o + CayleyKlein.THETA + 2] * tv
                            + geo[o + CayleyKlein.X01R + 2] * qrv + geo[o + CayleyKlein.X01I + 2] * qiv)));
        }
    }
}
