package org.peierls.optim;

/**
 * When a minimization ends. Checked after every iteration, in this order: the listener, force,
 * energy, iteration count ({@link #afterIteration}; at the start point the listener and the force,
 * {@link #atStart}): every minimizer asks these two methods, so all of them end the same way.
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

    /**
     * The checks at the start point, after its first evaluation: the listener's
     * {@link Minimizer.Listener#start start}, then the force.
     *
     * @return why to stop there, or null to go on
     */
    Termination atStart(Minimizer.Listener listener, double value, double forceNorm, double[] x) {
        if (!listener.start(value, forceNorm, x)) {
            return Termination.STOPPED;
        }
        return forceNorm <= fmax ? Termination.FORCE_TOLERANCE : null;
    }

    /**
     * The checks after an iteration: the listener, the force, then the change of the value from
     * {@code previous} (the iteration limit is the caller's loop).
     *
     * @return why to stop, or null to go on
     */
    Termination afterIteration(Minimizer.Listener listener, int iteration, double value, double previous,
                               double forceNorm, double[] x) {
        if (!listener.iteration(iteration, value, forceNorm, x)) {
            return Termination.STOPPED;
        }
        if (forceNorm <= fmax) {
            return Termination.FORCE_TOLERANCE;
        }
        if (energyTolerance > 0 && Math.abs(value - previous) <= energyTolerance) {
            return Termination.ENERGY_TOLERANCE;
        }
        return null;
    }
}
