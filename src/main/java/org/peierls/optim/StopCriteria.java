package org.peierls.optim;

/**
 * When a minimization ends. Checked after every iteration, in this order: force, energy,
 * iteration count.
 *
 * @param fmax            force tolerance in the units of {@link Minimizable#forceNorm} (eV/Å for
 *                        atoms); the run converges when the force measure is ≤ fmax
 * @param energyTolerance converge when the value changes by at most this much (eV) between two
 *                        successive iterations; 0 disables the test
 * @param maxIterations   the iteration limit (≥ 0)
 */
public record StopCriteria(double fmax, double energyTolerance, int maxIterations) {

    public StopCriteria {
        if (!(fmax >= 0) || !Double.isFinite(fmax)) {
            throw new IllegalArgumentException("fmax must be ≥ 0, got " + fmax);
        }
        if (!(energyTolerance >= 0) || !Double.isFinite(energyTolerance)) {
            throw new IllegalArgumentException("energy tolerance must be ≥ 0, got " + energyTolerance);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("iteration limit must be ≥ 0, got " + maxIterations);
        }
    }

    /** Force tolerance only. */
    public static StopCriteria force(double fmax, int maxIterations) {
        return new StopCriteria(fmax, 0, maxIterations);
    }
}
