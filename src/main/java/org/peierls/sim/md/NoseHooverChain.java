package org.peierls.sim.md;

/**
 * A Nosé–Hoover chain (Martyna, Klein &amp; Tuckerman, J. Chem. Phys. 97, 2635 (1992)) coupled to a
 * kinetic energy, integrated by the Trotter scheme of Martyna, Tuckerman, Tobias &amp; Klein,
 * Mol. Phys. 87, 1117 (1996), with third-order Suzuki–Yoshida weights.
 *
 * <p>For M thermostats with positions ξ_j and velocities v_j (1/ps), masses Q₁ = N_f k_B T τ² and
 * Q_j = k_B T τ² (eV·ps²), forces G₁ = (2K − N_f k_B T)/Q₁ and G_j = (Q_{j−1} v_{j−1}² − k_B T)/Q_j.
 * The chain's energy is Σ ½ Q_j v_j² + N_f k_B T ξ₁ + k_B T Σ_{j≥2} ξ_j.</p>
 */
final class NoseHooverChain {

    private static final double W1 = 1.0 / (2.0 - Math.cbrt(2.0));
    private static final double[] YOSHIDA = {W1, 1.0 - 2.0 * W1, W1};

    private final int length;
    private final double kt;
    private final int dof;
    private final double[] q;

    /**
     * @param length chain length M ≥ 1
     * @param kt     k_B T, eV
     * @param dof    degrees of freedom N_f coupled to the chain
     * @param tau    thermostat period τ, ps
     */
    NoseHooverChain(int length, double kt, int dof, double tau) {
        if (length < 1) {
            throw new IllegalArgumentException("Nosé–Hoover chain length must be ≥ 1, got " + length);
        }
        if (!(kt > 0)) {
            throw new IllegalArgumentException("Nosé–Hoover thermostat needs a positive temperature");
        }
        this.length = length;
        this.kt = kt;
        this.dof = Math.max(1, dof);
        this.q = new double[length];
        q[0] = this.dof * kt * tau * tau;
        for (int j = 1; j < length; j++) {
            q[j] = kt * tau * tau;
        }
    }

    int length() {
        return length;
    }

    /**
     * Propagates the chain for time {@code h} against the kinetic energy {@code twiceKinetic}
     * (2K, eV). {@code vars} holds ξ at {@code [off, off+M)} and v at {@code [off+M, off+2M)},
     * updated in place.
     *
     * @return the factor by which the coupled velocities must be scaled
     */
    double propagate(double[] vars, int off, double twiceKinetic, double h) {
        int m = length;
        int vo = off + m;
        double scale = 1;
        double k2 = twiceKinetic;
        for (double w : YOSHIDA) {
            double d = w * h;
            vars[vo + m - 1] += 0.5 * d * force(vars, vo, m - 1, k2);
            for (int j = m - 2; j >= 0; j--) {
                double a = Math.exp(-0.25 * d * vars[vo + j + 1]);
                vars[vo + j] = a * (a * vars[vo + j] + 0.5 * d * force(vars, vo, j, k2));
            }
            double s = Math.exp(-d * vars[vo]);
            scale *= s;
            k2 *= s * s;
            for (int j = 0; j < m; j++) {
                vars[off + j] += d * vars[vo + j];
            }
            for (int j = 0; j < m - 1; j++) {
                double a = Math.exp(-0.25 * d * vars[vo + j + 1]);
                vars[vo + j] = a * (a * vars[vo + j] + 0.5 * d * force(vars, vo, j, k2));
            }
            vars[vo + m - 1] += 0.5 * d * force(vars, vo, m - 1, k2);
        }
        return scale;
    }

    private double force(double[] vars, int vo, int j, double k2) {
        if (j == 0) {
            return (k2 - dof * kt) / q[0];
        }
        double vp = vars[vo + j - 1];
        return (q[j - 1] * vp * vp - kt) / q[j];
    }

    /** The chain's energy, eV. */
    double energy(double[] vars, int off) {
        double e = dof * kt * vars[off];
        for (int j = 1; j < length; j++) {
            e += kt * vars[off + j];
        }
        for (int j = 0; j < length; j++) {
            double v = vars[off + length + j];
            e += 0.5 * q[j] * v * v;
        }
        return e;
    }
}
