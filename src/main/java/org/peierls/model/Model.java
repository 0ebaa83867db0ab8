package org.peierls.model;

/**
 * A model on descriptor rows: the energy E_i of one atom from its descriptor B_i, and the
 * gradient β_i = ∂E_i/∂B_i that the descriptor back-propagates into forces (the model half of
 * LAMMPS's ML-IAP split). Implementations are immutable and thread-safe.
 *
 * <p>Besides evaluation the contract serves training and uncertainty without assuming a model
 * class: {@link #parameters()} and {@link #parameterGradient} (what gradient-based training of a
 * non-linear model, e.g. a neural network, needs per atom), and {@link #variance} for models that
 * carry their own error estimate (a Gaussian process's predictive variance, a committee's
 * spread). How parameters are written to a file is the business of the model's kind (SNAP's
 * {@code .snapcoeff}, MLIP's {@code .mtp}, …), not of this interface.</p>
 */
public interface Model {

    /** Descriptor components expected. */
    int descriptorSize();

    /** Number of parameters θ. */
    int parameterCount();

    /**
     * E_i and β_i.
     *
     * @param b          array holding B_i at {@code [offset, offset+size)} (read only)
     * @param beta       receives β_i at {@code [betaOffset, betaOffset+size)} (overwritten)
     * @return E_i, eV
     */
    double evaluate(double[] b, int offset, double[] beta, int betaOffset);

    /** E_i only. */
    default double energy(double[] b, int offset) {
        return evaluate(b, offset, new double[descriptorSize()], 0);
    }

    /** The parameters θ, in the order the implementation documents (a copy). */
    double[] parameters();

    /**
     * E_i and its gradient with respect to the parameters, ∂E_i/∂θ.
     *
     * @param b              B_i at {@code [offset, offset+size)} (read only)
     * @param gradient       receives ∂E_i/∂θ at {@code [gradientOffset, gradientOffset+parameterCount)} (overwritten)
     * @return E_i, eV
     */
    double parameterGradient(double[] b, int offset, double[] gradient, int gradientOffset);

    /**
     * The model's own variance of E_i, eV² (e.g. the posterior variance of a Gaussian process); NaN
     * for a model without one, which is the default. Must be thread-safe like {@link #evaluate}.
     */
    default double variance(double[] b, int offset) {
        return Double.NaN;
    }

    /** Whether {@link #variance} gives numbers. */
    default boolean hasVariance() {
        return false;
    }
}
