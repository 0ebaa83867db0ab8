package org.peierls.optim;

/** Why a minimization stopped. */
public enum Termination {
    /** The force measure fell to the {@code fmax} tolerance (converged). */
    FORCE_TOLERANCE(true, "max force below fmax"),
    /** The value changed by less than the energy tolerance between two iterations (converged). */
    ENERGY_TOLERANCE(true, "energy change below tolerance"),
    /** The iteration limit was reached first (not converged). */
    MAX_ITERATIONS(false, "iteration limit reached"),
    /**
     * The line search found no acceptable step, even along steepest descent: the problem is at the
     * precision limit of its value (or its gradient is not its true derivative).
     */
    LINE_SEARCH_FAILED(false, "line search failed"),
    /** FIRE went uphill too many times in a row. */
    TOO_MANY_UPHILL_STEPS(false, "too many uphill steps"),
    /** The listener asked to stop. */
    STOPPED(false, "stopped by the caller");

    private final boolean converged;
    private final String description;

    Termination(boolean converged, String description) {
        this.converged = converged;
        this.description = description;
    }

    /** Whether this ending counts as converged. */
    public boolean converged() {
        return converged;
    }

    public String description() {
        return description;
    }
}
