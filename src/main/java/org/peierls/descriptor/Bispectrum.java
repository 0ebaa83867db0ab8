package org.peierls.descriptor;

import java.util.Arrays;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.neighbors.Neighborhood;
import org.peierls.util.Parallel;

/**
 * The SNAP bispectrum descriptor (Thompson, Swiler, Trott, Foiles &amp; Tucker, J. Comput. Phys.
 * 285, 316 (2015)), equal to LAMMPS's {@code pair_style snap} / {@code compute sna/atom} without
 * chemflag.
 *
 * <p>For atom i the neighbor density on the 3-sphere is expanded in hyperspherical harmonics,
 * U_j = δ(mb,ma)·wself + Σ_k f_c(r_ik)·w_k·u^j(r_ik) (eq. 7, wself = 1), and the bispectrum
 * B_{j1 j2 j} = Σ conj(U_j)·Z_{j1 j2 j}, with Z_{j1 j2 j} = Σ C·C·U_{j1}·U_{j2} the Clebsch–Gordan
 * coupling (eqs. 9–11), over the triples j ≥ j1 ≥ j2 ({@link BispectrumIndex}); with bzeroflag the
 * value of an isolated atom is subtracted.</p>
 *
 * <p><b>Adjoint (forces without ∂B/∂r).</b> With β_i = ∂E/∂B_i, Y_j = Σ weight·β·Z (the Y array
 * of the LAMMPS "compute_yi" refactoring), dE_i/dr_k = 2·Σ_half Re(conj(dU_j/dr_k)·Y_j). Here
 * dU/dr is not propagated through the recursion: for M → M(1+X), du^j = u^j·R(X) with R
 * tridiagonal along each row ({@link HypersphericalHarmonics}), so per neighbor only u itself
 * and four sums over its independent half against Y-derived arrays prepared once per atom are
 * needed: S = Σ w·Re(ū·Y), T0 = Σ w·(j−2m)·Im(ū·Y) and Q = Σ ū·Y⁺ − u·conj(Y⁻), then
 * dE/dr_l = 2·w_k·(f_c'·r̂_l·S + f_c·(θ_l·T0 + Re(conj(X01_l)·Q))) with X00 = iθ, X01 the entries
 * of M^†·∂M/∂r_l.</p>
 *
 * <p>Per-thread workspaces hold every buffer; the kernels allocate nothing per atom. Work is
 * split over atoms in chunks that depend only on N, and pair derivatives reach the forces
 * through {@link PairForces} in a fixed order, so results do not depend on the thread count.
 * With the Vector API present ({@link #VECTOR_API}) the MD paths run the 4-wide SIMD
 * {@link VectorKernel}; the scalar kernels here serve otherwise, and always for
 * {@link #gradients}.</p>
 */
public final class Bispectrum implements Descriptor {

    private static final double WSELF = 1.0;
    /** Atoms per chunk of the gradients path. */
    private static final int GRAIN = 16;

    private final BispectrumParameters params;
    final BispectrumIndex ix;
    final int ntypes;
    final int ncoeff;
    final double[] cutSq;
    final double[] cut;
    final double[] wjType;
    final double rfac0, rmin0;
    final boolean switchFlag, bnorm;
    final int[] adjComp;
    final double[] adjWeight;
    final double[] bzero;
    final int[] bZ;
    // per compact element: factors of the contraction arrays
    final double[] k0, kPlus, kMinus, sqrtPlus, sqrtMinus, twoJm2m;
    // per B component and term (dB from u^j, u^j1, u^j2): compact layer start, its half length,
    // the Z block it contracts with and 2·(j+1)/(j1+1)-type factor
    private final int[] derivLayerStart, derivLayerLength, derivZ;
    private final double[] derivFactor;
    private final ThreadLocal<Workspace> workspaces;
    private final java.util.concurrent.atomic.AtomicReference<PairForces> lastScatter = new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicReference<double[]> spare = new java.util.concurrent.atomic.AtomicReference<>();
    /** The SIMD kernel, or null when the Vector API is unavailable or switched off. */
    private final VectorKernel vector;
    private final ThreadLocal<VectorKernel.Batch> batches;

    /**
     * Whether the SIMD kernels run: the JVM was started with
     * {@code --add-modules jdk.incubator.vector}, the hardware has 4 double lanes, and the system
     * property {@code peierls.vector} is not {@code false}.
     */
    public static final boolean VECTOR_API = vectorApiPresent();

    private static boolean vectorApiPresent() {
        if ("false".equalsIgnoreCase(System.getProperty("peierls.vector"))) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorKernel.usable();
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The descriptor, with the SIMD kernels when {@link #VECTOR_API} allows. */
    public Bispectrum(BispectrumParameters params) {
        this(params, VECTOR_API);
    }

    /** With {@code simd} false the scalar kernels run even when the Vector API is present (tests, comparisons). */
    Bispectrum(BispectrumParameters params, boolean simd) {
        this.params = params;
        this.ix = new BispectrumIndex(params.twojmax());
        this.ntypes = params.elements().length;
        this.ncoeff = ix.bSize;
        this.cutSq = new double[ntypes * ntypes];
        this.cut = new double[ntypes * ntypes];
        for (int a = 0; a < ntypes; a++) {
            for (int b = 0; b < ntypes; b++) {
                cut[a * ntypes + b] = params.cutoff(a, b);
                cutSq[a * ntypes + b] = cut[a * ntypes + b] * cut[a * ntypes + b];
            }
        }
        this.wjType = params.wj();
        this.rfac0 = params.rfac0();
        this.rmin0 = params.rmin0();
        this.switchFlag = params.switchFlag();
        this.bnorm = params.bnormFlag();
        this.adjComp = ix.adjointComponents();
        this.adjWeight = ix.adjointWeights(bnorm);
        this.bzero = new double[ncoeff];
        this.bZ = new int[ncoeff];
        double www = WSELF * WSELF * WSELF;
        for (int k = 0; k < ncoeff; k++) {
            int j = ix.bJ[k];
            bzero[k] = params.bzeroFlag() ? (bnorm ? www : www * (j + 1)) : 0.0;
            bZ[k] = ix.zBlock[ix.block(ix.bJ1[k], ix.bJ2[k], j)];
        }
        derivLayerStart = new int[3 * ncoeff];
        derivLayerLength = new int[3 * ncoeff];
        derivZ = new int[3 * ncoeff];
        derivFactor = new double[3 * ncoeff];
        for (int k = 0; k < ncoeff; k++) {
            int j1 = ix.bJ1[k], j2 = ix.bJ2[k], j = ix.bJ[k];
            int[] layer = {j, j1, j2};
            int[] zb = {bZ[k], ix.zBlock[ix.block(j, j2, j1)], ix.zBlock[ix.block(j, j1, j2)]};
            double[] f = {1.0, bnorm ? 1.0 : (j + 1.0) / (j1 + 1.0), bnorm ? 1.0 : (j + 1.0) / (j2 + 1.0)};
            for (int term = 0; term < 3; term++) {
                int o = 3 * k + term;
                derivLayerStart[o] = ix.cBlock[layer[term]];
                derivLayerLength[o] = (layer[term] / 2 + 1) * (layer[term] + 1);
                derivZ[o] = zb[term];
                derivFactor[o] = 2.0 * f[term];
            }
        }
        int cs = ix.cSize;
        k0 = new double[cs];
        kPlus = new double[cs];
        kMinus = new double[cs];
        sqrtPlus = new double[cs];
        sqrtMinus = new double[cs];
        twoJm2m = new double[cs];
        for (int q = 0; q < cs; q++) {
            int j = ix.cLayer[q], m = ix.cColumn[q];
            twoJm2m[q] = j - 2 * m;
            sqrtPlus[q] = Math.sqrt((double) (j - m) * (m + 1));
            sqrtMinus[q] = Math.sqrt((double) m * (j - m + 1));
            k0[q] = ix.cWeight[q] * (j - 2 * m);
            kPlus[q] = m < j ? ix.cWeight[q + 1] * sqrtPlus[q] : 0.0;
            kMinus[q] = m > 0 ? ix.cWeight[q - 1] * sqrtMinus[q] : 0.0;
        }
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(ix));
        if (simd && VECTOR_API) {
            VectorKernel v = new VectorKernel(this);
            this.vector = v;
            this.batches = ThreadLocal.withInitial(v::newBatch);
        } else {
            this.vector = null;
            this.batches = null;
        }
    }

    /** Whether this instance runs the SIMD kernels. */
    public boolean simd() {
        return vector != null;
    }

    public BispectrumParameters parameters() {
        return params;
    }

    @Override
    public int size() {
        return ncoeff;
    }

    @Override
    public double cutoff() {
        return params.maxCutoff();
    }

    @Override
    public int[] species() {
        return params.elements();
    }

    @Override
    public String describe() {
        StringBuilder el = new StringBuilder();
        for (int z : params.elements()) {
            el.append(el.length() == 0 ? "" : ",").append(Element.symbol(z));
        }
        return "SNAP bispectrum " + el + " 2J=" + params.twojmax() + " rcutfac=" + params.rcutfac();
    }

    // ------------------------------------------------------------------ public paths

    @Override
    public double[] compute(Structure structure, NeighborList neighbors) {
        double[] b = new double[structure.size() * ncoeff];
        run(structure, neighbors, Mode.VALUES, null, null, b, null, null);
        return b;
    }

    @Override
    public void backpropagate(Structure structure, NeighborList neighbors, double[] beta, double[] forces,
                              double[] virial) {
        checkLength("beta", beta, structure.size() * ncoeff);
        PairForces.Sink sink = sink(neighbors, forces);
        run(structure, neighbors, Mode.ADJOINT, beta, null, null, null, sink);
        finish(sink, virial);
    }

    @Override
    public double computeAndBackpropagate(Structure structure, NeighborList neighbors, AtomEnergy energy,
                                          double[] forces, double[] virial, double[] energies) {
        int n = structure.size();
        double[] e = energies != null ? energies : new double[n];
        PairForces.Sink sink = sink(neighbors, forces);
        run(structure, neighbors, Mode.FUSED, null, energy, null, e, sink);
        finish(sink, virial);
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += e[i];
        }
        return total;
    }

    @Override
    public DescriptorGradients gradients(Structure structure, NeighborList neighbors) {
        int n = structure.size();
        int[] types = types(structure);
        checkList(neighbors, n);
        double[] vec = neighbors.vectorsFor(structure);
        int[] start = neighbors.offsetsArray();
        int[] nbr = neighbors.neighborsArray();
        // first pass: which entries are inside the cutoff
        int[] offsets = DescriptorGradients.offsets(n, start, (i, k) -> inside(types[i], types[nbr[k]], vec, k));
        int entries = offsets[n];
        int[] jOut = new int[entries];
        double[] rOut = new double[3 * entries];
        double[] values = new double[n * ncoeff];
        double[] deriv = new double[entries * 3 * ncoeff];
        int chunks = Parallel.chunks(n, GRAIN);
        Parallel.forEachChunk(chunks, c -> {
            int lo = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1);
            Workspace w = workspaces.get();
            for (int i = lo; i < hi; i++) {
                int count = gather(w, i, types, start, nbr, vec);
                accumulateU(w, count);
                expandU(w);
                computeZ(w);
                computeB(w);
                System.arraycopy(w.b, 0, values, i * ncoeff, ncoeff);
                weightZ(w);
                Neighborhood nb = w.nb;
                for (int q = 0; q < count; q++) {
                    int e = offsets[i] + q;
                    jOut[e] = nb.atom()[q];
                    rOut[3 * e] = nb.x()[q];
                    rOut[3 * e + 1] = nb.y()[q];
                    rOut[3 * e + 2] = nb.z()[q];
                    neighborDerivative(w, q, deriv, e * 3 * ncoeff);
                }
            }
        });
        return new DescriptorGradients(n, ncoeff, types, values, offsets, jOut, rOut, deriv);
    }

    // ------------------------------------------------------------------ driver

    private enum Mode { VALUES, ADJOINT, FUSED }

    private double[] run(Structure structure, NeighborList neighbors, Mode mode, double[] betaIn, AtomEnergy model,
                         double[] bOut, double[] energies, PairForces.Sink sink) {
        int n = structure.size();
        int[] types = types(structure);
        checkList(neighbors, n);
        double[] vec = neighbors.vectorsFor(structure);
        int[] start = neighbors.offsetsArray();
        int[] nbr = neighbors.neighborsArray();
        int chunks = PairForces.chunks(n);
        if (vector != null) {
            Parallel.forEachChunk(chunks, c -> {
                int lo = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1);
                vector.run(batches.get(), lo, hi, types, start, nbr, vec, mode == Mode.VALUES,
                        mode == Mode.ADJOINT ? betaIn : null, mode == Mode.FUSED ? model : null, bOut, energies, sink, c);
            });
            return vec;
        }
        Parallel.forEachChunk(chunks, c -> {
            int lo = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1);
            Workspace w = workspaces.get();
            for (int i = lo; i < hi; i++) {
                int count = gather(w, i, types, start, nbr, vec);
                accumulateU(w, count);
                expandU(w);
                computeZ(w);
                if (mode != Mode.ADJOINT) {
                    computeB(w);
                }
                if (mode == Mode.VALUES) {
                    System.arraycopy(w.b, 0, bOut, i * ncoeff, ncoeff);
                    continue;
                }
                if (mode == Mode.FUSED) {
                    energies[i] = model.evaluate(types[i], w.b, 0, w.beta, 0);
                } else {
                    System.arraycopy(betaIn, i * ncoeff, w.beta, 0, ncoeff);
                }
                computeY(w);
                prepareContraction(w);
                for (int q = 0; q < count; q++) {
                    neighborForce(w, i, q, sink, c);
                }
            }
        });
        return vec;
    }

    /** The receiver of the pair derivatives of one evaluation (a zeroed buffer reused when free). */
    private PairForces.Sink sink(NeighborList nl, double[] forces) {
        checkLength("forces", forces, 3 * nl.atoms());
        PairForces pf = PairForces.of(nl, lastScatter.get());
        lastScatter.set(pf);
        double[] buf = spare.getAndSet(null);
        if (buf == null || buf.length != 3 * nl.size()) {
            buf = new double[3 * nl.size()];
        }
        return pf.sink(forces, buf);
    }

    private void finish(PairForces.Sink sink, double[] virial) {
        sink.finish(virial);
        spare.set(sink.transposed); // all-zero again
    }

    private void checkList(NeighborList nl, int n) {
        if (nl.atoms() != n) {
            throw new IllegalArgumentException("neighbor list for " + nl.atoms() + " atoms, structure has " + n);
        }
        if (nl.kind() != NeighborList.Kind.FULL) {
            throw new IllegalArgumentException("the bispectrum needs a FULL neighbor list");
        }
        if (nl.cutoff() < cutoff()) {
            throw new IllegalArgumentException("neighbor list cutoff " + nl.cutoff() + " Å is shorter than the SNAP cutoff "
                    + cutoff() + " Å");
        }
    }

    private static void checkLength(String what, double[] a, int n) {
        if (a.length != n) {
            throw new IllegalArgumentException(what + " has " + a.length + " entries, expected " + n);
        }
    }

    private boolean inside(int ti, int tj, double[] vec, int k) {
        return Neighborhood.inside(vec, k, cutSq[ti * ntypes + tj]);
    }

    // ------------------------------------------------------------------ per-atom kernels

    /**
     * Gathers the neighbors of atom i inside the pair cutoffs, with the cutoff and weight of each
     * neighbor's type pair; returns their number.
     */
    private int gather(Workspace w, int i, int[] types, int[] start, int[] nbr, double[] vec) {
        Neighborhood nb = w.nb;
        int count = nb.gather(i, start, nbr, vec, types, ntypes, cutSq);
        w.ensurePairData(nb.capacity());
        int row = types[i] * ntypes;
        int[] nj = nb.atom();
        for (int q = 0; q < count; q++) {
            int tj = types[nj[q]];
            w.ncut[q] = cut[row + tj];
            w.nwj[q] = wjType[tj];
        }
        return count;
    }

    /** Compact U_tot: wself on the diagonal plus Σ_k f_c·w_k·u(r_k). */
    private void accumulateU(Workspace w, int count) {
        final double[] ucR = w.ucR, ucI = w.ucI, uR = w.uR, uI = w.uI;
        final int cs = ix.cSize;
        Arrays.fill(ucR, 0, cs, 0.0);
        Arrays.fill(ucI, 0, cs, 0.0);
        for (int j = 0; j <= ix.twojmax; j++) {
            for (int mb = 0; 2 * mb <= j; mb++) {
                ucR[ix.cBlock[j] + mb * (j + 1) + mb] = WSELF;
            }
        }
        Neighborhood nb = w.nb;
        for (int q = 0; q < count; q++) {
            double x = nb.x()[q], y = nb.y()[q], z = nb.z()[q], r = nb.r()[q], rc = w.ncut[q];
            double[] g = w.geometry;
            CayleyKlein.parameters(x, y, z, r, rc, rfac0, rmin0, g, 0);
            HypersphericalHarmonics.compute(ix, g[CayleyKlein.AR], g[CayleyKlein.AI], g[CayleyKlein.BR], g[CayleyKlein.BI], uR, uI);
            double s = sfac(r, rc) * w.nwj[q];
            for (int c = 0; c < cs; c++) {
                ucR[c] += s * uR[c];
                ucI[c] += s * uI[c];
            }
        }
    }

    /** Full U_tot from the compact half: rows mb ≤ j/2 copied, the others by u[j−mb][j−ma] = (−1)^(ma+mb) conj(u[mb][ma]). */
    private void expandU(Workspace w) {
        final double[] ucR = w.ucR, ucI = w.ucI, utR = w.utR, utI = w.utI;
        for (int j = 0; j <= ix.twojmax; j++) {
            int cb = ix.cBlock[j], ub = ix.uBlock[j], row = j + 1;
            int halfRows = j / 2 + 1;
            System.arraycopy(ucR, cb, utR, ub, halfRows * row);
            System.arraycopy(ucI, cb, utI, ub, halfRows * row);
            for (int mb = halfRows; mb <= j; mb++) {
                int src = ub + (j - mb) * row;
                int dst = ub + mb * row;
                for (int ma = 0; ma <= j; ma++) {
                    double r = utR[src + j - ma], im = utI[src + j - ma];
                    if (((ma + mb) & 1) == 0) {
                        utR[dst + ma] = r;
                        utI[dst + ma] = -im;
                    } else {
                        utR[dst + ma] = -r;
                        utI[dst + ma] = im;
                    }
                }
            }
        }
    }

    /** Z_{j1 j2 j}[mb][ma] for every entry of the Z list (flattened term list). */
    private void computeZ(Workspace w) {
        final double[] utR = w.utR, utI = w.utI, zR = w.zR, zI = w.zI;
        final int[] zTerm = ix.zTerm, t1 = ix.termU1, t2 = ix.termU2, zJ = ix.zJ;
        final double[] tc = ix.termCg;
        final int nz = ix.zSize;
        int t = 0;
        for (int z = 0; z < nz; z++) {
            final int end = zTerm[z + 1];
            double sr = 0, si = 0;
            for (; t < end; t++) {
                final int a = t1[t], b = t2[t];
                final double c = tc[t];
                final double ar = utR[a], ai = utI[a], br = utR[b], bi = utI[b];
                sr = Math.fma(c, Math.fma(ar, br, -ai * bi), sr);
                si = Math.fma(c, Math.fma(ar, bi, ai * br), si);
            }
            if (bnorm) {
                double inv = 1.0 / (zJ[z] + 1);
                sr *= inv;
                si *= inv;
            }
            zR[z] = sr;
            zI[z] = si;
        }
    }

    /** B_{j1 j2 j} = 2·Σ_half w·Re(conj(U_j)·Z_{j1 j2 j}) − B0. */
    private void computeB(Workspace w) {
        final double[] ucR = w.ucR, ucI = w.ucI, zR = w.zR, zI = w.zI, cw = ix.cWeight, b = w.b;
        for (int k = 0; k < ncoeff; k++) {
            int j = ix.bJ[k];
            int cb = ix.cBlock[j];
            int zb = bZ[k];
            int len = (j / 2 + 1) * (j + 1);
            double sum = 0;
            for (int t = 0; t < len; t++) {
                sum += cw[cb + t] * (ucR[cb + t] * zR[zb + t] + ucI[cb + t] * zI[zb + t]);
            }
            b[k] = 2.0 * sum - bzero[k];
        }
    }

    /** Y (compact) = Σ_z weight_z·β_{comp(z)}·Z_z. */
    private void computeY(Workspace w) {
        final double[] yR = w.yR, yI = w.yI, zR = w.zR, zI = w.zI, beta = w.beta;
        final int[] zU = ix.zU;
        Arrays.fill(yR, 0.0);
        Arrays.fill(yI, 0.0);
        final int nz = ix.zSize;
        for (int z = 0; z < nz; z++) {
            double f = adjWeight[z] * beta[adjComp[z]];
            int u = zU[z];
            yR[u] += f * zR[z];
            yI[u] += f * zI[z];
        }
    }

    /** The per-atom arrays the neighbor contraction runs against (see the class comment). */
    private void prepareContraction(Workspace w) {
        final double[] yR = w.yR, yI = w.yI, cw = ix.cWeight;
        final double[] sR = w.sR, sI = w.sI, gR = w.gR, gI = w.gI, dR = w.dR, dI = w.dI, eR = w.eR, eI = w.eI;
        final int cs = ix.cSize;
        // element 0 (j = 0): only the switching-function term
        sR[0] = cw[0] * yR[0];
        sI[0] = cw[0] * yI[0];
        gR[0] = gI[0] = dR[0] = dI[0] = eR[0] = eI[0] = 0.0;
        for (int q = 1; q < cs; q++) {
            double yr = yR[q], yi = yI[q];
            double wq = cw[q], kq = k0[q];
            sR[q] = wq * yr;
            sI[q] = wq * yi;
            gR[q] = kq * yr;
            gI[q] = kq * yi;
            double kp = kPlus[q], km = kMinus[q];
            double pr = kp * yR[q + 1], pi = kp * yI[q + 1];
            double mr = km * yR[q - 1], mi = km * yI[q - 1];
            dR[q] = pr - mr;
            dI[q] = pi - mi;
            eR[q] = pr + mr;
            eI[q] = pi + mi;
        }
    }

    /** dE_i/dr of neighbor q of atom i into the sink (chunk c). */
    private void neighborForce(Workspace w, int i, int q, PairForces.Sink sink, int chunk) {
        Neighborhood nb = w.nb;
        double x = nb.x()[q], y = nb.y()[q], z = nb.z()[q], r = nb.r()[q], rc = w.ncut[q], wj = w.nwj[q];
        final double[] g = w.geometry;
        CayleyKlein.compute(x, y, z, r, rc, rfac0, rmin0, g, 0);
        final double[] uR = w.uR, uI = w.uI;
        HypersphericalHarmonics.compute(ix, g[CayleyKlein.AR], g[CayleyKlein.AI], g[CayleyKlein.BR], g[CayleyKlein.BI], uR, uI);
        final double[] sR = w.sR, sI = w.sI, gR = w.gR, gI = w.gI, dR = w.dR, dI = w.dI, eR = w.eR, eI = w.eI;
        final int cs = ix.cSize;
        double s = 0, t0 = 0, qr = 0, qi = 0;
        for (int c = 0; c < cs; c++) {
            double ur = uR[c], ui = uI[c];
            s += ur * sR[c] + ui * sI[c];
            t0 += ur * gI[c] - ui * gR[c];
            qr += ur * dR[c] + ui * dI[c];
            qi += ur * eI[c] - ui * eR[c];
        }
        double sf = sfac(r, rc) * wj, dsf = dsfac(r, rc) * wj;
        double rinv = 1.0 / r;
        double ds = dsf * s;
        int k = nb.entry()[q];
        final int th = CayleyKlein.THETA, xr = CayleyKlein.X01R, xi = CayleyKlein.X01I;
        sink.add(chunk, i, k, x, y, z, 2.0 * (ds * x * rinv + sf * (g[th] * t0 + g[xr] * qr + g[xi] * qi)),
                2.0 * (ds * y * rinv + sf * (g[th + 1] * t0 + g[xr + 1] * qr + g[xi + 1] * qi)),
                2.0 * (ds * z * rinv + sf * (g[th + 2] * t0 + g[xr + 2] * qr + g[xi + 2] * qi)));
    }

    /** ∂B_i/∂r_q for neighbor q into {@code out[at + l·ncoeff + k]} (needs {@link #weightZ} first). */
    private void neighborDerivative(Workspace w, int q, double[] out, int at) {
        Neighborhood nb = w.nb;
        double x = nb.x()[q], y = nb.y()[q], z = nb.z()[q], r = nb.r()[q], rc = w.ncut[q], wj = w.nwj[q];
        final double[] g = w.geometry;
        CayleyKlein.compute(x, y, z, r, rc, rfac0, rmin0, g, 0);
        final double[] uR = w.uR, uI = w.uI;
        HypersphericalHarmonics.compute(ix, g[CayleyKlein.AR], g[CayleyKlein.AI], g[CayleyKlein.BR], g[CayleyKlein.BI], uR, uI);
        double sf = sfac(r, rc) * wj, dsf = dsfac(r, rc) * wj / r;
        final int cs = ix.cSize;
        final int[] cLayer = ix.cLayer, cColumn = ix.cColumn;
        final double[] dR = w.du, dI = w.duI3;
        // du/dr_l = w·(f_c'·r̂_l·u + f_c·u·R_l), R_l the tridiagonal su(2) action (HypersphericalHarmonics)
        for (int l = 0; l < 3; l++) {
            double th = g[CayleyKlein.THETA + l], xr = g[CayleyKlein.X01R + l], xi = g[CayleyKlein.X01I + l];
            double a = dsf * (l == 0 ? x : l == 1 ? y : z);
            for (int c = 0; c < cs; c++) {
                int j = cLayer[c], m = cColumn[c];
                double ur = uR[c], ui = uI[c];
                // (j−2m)·iθ·u
                double rr = -twoJm2m[c] * th * ui, ri = twoJm2m[c] * th * ur;
                if (m > 0) {
                    // √(m(j−m+1))·X01·u[m−1]
                    double pr = uR[c - 1], pi = uI[c - 1], f = sqrtMinus[c];
                    rr += f * (xr * pr - xi * pi);
                    ri += f * (xr * pi + xi * pr);
                }
                if (m < j) {
                    // √((m+1)(j−m))·X10·u[m+1], X10 = −conj(X01)
                    double pr = uR[c + 1], pi = uI[c + 1], f = sqrtPlus[c];
                    rr -= f * (xr * pr + xi * pi);
                    ri -= f * (xr * pi - xi * pr);
                }
                dR[3 * c + l] = a * ur + sf * rr;
                dI[3 * c + l] = a * ui + sf * ri;
            }
        }
        // dB_k = 2·Σ_half w·Re[conj(du_j)·Z_{j1 j2 j} + f1·conj(du_j1)·Z_{j j2 j1} + f2·conj(du_j2)·Z_{j j1 j2}]
        final double[] zR = w.zwR, zI = w.zwI;
        for (int k = 0; k < ncoeff; k++) {
            double v0 = 0, v1 = 0, v2 = 0;
            for (int term = 0; term < 3; term++) {
                int o = 3 * k + term;
                int cb = derivLayerStart[o], len = derivLayerLength[o], zb = derivZ[o];
                double f = derivFactor[o];
                double s0 = 0, s1 = 0, s2 = 0;
                for (int t = 0; t < len; t++) {
                    double zr = zR[zb + t], zi = zI[zb + t];
                    int d = 3 * (cb + t);
                    s0 += dR[d] * zr + dI[d] * zi;
                    s1 += dR[d + 1] * zr + dI[d + 1] * zi;
                    s2 += dR[d + 2] * zr + dI[d + 2] * zi;
                }
                v0 += f * s0;
                v1 += f * s1;
                v2 += f * s2;
            }
            out[at + k] = v0;
            out[at + ncoeff + k] = v1;
            out[at + 2 * ncoeff + k] = v2;
        }
    }

    /** Z times the half weights (per atom, before {@link #neighborDerivative}). */
    private void weightZ(Workspace w) {
        final double[] zR = w.zR, zI = w.zI, zwR = w.zwR, zwI = w.zwI, cw = ix.cWeight;
        final int[] zU = ix.zU;
        for (int z = 0; z < ix.zSize; z++) {
            double wt = cw[zU[z]];
            zwR[z] = wt * zR[z];
            zwI[z] = wt * zI[z];
        }
    }

    double sfac(double r, double rc) {
        if (!switchFlag || r <= rmin0) {
            return 1.0;
        }
        if (r > rc) {
            return 0.0;
        }
        return 0.5 * (Math.cos((r - rmin0) * Math.PI / (rc - rmin0)) + 1.0);
    }

    double dsfac(double r, double rc) {
        if (!switchFlag || r <= rmin0 || r > rc) {
            return 0.0;
        }
        double f = Math.PI / (rc - rmin0);
        return -0.5 * Math.sin((r - rmin0) * f) * f;
    }

    // ------------------------------------------------------------------ workspace

    private final class Workspace {
        final Neighborhood nb = new Neighborhood(64);
        /** Per neighbor: the cutoff and weight of its type pair. */
        double[] ncut = new double[64], nwj = new double[64];
        final double[] ucR, ucI, uR, uI, utR, utI, zR, zI, yR, yI;
        final double[] sR, sI, gR, gI, dR, dI, eR, eI;
        final double[] b, beta;
        final double[] du, duI3, zwR, zwI;
        final double[] geometry = new double[CayleyKlein.SIZE];

        Workspace(BispectrumIndex ix) {
            int cs = ix.cSize;
            ucR = new double[cs];
            ucI = new double[cs];
            uR = new double[cs];
            uI = new double[cs];
            utR = new double[ix.uSize];
            utI = new double[ix.uSize];
            zR = new double[ix.zSize];
            zI = new double[ix.zSize];
            yR = new double[cs + 1];
            yI = new double[cs + 1];
            sR = new double[cs];
            sI = new double[cs];
            gR = new double[cs];
            gI = new double[cs];
            dR = new double[cs];
            dI = new double[cs];
            eR = new double[cs];
            eI = new double[cs];
            b = new double[ix.bSize];
            beta = new double[ix.bSize];
            du = new double[3 * cs];
            duI3 = new double[3 * cs];
            zwR = new double[ix.zSize];
            zwI = new double[ix.zSize];
        }

        /** Room for the pair data of n neighbors (content not kept: it is filled after each gather). */
        void ensurePairData(int n) {
            if (ncut.length < n) {
                ncut = new double[n];
                nwj = new double[n];
            }
        }
    }
}
