package org.peierls.optim;

/**
 * The outcome of a minimization.
 *
 * @param x           the last point {@code [n]} (the best one for line-search methods)
 * @param value       the value there
 * @param gradient    the gradient there {@code [n]}
 * @param forceNorm   {@link Minimizable#forceNorm} of that gradient
 * @param iterations  iterations done
 * @param evaluations value/gradient evaluations done
 * @param termination which criterion ended the run
 */
public record Minimization(double[] x, double value, double[] gradient, double forceNorm, int iterations,
                           int evaluations, Termination termination) {

    /** Whether a convergence criterion ended the run. */
    public boolean converged() {
        return termination.converged();
    }
}
