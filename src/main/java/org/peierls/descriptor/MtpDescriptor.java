package org.peierls.descriptor;

import java.util.Arrays;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.neighbors.Neighborhood;
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
 * <p><b>Kernels.</b> Per atom ({@link MtpMoments}): the radial functions and the table of
 * monomials û^{(a,b,c)} of every neighbor (stored neighbor-fastest, so the per-basic loops over
 * neighbors vectorise), the basic moments, then the products of the program in order
 * ({@link MtpInterpreter}). The adjoint path (MD) runs the program backwards with
 * g = ∂E_i/∂slot (g = β on the basis functions), which gives ∂E_i/∂r_ij =
 * Σ_b g_b ∇(f_{μ_b}·û^{(a,b,c)}) without forming ∂B/∂r. {@link #gradients} and {@link #rows}
 * propagate the 3·(neighbors) position derivatives forward through the program instead
 * ({@link MtpJacobian}). {@link #radialGradient} is the training kernel ({@link MtpTraining}):
 * the derivative with respect to c of an energy plus a directional derivative of it (forward
 * tangent and adjoint with tangent, "forward over reverse"). This class checks the inputs and
 * runs those steps over the atoms.</p>
 *
 * <p><b>SIMD.</b> With the Vector API ({@link Bispectrum#VECTOR_API}) the MD path runs the program
 * and its adjoint for four atoms at once, one per lane ({@link MtpLanes}: the scalar program is a
 * chain of gathers, one multiply-add each), and the forward Jacobian of the fit rows runs blocked
 * over 16 coordinates ({@link MtpVectorKernel#products}). Basic moments and edge forces stay per
 * atom (their loops over neighbors vectorise as they are).</p>
 *
 * <p>Per-thread workspaces hold every buffer; work is split over atoms in chunks that depend only
 * on N, and per-pair forces are summed in one serial pass, so results do not depend on the thread
 * count.</p>
 */
public final class MtpDescriptor implements Descriptor {

    private static final int GRAIN = 16;

    private final MtpParameters params;
    private final int nscalar, nbasis;
    private final double cutoff;
    private final MtpMoments moments;
    private final MtpInterpreter program;
    private final MtpJacobian jacobian;
    private final MtpTraining training;
    private final ThreadLocal<MtpWorkspace> workspaces;
    /** Per-thread state of the 4-lane MD path (SIMD only). */
    private final ThreadLocal<MtpLanes> lanes;

    /** Whether the MD path runs on {@link MtpLanes} and the forward Jacobian's products use {@link MtpVectorKernel}. */
    private final boolean simd;

    /** The descriptor of fixed parameters (with the SIMD kernels when {@link Bispectrum#VECTOR_API} allows). */
    public MtpDescriptor(MtpParameters params) {
        this(params, Bispectrum.VECTOR_API);
    }

    /** With {@code simd} false the scalar kernels run even when the Vector API is present (tests, comparisons). */
    MtpDescriptor(MtpParameters params, boolean simd) {
        this.simd = simd;
        this.params = params;
        this.moments = new MtpMoments(params);
        this.program = new MtpInterpreter(params.basis());
        this.jacobian = new MtpJacobian(moments, program, simd);
        this.training = new MtpTraining(moments, program);
        this.nscalar = program.scalars;
        this.nbasis = moments.nbasis;
        this.cutoff = moments.radial.maxDist();
        this.workspaces = ThreadLocal.withInitial(() -> new MtpWorkspace(moments, program));
        this.lanes = ThreadLocal.withInitial(() -> new MtpLanes(moments, program));
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
            MtpWorkspace w = workspaces.get();
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                forward(w, i, types, start, nbr, vec);
                program.scalars(w.m, out, i * nscalar);
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

    /**
     * The MD path: per-pair dE_i/dr_ij for β given ({@code betaIn}) or from the model (fused,
     * energies written), on four lanes ({@link MtpLanes}) or atom by atom, then one serial scatter.
     */
    private void run(Structure structure, NeighborList neighbors, double[] betaIn, AtomEnergy model,
                     double[] energies, double[] forces, double[] virial) {
        int n = structure.size();
        int[] types = types(structure);
        double[] vec = prepare(structure, neighbors);
        int[] start = neighbors.offsetsArray(), nbr = neighbors.neighborsArray();
        double[] pair = new double[3 * neighbors.size()];
        int chunks = Parallel.chunks(n, GRAIN);
        if (simd) {
            Parallel.forEachChunk(chunks, c -> lanes.get().run(Parallel.chunkStart(n, chunks, c),
                    Parallel.chunkStart(n, chunks, c + 1), types, start, nbr, vec, betaIn, model, energies, pair));
            scatter(neighbors, vec, pair, forces, virial);
            return;
        }
        Parallel.forEachChunk(chunks, c -> {
            MtpWorkspace w = workspaces.get();
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                int count = forward(w, i, types, start, nbr, vec);
                if (model != null) {
                    program.scalars(w.m, w.b, 0);
                    energies[i] = model.evaluate(types[i], w.b, 0, w.beta, 0);
                    program.adjoint(w.m, w.g, w.beta, 0);
                } else {
                    program.adjoint(w.m, w.g, betaIn, i * nscalar);
                }
                moments.edgeForces(w, count, pair);
            }
        });
        scatter(neighbors, vec, pair, forces, virial);
    }

    @Override
    public DescriptorGradients gradients(Structure structure, NeighborList neighbors) {
        int n = structure.size();
        int[] types = types(structure);
        double[] vec = prepare(structure, neighbors);
        int[] start = neighbors.offsetsArray(), nbr = neighbors.neighborsArray();
        double cutSq = moments.cutSq;
        int[] offsets = DescriptorGradients.offsets(n, start, (i, k) -> Neighborhood.inside(vec, k, cutSq));
        int entries = offsets[n];
        int[] jOut = new int[entries];
        double[] rOut = new double[3 * entries];
        double[] values = new double[n * nscalar];
        double[] deriv = new double[entries * 3 * nscalar];
        int chunks = Parallel.chunks(n, GRAIN);
        Parallel.forEachChunk(chunks, c -> {
            MtpWorkspace w = workspaces.get();
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                int count = forward(w, i, types, start, nbr, vec);
                jacobian.compute(w, count);
                jacobian.copyGradients(w, i, count, offsets[i], values, deriv, jOut, rOut);
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
        MtpWorkspace w = workspaces.get();
        for (int i = 0; i < n; i++) {
            int count = forward(w, i, types, start, nbr, vec);
            jacobian.compute(w, count);
            jacobian.addRows(w, i, count, energy, forces, virial);
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
     * Per atom: the forward pass, then {@link MtpTraining} ("forward over reverse"). Runs on the
     * calling thread.
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
        if (out.length != moments.coeff.length) {
            throw new IllegalArgumentException("gradient array has " + out.length + " entries, expected "
                    + moments.coeff.length);
        }
        int n = structure.size();
        int[] types = types(structure);
        double[] vec = prepare(structure, neighbors);
        int[] start = neighbors.offsetsArray(), nbr = neighbors.neighborsArray();
        final int[] map = program.map;
        MtpWorkspace w = workspaces.get();
        double energy = 0;
        for (int i = 0; i < n; i++) {
            int count = forward(w, i, types, start, nbr, vec);
            for (int s = 0; s < nscalar; s++) {
                energy += beta[s] * w.m[map[s]];
            }
            training.addAtom(w, i, types[i], count, beta, a, displacement, deformation, out);
        }
        return energy;
    }

    /** Profiling hook (package-private): phase timings of one atom, CPU ns per call, {forward, products, adjoint, edges}. */
    long[] profile(Structure structure, NeighborList neighbors, int atom, int reps) {
        int[] types = types(structure);
        double[] vec = prepare(structure, neighbors);
        int[] start = neighbors.offsetsArray(), nbr = neighbors.neighborsArray();
        MtpWorkspace w = workspaces.get();
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
            program.products(w.m);
        }
        long t2 = tm.getCurrentThreadCpuTime();
        for (int r = 0; r < reps; r++) {
            program.adjoint(w.m, w.g, beta, 0);
        }
        long t3 = tm.getCurrentThreadCpuTime();
        for (int r = 0; r < reps; r++) {
            moments.edgeForces(w, count, pair);
        }
        long t4 = tm.getCurrentThreadCpuTime();
        out[0] = (t1 - t0) / reps;
        out[1] = (t2 - t1) / reps;
        out[2] = (t3 - t2) / reps;
        out[3] = (t4 - t3) / reps;
        return out;
    }

    // ------------------------------------------------------------------ shared steps

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

    /** Atom i's basic moments and the products of the program (every slot of w.m); returns its neighbor count. */
    private int forward(MtpWorkspace w, int i, int[] types, int[] start, int[] nbr, double[] vec) {
        int count = moments.compute(w, i, types, start, nbr, vec);
        program.products(w.m);
        return count;
    }

    /** forces += Σ pairs (+g on i, −g on j); virial += −r ⊗ g; one serial pass (deterministic). */
    private static void scatter(NeighborList nl, double[] vec, double[] pair, double[] forces, double[] virial) {
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
}
