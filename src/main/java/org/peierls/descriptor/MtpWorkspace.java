package org.peierls.descriptor;

import org.peierls.neighbors.Neighborhood;

/**
 * Per-thread buffers of {@link MtpDescriptor}'s per-atom kernels: the gathered neighbors, the
 * neighbor-fastest tables of one atom ({@link MtpMoments}), the slots of the program and their
 * adjoints ({@link MtpInterpreter}), and the forward Jacobian ({@link MtpJacobian}). Everything
 * grows on demand and is reused, so the kernels allocate nothing per atom.
 */
final class MtpWorkspace {

    private final int nbasis, nrad, nmono;

    /** The neighbors of the current atom. */
    final Neighborhood nb = new Neighborhood(64);
    /** Neighbor capacity of the per-neighbor arrays (stride of the neighbor-fastest layouts). */
    int cap;
    /** Allocated neighbor capacity of the per-neighbor arrays. */
    private int allocated;
    /** Per neighbor: type of the neighbor, offset of its block of radial coefficients. */
    int[] ntype, base;
    /**
     * Neighbor-fastest tables (row k of a table at k·cap): Chebyshev Q_k and Q_k', radial
     * functions f_μ, f_μ', f_μ/r, the monomials û^{(a,b,c)}, 1/r, four scratch rows and the
     * training kernel's A_μ, B_μ.
     */
    double[] q, dq, f, fp, fr, p, rinv, tx, ty, tz, ts, am, bm;
    /** The radial basis at one distance. */
    final double[] qe, dqe;
    /** Slots, their adjoint, and the tangents of both (training). */
    final double[] m, g, md, gd;
    /** One atom's B and β = ∂E_i/∂B (the fused MD path). */
    final double[] b, beta;
    /** Forward Jacobian: row of slot s at s·dcap, 3 coordinates per neighbor. */
    double[] dm = new double[0];
    int dcap;
    private double[] scalarDerivatives = new double[0];

    MtpWorkspace(MtpMoments moments, MtpInterpreter program) {
        this.nbasis = moments.nbasis;
        this.nrad = moments.nrad;
        this.nmono = moments.nmono;
        qe = new double[nbasis];
        dqe = new double[nbasis];
        m = new double[program.slots];
        g = new double[program.slots];
        md = new double[program.slots];
        gd = new double[program.slots];
        b = new double[program.scalars];
        beta = new double[program.scalars];
        ensure(64);
    }

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
        ntype = new int[c];
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

    /** The Jacobian rows for d coordinates (content not kept). */
    void ensureJacobian(int d, int slots) {
        // a multiple of the SIMD block, so that whole blocks of every row are in range
        int bl = MtpVectorKernel.BLOCK;
        dcap = Math.max(bl, (d + bl - 1) / bl * bl);
        if (dm.length < slots * dcap) {
            dm = new double[Math.max(slots * dcap, 2 * dm.length)];
        }
    }

    /** A scratch array of at least n entries (content not kept). */
    double[] scalarDerivatives(int n) {
        if (scalarDerivatives.length < n) {
            scalarDerivatives = new double[n];
        }
        return scalarDerivatives;
    }
}
