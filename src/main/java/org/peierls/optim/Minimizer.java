package org.peierls.optim;

/** A local minimizer of a {@link Minimizable}. */
public interface Minimizer {

    /** Called after every iteration; return false to stop (termination {@link Termination#STOPPED}). */
    @FunctionalInterface
    interface Listener {
        /**
         * @param iteration iterations done so far (1, 2, …)
         * @param value     current value
         * @param forceNorm current force measure
         * @param x         current point (do not modify or keep)
         */
        boolean iteration(int iteration, double value, double forceNorm, double[] x);

        /**
         * Called once at the start point, after its first evaluation and before any step
         * ("iteration 0", e.g. for a history that starts with the initial value); return false
         * to stop there. Default: go on.
         */
        default boolean start(double value, double forceNorm, double[] x) {
            return true;
        }
    }

    /** A listener that never stops the run. */
    Listener SILENT = (i, v, f, x) -> true;

    /** Minimizes from {@link Minimizable#start()}. */
    Minimization minimize(Minimizable problem, StopCriteria stop, Listener listener);

    default Minimization minimize(Minimizable problem, StopCriteria stop) {
        return minimize(problem, stop, SILENT);
    }

    /** A short name ("fire", "cg", "lbfgs"). */
    String name();
}
