package org.peierls.descriptor;

import java.util.Arrays;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.util.Parallel;

/**
 * The moment tensor potential descriptor (Shapeev, Multiscale Model. Simul. 14, 1153 (2016);
 * Gubaev et al., Comput. Mater. Sci. 156, 148 (2019) for several species), evaluated as MLIP-2
 * does: B_α(i) are the basis functions of a {@link MomentTensorBasis} built from the basic moments
 * m_b(i) = Σ_j f_{μ_b}(r_ij)·û_x^{a}û_y^{b}û_z^{c}, with radial functions
 * f_μ(r) = Σ_k c[t_i,t_j,μ,k]·Q_k(r) on the {@link ChebyshevRadialBasis} for fixed coefficients c
 * ({@link MtpParameters}). A linear model on B (E_i = s_{t_i} + ξ·B_i, ξ shared by all elements)
 * is MLIP's MTP.
 *
 * <p><b>Kernels.</b> Per atom: the radial functions and the table of monomials û^{(a,b,c)} of every
 * neighbor (stored neighbor-fastest, so the per-basic loops over neighbors vectorise), the basic
 * moments, then the products of the program in order. The adjoint path (MD) runs the program
 * backwards with g = ∂E_i/∂slot (g = β on the basis functions), which gives ∂E_i/∂r_ij =
 * Σ_b g_b ∇(f_{μ_b}·û^{(a,b,c)}) without forming ∂B/∂r. {@link #gradients} and {@link #rows}
 * propagate the 3·(neighbors) position derivatives forward through the program instead.
 * {@link #radialGradient} is the training kernel: the derivative with respect to c of an energy
 * plus a directional derivative of it (forward tangent and adjoint with tangent, "forward over
 * reverse").</p>
 *
 * <p><b>SIMD.</b> With the Vector API ({@link Bispectrum#VECTOR_API}) the MD path runs the program
 * and its adjoint for four atoms at once, one per lane ({@link MtpVectorKernel#products4}: the
 * scalar program is a chain of gathers, one multiply-add each), and the forward Jacobian of the
 * fit rows runs blocked over 16 coordinates ({@link MtpVectorKernel#products}). Basic moments and
 * edge forces stay per atom (their loops over neighbors vectorise as they are).</p>
 *
 * <p>Per-thread workspaces hold every buffer; work is split over atoms in chunks that depend only
 * on N, and per-pair forces are summed in one serial pass, so results do not depend on the thread
 * count.</p>
 */
public final class MtpDescriptor implements Descriptor {

    private static final int GRAIN = 16;

    private final MtpParameters params;
    final int ntypes, nrad, nbasis, nbasic, nslots, nscalar;
    final double cutoff, cutSq;
    final ChebyshevRadialBasis radial;
    final double[] coeff;
    // basic components
    final int[] bMu, bMono, bDa, bDb, bDc;
    final double[] bA, bB, bC, bNu;
    // program, grouped by target slot: group q writes slot pTarget[q] = Σ_{t in [pStart[q], pStart[q+1])} pC[t]·m[pI[t]]·m[pJ[t]]
    final int[] pTarget, pStart, pI, pJ;
    final double[] pC;
    final int[] map;
    // monomial table: entry q = parent entry × û along axis
    final int nmono;
    final int[] monoParent, monoAxis;
    private final ThreadLocal<Workspace> workspaces;
    /** Per-thread state of the 4-lane MD path (SIMD only). */
    private final ThreadLocal<Lanes> lanes;

    /** Whether the forward Jacobian's products use {@link MtpVectorKernel}. */
    private final boolean simd;

    /** The descriptor of fixed parameters (with the SIMD Jacobian when {@link Bispectrum#VECTOR_API} allows). */
    public MtpDescriptor(MtpParameters params) {
        this(params, Bispectrum.VECTOR_API);
    }

    /** With {@code simd} false the scalar Jacobian runs even when the Vector API is present (tests, comparisons). */
    MtpDescriptor(MtpParameters params, boolean simd) {
        this.simd = simd;
        this.params = params;
        MomentTensorBasis basis = params.basis();
        this.ntypes = params.types();
        this.nrad = basis.radialFunctions();
        this.radial = params.radial();
        this.nbasis = radial.size();
        this.coeff = params.radialCoefficients();
        this.cutoff = radial.maxDist();
        this.cutSq = cutoff * cutoff;
        this.nbasic = basis.basicCount();
        this.nslots = basis.slots();
        this.nscalar = basis.size();
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
        // group the products by target, groups in the order of each target's last contribution
        // (valid: a slot is only read after its last contribution, so every source group precedes)
        int[] ti = basis.timesI(), tj = basis.timesJ(), tk = basis.timesK(), mult = basis.timesMult();
        int nt = ti.length;
        int[] last = new int[nslots];
        int[] size = new int[nslots];
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
        pTarget = new int[groups];
        pStart = new int[groups + 1];
        int[] groupOf = new int[nslots];
        int q = 0, at = 0;
        for (int t = 0; t < nt; t++) {
            if (last[tk[t]] == t) {
                pTarget[q] = tk[t];
                groupOf[tk[t]] = q;
                pStart[q] = at;
                at += size[tk[t]];
                q++;
            }
        }
        pStart[groups] = at;
        pI = new int[nt];
        pJ = new int[nt];
        pC = new double[nt];
        int[] fill = new int[groups];
        for (int t = 0; t < nt; t++) {
            int g = groupOf[tk[t]];
            int pos = pStart[g] + fill[g]++;
            pI[pos] = ti[t];
            pJ[pos] = tj[t];
            pC[pos] = mult[t];
        }
        map = basis.scalarSlots().clone();
        this.workspaces = ThreadLocal.withInitial(Workspace::new);
        this.lanes = ThreadLocal.withInitial(Lanes::new);
    }

    public MtpParameters parameters() {
        return params;
    }

    /** A descriptor with the same basis and other radial coefficients. */
    public MtpDescriptor withRadialCoefficients(double[] c) {
        return new MtpDescriptor(params.withRadialCoefficients(c), simd);
    }

    @Override
    public int size() {
        return nscalar;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public int[] species() {
        return params.species();
    }

    @Override
    public String describe() {
        StringBuilder el = new StringBuilder();
        for (int z : params.species()) {
            el.append(el.length() == 0 ? "" : ",").append(Element.symbol(z));
        }
        MomentTensorBasis b = params.basis();
        return "MTP " + el + (b.level() > 0 ? " level " + b.level() : "") + " (" + nscalar + " basis functions, "
                + nbasis + " Chebyshev, rcut " + cutoff + ")";
    }

    // ------------------------------------------------------------------ public paths

    @Override
    public double[] compute(Structure structure, NeighborList neighbors) {
        int n = structure.size();
        double[] out = new double[n * nscalar];
        int[] types = types(structure);
        double[] vec = prepare(structure, neighbors);
        int[] start = neighbors.offsetsArray(), nbr = neighbors.neighborsArray();
        int chunks = Parallel.chunks(n, GRAIN);
        Parallel.forEachChunk(chunks, c -> {
            Workspace w = workspaces.get();
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                forward(w, i, types, start, nbr, vec);
                for (int a = 0; a < nscalar; a++) {
                    out[i * nscalar + a] = w.m[map[a]];
                }
            }
        });
        return out;
    }

    @Override
    public void backpropagate(Structure structure, NeighborList neighbors, double[] beta, double[] forces,
                              double[] virial) {
        int n = structure.size();
        if (beta.length != n * nscalar) {
            throw new IllegalArgumentException("beta has " + beta.length + " entries, expected " + n * nscalar);
        }
        run(structure, neighbors, beta, null, null, forces, virial);
    }

    @Override
    public double computeAndBackpropagate(Structure structure, NeighborList neighbors, AtomEnergy energy,
                                          double[] forces, double[] virial, double[] energies) {
        int n = structure.size();
        double[] e = energies != null ? energies : new double[n];
        run(structure, neighbors, null, energy, e, forces, virial);
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += e[i];
        }
        return total;
    }

    private void run(Structure structure, NeighborList neighbors, double[] betaIn, AtomEnergy model,
                     double[] energies, double[] forces, double[] virial) {
        int n = structure.size();
        int[] types = types(structure);
        double[] vec = prepare(structure, neighbors);
        int[] start = neighbors.offsetsArray(), nbr = neighbors.neighborsArray();
        double[] pair = new double[3 * neighbors.size()];
        int chunks = Parallel.chunks(n, GRAIN);
        if (simd) {
            Parallel.forEachChunk(chunks, c -> runLanes(Parallel.chunkStart(n, chunks, c), Parallel.chunkStart(n, chunks, c + 1),
                    types, start, nbr, vec, betaIn, model, energies, pair));
            scatter(neighbors, vec, pair, forces, virial);
            return;
        }
        Parallel.forEachChunk(chunks, c -> {
            Workspace w = workspaces.get();
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                int count = forward(w, i, types, start, nbr, vec);
                if (model != null) {
                    for (int a = 0; a < nscalar; a++) {
                        w.b[a] = w.m[map[a]];
                    }
                    energies[i] = model.evaluate(types[i], w.b, 0, w.beta, 0);
                    adjoint(w, w.beta, 0);
                } else {
                    adjoint(w, betaIn, i * nscalar);
                }
                edgeForces(w, count, pair);
            }
        });
        scatter(neighbors, vec, pair, forces, virial);
    }

    /**
     * The MD path for atoms [from, to) four at a time ({@link MtpVectorKernel#products4} and
     * {@link MtpVectorKernel#adjoint4}): basic moments and edge forces per atom, each in its own
     * workspace (they hold its neighbors), the program and its adjoint on the four lanes at once.
     * Lanes without an atom (the last batch) carry zeros and are ignored. Per atom the arithmetic
     * is the scalar path's up to the order of fused multiply-adds.
     */
    private void runLanes(int from, int to, int[] types, int[] start, int[] nbr, double[] vec, double[] betaIn,
                          AtomEnergy model, double[] energies, double[] pair) {
        final int lanes = MtpVectorKernel.LANES;
        Lanes l = this.lanes.get();
        double[] m4 = l.m, g4 = l.g;
        int[] count = new int[lanes];
        for (int i0 = from; i0 < to; i0 += lanes) {
            int used = Math.min(lanes, to - i0);
            for (int a = 0; a < lanes; a++) {
                Workspace w = l.w[a];
                if (a < used) {
                    count[a] = forward(w, i0 + a, types, start, nbr, vec, false);
                    for (int b = 0; b < nbasic; b++) {
                        m4[4 * b + a] = w.m[b];
                    }
                } else {
                    for (int b = 0; b < nbasic; b++) {
                        m4[4 * b + a] = 0;
                    }
                }
            }
            MtpVectorKernel.products4(m4, pTarget, pStart, pI, pJ, pC);
            Arrays.fill(g4, 0.0);
            for (int a = 0; a < used; a++) {
                Workspace w = l.w[a];
                int i = i0 + a;
                double[] beta;
                int off;
                if (model != null) {
                    for (int k = 0; k < nscalar; k++) {
                        w.b[k] = m4[4 * map[k] + a];
                    }
                    energies[i] = model.evaluate(types[i], w.b, 0, w.beta, 0);
                    beta = w.beta;
                    off = 0;
                } else {
                    beta = betaIn;
                    off = i * nscalar;
                }
                for (int k = 0; k < nscalar; k++) {
                    g4[4 * map[k] + a] += beta[off + k];
                }
            }
            MtpVectorKernel.adjoint4(m4, g4, pTarget, pStart, pI, pJ, pC);
            for (int a = 0; a < used; a++) {
                Workspace w = l.w[a];
                for (int b = 0; b < nbasic; b++) {
                    w.g[b] = g4[4 * b + a];
                }
                edgeForces(w, count[a], pair);
            }
        }
    }

    @Override
    public DescriptorGradients gradients(Structure structure, NeighborList neighbors) {
        int n = structure.size();
        int[] types = types(structure);
        double[] vec = prepare(structure, neighbors);
        int[] start = neighbors.offsetsArray(), nbr = neighbors.neighborsArray();
        int[] offsets = DescriptorGradients.offsets(n, start, (i, k) -> inside(vec, k));
        int entries = offsets[n];
        int[] jOut = new int[entries];
        double[] rOut = new double[3 * entries];
        double[] values = new double[n * nscalar];
        double[] deriv = new double[entries * 3 * nscalar];
        int chunks = Parallel.chunks(n, GRAIN);
        Parallel.forEachChunk(chunks, c -> {
            Workspace w = workspaces.get();
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                int count = forward(w, i, types, start, nbr, vec);
                jacobian(w, count);
                int d = 3 * count;
                for (int a = 0; a < nscalar; a++) {
                    values[i * nscalar + a] = w.m[map[a]];
                    int src = map[a] * w.dcap;
                    for (int q = 0; q < d; q++) {
                        deriv[(offsets[i] * 3 + q) * nscalar + a] = w.dm[src + q];
                    }
                }
                for (int q = 0; q < count; q++) {
                    int e = offsets[i] + q;
                    jOut[e] = w.nj[q];
                    rOut[3 * e] = w.nx[q];
                    rOut[3 * e + 1] = w.ny[q];
                    rOut[3 * e + 2] = w.nz[q];
                }
            }
        });
        return new DescriptorGradients(n, nscalar, types, values, offsets, jOut, rOut, deriv);
    }

    /**
     * The rows of a linear fit with coefficients shared by all elements (MTP's ξ), summed over all
     * atoms, as a {@link DescriptorRows} with a single block: {@code energy[k]} = Σ_i B_ik,
     * {@code forces[(3m+l)·size + k]} = −∂(Σ_i B_ik)/∂x_ml, {@code virial[v·size + k]} =
     * −Σ_i Σ_e r_e,a ∂B_ik/∂r_e,b (Voigt v = (a,b), LAMMPS sign), {@code counts[0]} = N. Runs on
     * the calling thread (callers parallelise over structures); the neighbor list must be FULL.
     */
    public DescriptorRows rows(Structure structure, NeighborList neighbors) {
        int n = structure.size();
        int[] types = types(structure);
        double[] vec = prepare(structure, neighbors);
        int[] start = neighbors.offsetsArray(), nbr = neighbors.neighborsArray();
        int cols = nscalar;
        double[] energy = new double[cols];
        double[] forces = new double[3 * n * cols];
        double[] virial = new double[6 * cols];
        Workspace w = workspaces.get();
        for (int i = 0; i < n; i++) {
            int count = forward(w, i, types, start, nbr, vec);
            jacobian(w, count);
            for (int a = 0; a < cols; a++) {
                energy[a] += w.m[map[a]];
            }
            int d = 3 * count;
            double[] s = w.scalarDerivatives(d * cols);
            for (int a = 0; a < cols; a++) {
                int src = map[a] * w.dcap;
                for (int q = 0; q < d; q++) {
                    s[q * cols + a] = w.dm[src + q];
                }
            }
            for (int e = 0; e < count; e++) {
                int j = w.nj[e];
                double rx = w.nx[e], ry = w.ny[e], rz = w.nz[e];
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
        return new DescriptorRows(1, cols, n, new double[]{n}, energy, forces, virial);
    }

    /**
     * The training kernel: adds to {@code out} {@code [T·T·K·R]} the derivative with respect to the
     * radial coefficients c of
     * <pre>
     *   Φ = Σ_i [ a·β·B_i + Σ_j ∂(β·B_i)/∂r_ij · δ_ij ],    δ_ij = v_j − v_i + H·r_ij,
     * </pre>
     * the energy E = Σ_i β·B_i (β shared by all atoms) weighted by a, plus its directional
     * derivative along atom displacements v and a homogeneous deformation H of the pair vectors.
     * With a = ∂L/∂E, v = −∂L/∂F and H from ∂L/∂σ this is the gradient of a least-squares loss L on
     * energy, forces and stress with respect to c at fixed β (see {@code org.peierls.fit.MtpFit}).
     * Runs on the calling thread.
     *
     * @param beta         β {@code [size]}
     * @param a            the energy factor a
     * @param displacement v {@code [3N]} (null: 0)
     * @param deformation  H {@code [9]} row-major, (H·r)_a = Σ_b H_ab r_b (null: 0)
     * @param out          receives the gradient (added)
     * @return E = Σ_i β·B_i (for checks)
     */
    public double radialGradient(Structure structure, NeighborList neighbors, double[] beta, double a,
                                 double[] displacement, double[] deformation, double[] out) {
        if (beta.length != nscalar) {
            throw new IllegalArgumentException("beta has " + beta.length + " entries, expected " + nscalar);
        }
        if (out.length != coeff.length) {
            throw new IllegalArgumentException("gradient array has " + out.length + " entries, expected " + coeff.length);
        }
        int n = structure.size();
        int[] types = types(structure);
        double[] vec = prepare(structure, neighbors);
        int[] start = neighbors.offsetsArray(), nbr = neighbors.neighborsArray();
        double[] v = displacement;
        double[] h = deformation;
        Workspace w = workspaces.get();
        double energy = 0;
        final int rs = nbasis;
        for (int i = 0; i < n; i++) {
            int count = forward(w, i, types, start, nbr, vec);
            for (int s = 0; s < nscalar; s++) {
                energy += beta[s] * w.m[map[s]];
            }
            int cap = w.cap;
            // tangent δ and s = û·δ per neighbor
            double[] dx = w.tx, dy = w.ty, dz = w.tz, sd = w.ts;
            for (int e = 0; e < count; e++) {
                double x = w.nx[e], y = w.ny[e], z = w.nz[e];
                double ax = 0, ay = 0, az = 0;
                if (v != null) {
                    int j = w.nj[e];
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
            double[] f = w.f, fp = w.fp, fr = w.fr, p = w.p;
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
            // tangent through the products
            double[] m = w.m;
            for (int gq = 0; gq < pTarget.length; gq++) {
                double sum = 0;
                for (int t = pStart[gq]; t < pStart[gq + 1]; t++) {
                    int ii = pI[t], jj = pJ[t];
                    sum += pC[t] * (md[ii] * m[jj] + m[ii] * md[jj]);
                }
                md[pTarget[gq]] = sum;
            }
            // adjoint and its tangent
            double[] g = w.g, gd = w.gd;
            Arrays.fill(g, 0.0);
            Arrays.fill(gd, 0.0);
            for (int s = 0; s < nscalar; s++) {
                g[map[s]] += beta[s];
            }
            for (int gq = pTarget.length - 1; gq >= 0; gq--) {
                int k = pTarget[gq];
                double gk = g[k], gdk = gd[k];
                if (gk == 0 && gdk == 0) {
                    continue;
                }
                for (int t = pStart[gq]; t < pStart[gq + 1]; t++) {
                    int ii = pI[t], jj = pJ[t];
                    double c = pC[t];
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
            int ti = types[i];
            double[] q = w.q, dq = w.dq;
            for (int e = 0; e < count; e++) {
                int base = (ti * ntypes + w.ntype[e]) * nrad;
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
        return energy;
    }

    /** Profiling hook (package-private): phase timings of one atom, CPU ns per call, {forward, products, adjoint, edges}. */
    long[] profile(Structure structure, NeighborList neighbors, int atom, int reps) {
        int[] types = types(structure);
        double[] vec = prepare(structure, neighbors);
        int[] start = neighbors.offsetsArray(), nbr = neighbors.neighborsArray();
        Workspace w = workspaces.get();
        double[] beta = new double[nscalar];
        Arrays.fill(beta, 0.01);
        double[] pair = new double[3 * neighbors.size()];
        java.lang.management.ThreadMXBean tm = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] out = new long[4];
        int count = 0;
        long t0 = tm.getCurrentThreadCpuTime();
        for (int r = 0; r < reps; r++) {
            count = forward(w, atom, types, start, nbr, vec);
        }
        long t1 = tm.getCurrentThreadCpuTime();
        for (int r = 0; r < reps; r++) {
            products(w.m);
        }
        long t2 = tm.getCurrentThreadCpuTime();
        for (int r = 0; r < reps; r++) {
            adjoint(w, beta, 0);
        }
        long t3 = tm.getCurrentThreadCpuTime();
        for (int r = 0; r < reps; r++) {
            edgeForces(w, count, pair);
        }
        long t4 = tm.getCurrentThreadCpuTime();
        out[0] = (t1 - t0) / reps;
        out[1] = (t2 - t1) / reps;
        out[2] = (t3 - t2) / reps;
        out[3] = (t4 - t3) / reps;
        return out;
    }

    // ------------------------------------------------------------------ checks

    private double[] prepare(Structure structure, NeighborList nl) {
        int n = structure.size();
        if (nl.atoms() != n) {
            throw new IllegalArgumentException("neighbor list for " + nl.atoms() + " atoms, structure has " + n);
        }
        if (nl.kind() != NeighborList.Kind.FULL) {
            throw new IllegalArgumentException("the MTP descriptor needs a FULL neighbor list");
        }
        if (nl.cutoff() < cutoff) {
            throw new IllegalArgumentException("neighbor list cutoff " + nl.cutoff() + " Å is shorter than the MTP cutoff "
                    + cutoff + " Å");
        }
        return nl.vectorsFor(structure);
    }

    private boolean inside(double[] vec, int k) {
        double dx = vec[3 * k], dy = vec[3 * k + 1], dz = vec[3 * k + 2];
        double rsq = dx * dx + dy * dy + dz * dz;
        return rsq < cutSq && rsq > 1e-20;
    }

    // ------------------------------------------------------------------ per-atom kernels

    /** Gathers the neighbors of atom i, evaluates radial functions, monomials and the program; returns the neighbor count. */
    private int forward(Workspace w, int i, int[] types, int[] start, int[] nbr, double[] vec) {
        return forward(w, i, types, start, nbr, vec, true);
    }

    /** As above; without {@code products} only the basic slots of w.m are filled (the 4-lane MD path runs the program). */
    private int forward(Workspace w, int i, int[] types, int[] start, int[] nbr, double[] vec, boolean products) {
        int count = 0;
        for (int k = start[i]; k < start[i + 1]; k++) {
            double dx = vec[3 * k], dy = vec[3 * k + 1], dz = vec[3 * k + 2];
            double rsq = dx * dx + dy * dy + dz * dz;
            if (rsq < cutSq && rsq > 1e-20) {
                if (count == w.nx.length) {
                    w.growNeighbors();
                }
                int j = nbr[k];
                w.nx[count] = dx;
                w.ny[count] = dy;
                w.nz[count] = dz;
                w.nk[count] = k;
                w.nj[count] = j;
                w.ntype[count] = types[j];
                count++;
            }
        }
        w.ensure(count);
        int cap = w.cap;
        int ti = types[i];
        final int rs = nbasis;
        double[] q = w.q, dq = w.dq, f = w.f, fp = w.fp, fr = w.fr, p = w.p, rinv = w.rinv;
        double[] qe = w.qe, dqe = w.dqe;
        int[] base = w.base;
        // distances, unit vectors (rows 1, 2, 3 of the monomial table) and the radial basis
        for (int e = 0; e < count; e++) {
            double x = w.nx[e], y = w.ny[e], z = w.nz[e];
            double r = Math.sqrt(x * x + y * y + z * z);
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
            base[e] = (ti * ntypes + w.ntype[e]) * nrad * rs;
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
        if (products) {
            products(m);
        }
        w.count = count;
        return count;
    }

    /** The products of the program: every non-basic slot of m from the basic ones. */
    private void products(double[] m) {
        final int[] target = pTarget, start = pStart, ii = pI, jj = pJ;
        final double[] cc = pC;
        for (int q = 0; q < target.length; q++) {
            int t = start[q], end = start[q + 1];
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

    /** g = ∂E/∂slot for E = Σ_α β_α·slot(α), by running the program backwards. */
    private void adjoint(Workspace w, double[] beta, int off) {
        double[] g = w.g, m = w.m;
        Arrays.fill(g, 0.0);
        for (int a = 0; a < nscalar; a++) {
            g[map[a]] += beta[off + a];
        }
        final int[] target = pTarget, start = pStart, ii = pI, jj = pJ;
        final double[] cc = pC;
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

    /** ∂E_i/∂r_e = Σ_b g_b ∇(f_μ P) for every neighbor, into {@code pair[3k…]} (k = its list entry). */
    private void edgeForces(Workspace w, int count, double[] pair) {
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
        for (int e = 0; e < count; e++) {
            double ri = w.rinv[e];
            double s = sr[e] * ri;
            int k = w.nk[e];
            pair[3 * k] = s * w.nx[e] + vx[e];
            pair[3 * k + 1] = s * w.ny[e] + vy[e];
            pair[3 * k + 2] = s * w.nz[e] + vz[e];
        }
    }

    /** Forward derivatives of every slot with respect to the 3·count neighbor coordinates: {@code dm[slot·dcap + 3e + l]}. */
    private void jacobian(Workspace w, int count) {
        int d = 3 * count;
        w.ensureJacobian(d);
        int cap = w.cap, dc = w.dcap;
        double[] dm = w.dm, fp = w.fp, fr = w.fr, p = w.p, m = w.m;
        for (int b = 0; b < nbasic; b++) {
            int o = b * dc;
            int fo = bMu[b] * cap, po = bMono[b] * cap, pa = bDa[b] * cap, pb = bDb[b] * cap, pc = bDc[b] * cap;
            double nu = bNu[b], ca = bA[b], cb = bB[b], cc = bC[b];
            for (int e = 0; e < count; e++) {
                double ri = w.rinv[e];
                double radial = (fp[fo + e] - nu * fr[fo + e]) * p[po + e] * ri;
                double frv = fr[fo + e];
                dm[o + 3 * e] = radial * w.nx[e] + frv * ca * p[pa + e];
                dm[o + 3 * e + 1] = radial * w.ny[e] + frv * cb * p[pb + e];
                dm[o + 3 * e + 2] = radial * w.nz[e] + frv * cc * p[pc + e];
            }
        }
        if (simd) {
            MtpVectorKernel.products(dm, dc, d, m, pTarget, pStart, pI, pJ, pC);
            return;
        }
        final int[] target = pTarget, start = pStart, pi = pI, pj = pJ;
        final double[] cc = pC;
        for (int g = 0; g < target.length; g++) {
            int ok = target[g] * dc;
            Arrays.fill(dm, ok, ok + d, 0.0);
            for (int t = start[g]; t < start[g + 1]; t++) {
                int ii = pi[t], jj = pj[t];
                double a = cc[t] * m[jj], b = cc[t] * m[ii];
                int oi = ii * dc, oj = jj * dc;
                for (int q = 0; q < d; q++) {
                    dm[ok + q] += a * dm[oi + q] + b * dm[oj + q];
                }
            }
        }
    }

    /** forces += Σ pairs (+g on i, −g on j); virial += −r ⊗ g; one serial pass (deterministic). */
    static void scatter(NeighborList nl, double[] vec, double[] pair, double[] forces, double[] virial) {
        int n = nl.atoms();
        int[] start = nl.offsetsArray();
        int[] nbr = nl.neighborsArray();
        double w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0;
        for (int i = 0; i < n; i++) {
            double fx = 0, fy = 0, fz = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                double gx = pair[3 * k], gy = pair[3 * k + 1], gz = pair[3 * k + 2];
                if (gx == 0 && gy == 0 && gz == 0) {
                    continue;
                }
                int j = nbr[k];
                fx += gx;
                fy += gy;
                fz += gz;
                forces[3 * j] -= gx;
                forces[3 * j + 1] -= gy;
                forces[3 * j + 2] -= gz;
                double rx = vec[3 * k], ry = vec[3 * k + 1], rz = vec[3 * k + 2];
                w0 -= rx * gx;
                w1 -= ry * gy;
                w2 -= rz * gz;
                w3 -= ry * gz;
                w4 -= rx * gz;
                w5 -= rx * gy;
            }
            forces[3 * i] += fx;
            forces[3 * i + 1] += fy;
            forces[3 * i + 2] += fz;
        }
        virial[0] += w0;
        virial[1] += w1;
        virial[2] += w2;
        virial[3] += w3;
        virial[4] += w4;
        virial[5] += w5;
    }

    // ------------------------------------------------------------------ workspace

    /** Four workspaces (one per lane: each keeps its atom's neighbors) and the lane-major slots m, g. */
    private final class Lanes {
        final Workspace[] w = new Workspace[MtpVectorKernel.LANES];
        final double[] m = new double[MtpVectorKernel.LANES * nslots];
        final double[] g = new double[MtpVectorKernel.LANES * nslots];

        Lanes() {
            for (int a = 0; a < w.length; a++) {
                w[a] = new Workspace();
            }
        }
    }

    private final class Workspace {
        int count;
        /** Neighbor capacity of the per-neighbor arrays (stride of the neighbor-fastest layouts). */
        int cap;
        double[] nx = new double[64], ny = new double[64], nz = new double[64];
        int[] nk = new int[64], nj = new int[64], ntype = new int[64];
        double[] q, dq, f, fp, fr, p, rinv, tx, ty, tz, ts, am, bm;
        final double[] qe = new double[nbasis], dqe = new double[nbasis], u3 = new double[3];
        final double[] m = new double[nslots], g = new double[nslots], md = new double[nslots], gd = new double[nslots];
        final double[] b = new double[nscalar], beta = new double[nscalar];
        double[] dm = new double[0];
        int dcap;
        double[] scalarDerivatives = new double[0];

        Workspace() {
            ensure(64);
        }

        void growNeighbors() {
            int n = 2 * nx.length;
            nx = Arrays.copyOf(nx, n);
            ny = Arrays.copyOf(ny, n);
            nz = Arrays.copyOf(nz, n);
            nk = Arrays.copyOf(nk, n);
            nj = Arrays.copyOf(nj, n);
            ntype = Arrays.copyOf(ntype, n);
        }

        /** Allocated neighbor capacity of the per-neighbor arrays. */
        int allocated;
        int[] base;

        /**
         * Per-neighbor arrays for n neighbors (content not kept): the row stride {@link #cap} is n
         * rounded up to a multiple of 4, so that a whole neighborhood stays in cache.
         */
        void ensure(int n) {
            cap = Math.max(4, (n + 3) & ~3);
            if (q != null && cap <= allocated) {
                return;
            }
            int c = Math.max(cap, 2 * allocated);
            allocated = c;
            base = new int[c];
            q = new double[nbasis * c];
            dq = new double[nbasis * c];
            f = new double[nrad * c];
            fp = new double[nrad * c];
            fr = new double[nrad * c];
            am = new double[nrad * c];
            bm = new double[nrad * c];
            p = new double[nmono * c];
            rinv = new double[c];
            tx = new double[c];
            ty = new double[c];
            tz = new double[c];
            ts = new double[c];
        }

        void ensureJacobian(int d) {
            // a multiple of the SIMD block, so that whole blocks of every row are in range
            int b = MtpVectorKernel.BLOCK;
            dcap = Math.max(b, (d + b - 1) / b * b);
            if (dm.length < nslots * dcap) {
                dm = new double[Math.max(nslots * dcap, 2 * dm.length)];
            }
        }

        double[] scalarDerivatives(int n) {
            if (scalarDerivatives.length < n) {
                scalarDerivatives = new double[n];
            }
            return scalarDerivatives;
        }
    }
}
