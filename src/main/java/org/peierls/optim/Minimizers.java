package org.peierls.optim;

import org.peierls.util.InputException;

/**
 * The minimizers by name, for command lines and experiment files. Dense {@link Bfgs} is not among
 * them: its n² matrix does not scale to the 3N unknowns of atoms.
 */
public final class Minimizers {
    private Minimizers() {
    }

    /** Names accepted by {@link #named}. */
    public static final String NAMES = "fire, cg, lbfgs";

    /**
     * "fire" (FIRE 2.0), "cg" (Polak–Ribière+ conjugate gradients) or "lbfgs" (L-BFGS), with
     * default parameters.
     *
     * @throws InputException for another name
     */
    public static Minimizer named(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "fire" -> new Fire();
            case "cg" -> new ConjugateGradient();
            case "lbfgs", "l-bfgs" -> new Lbfgs();
            default -> throw new InputException("unknown minimizer '" + name + "' (expected one of " + NAMES + ")");
        };
    }
}
