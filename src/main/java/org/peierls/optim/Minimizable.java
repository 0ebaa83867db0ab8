package org.peierls.optim;

/**
 * What a minimizer needs from a problem (the ASE contract): a flat vector of degrees of freedom,
 * the value at a point and its gradient. Atoms, atoms plus cell and a whole nudged-elastic band
 * ({@code sim}) and the reduced loss of an MTP fit ({@code fit}) are adapters onto this one
 * interface, so FIRE, CG, L-BFGS and BFGS work on all of them.
 *
 * <p>Implementations may cache (neighbor lists, the last evaluation) and are not thread-safe.</p>
 */
public interface Minimizable {

    /** Number of degrees of freedom n. */
    int dimension();

    /** The starting point {@code [n]} (a fresh array the caller may modify). */
    double[] start();

    /**
     * The value at {@code x} and its gradient.
     *
     * @param x        point {@code [n]}, not modified
     * @param gradient filled with ∂value/∂x {@code [n]} (for a {@linkplain #conservative()
     *                 non-conservative} problem: minus the driving force)
     * @return the value (eV for atomistic problems)
     */
    double evaluate(double[] x, double[] gradient);

    /**
     * The force measure compared with the {@code fmax} tolerance (eV/Å for atoms: the largest
     * per-atom force norm). Default: the largest |g_k|.
     */
    default double forceNorm(double[] gradient) {
        double m = 0;
        for (double g : gradient) {
            m = Math.max(m, Math.abs(g));
        }
        return m;
    }

    /**
     * The largest displacement of one "particle" in a step {@code dx} (Å for atoms: the largest
     * per-atom step length), used to cap steps at {@code maxStep}. Default: the largest |dx_k|.
     */
    default double stepNorm(double[] dx) {
        double m = 0;
        for (double d : dx) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    /**
     * True when the gradient is the exact derivative of the value, so that line searches apply
     * (false for the NEB band, whose projected forces derive from no single function).
     */
    default boolean conservative() {
        return true;
    }

    /**
     * The displacement {@code to − from} in degree-of-freedom space, written to {@code out}
     * (periodic adapters return the minimum-image displacement of each atom). Default: plain
     * difference.
     */
    default void difference(double[] from, double[] to, double[] out) {
        for (int k = 0; k < out.length; k++) {
            out[k] = to[k] - from[k];
        }
    }
}
