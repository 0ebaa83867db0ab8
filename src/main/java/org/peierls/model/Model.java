package org.peierls.model;

/**
 * A model on descriptor rows: the energy E_i of one atom from its descriptor B_i, and the
 * gradient β_i = ∂E_i/∂B_i that the descriptor back-propagates into forces (the model half of
 * LAMMPS's ML-IAP split). Implementations are immutable and thread-safe.
 */
public interface Model {

    /** Descriptor components expected. */
    int descriptorSize();

    /** Number of fitted coefficients (LAMMPS {@code ncoeffall}: 1 + size for linear). */
    int coefficientCount();

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

    /** The coefficients in LAMMPS {@code .snapcoeff} order (β0, β, then the quadratic ones). */
    double[] coefficients();
}
