package org.peierls.descriptor;

/**
 * MLIP's {@code RBChebyshev} radial basis: Q_k(r) = s·T_k(ξ)·(R_cut − r)², k = 0 … size−1, with
 * ξ = (2r − (r_min + R_cut))/(R_cut − r_min) mapping [r_min, R_cut] onto [−1, 1], T_k the
 * Chebyshev polynomials of the first kind (T_0 = 1, T_1 = ξ, T_{k+1} = 2ξT_k − T_{k−1}) and s a
 * global scaling (1 unless a file says otherwise). The factor (R_cut − r)² makes every Q_k and its
 * first derivative vanish at the cutoff; below r_min the polynomials are simply continued.
 *
 * @param minDist r_min, Å
 * @param maxDist R_cut, Å (the cutoff)
 * @param size    number of basis functions (≥ 2)
 * @param scaling s
 */
public record ChebyshevRadialBasis(double minDist, double maxDist, int size, double scaling) {

    public ChebyshevRadialBasis {
        if (!(minDist >= 0) || !(maxDist > minDist) || !Double.isFinite(maxDist)) {
            throw new IllegalArgumentException("radial basis needs 0 ≤ min_dist < max_dist, got " + minDist + ", " + maxDist);
        }
        if (size < 2 || size > 64) {
            throw new IllegalArgumentException("radial_basis_size must be in 2…64, got " + size);
        }
        if (!(scaling > 0) || !Double.isFinite(scaling)) {
            throw new IllegalArgumentException("radial basis scaling must be positive, got " + scaling);
        }
    }

    /** A basis with scaling 1. */
    public ChebyshevRadialBasis(double minDist, double maxDist, int size) {
        this(minDist, maxDist, size, 1.0);
    }

    /**
     * Q_k(r) and dQ_k/dr for k = 0 … size−1 into {@code q[off…]} and {@code dq[off…]}
     * (1/Å²·s and 1/Å·s units; r in Å, r &lt; R_cut).
     */
    public void evaluate(double r, double[] q, double[] dq, int off) {
        double width = maxDist - minDist;
        double mult = 2.0 / width;
        double xi = (2.0 * r - (minDist + maxDist)) / width;
        double d = r - maxDist;
        double env = scaling * d * d;
        double denv = scaling * 2.0 * d;
        // T_k and T_k' by the recurrence; Q = T·env, Q' = T'·mult·env + T·denv
        double t0 = 1, t1 = xi, dt0 = 0, dt1 = 1;
        q[off] = env;
        dq[off] = denv;
        q[off + 1] = xi * env;
        dq[off + 1] = mult * env + xi * denv;
        for (int k = 2; k < size; k++) {
            double t2 = 2 * xi * t1 - t0;
            double dt2 = 2 * t1 + 2 * xi * dt1 - dt0;
            q[off + k] = t2 * env;
            dq[off + k] = dt2 * mult * env + t2 * denv;
            t0 = t1;
            t1 = t2;
            dt0 = dt1;
            dt1 = dt2;
        }
    }
}
