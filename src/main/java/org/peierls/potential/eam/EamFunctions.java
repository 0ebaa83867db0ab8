package org.peierls.potential.eam;

/**
 * The three kinds of function of an embedded-atom model, given analytically, for
 * {@link AnalyticEamPotential}. Types are 0-based indices into {@link #numbers()}.
 * Implementations must be thread-safe (they are called from several threads at once).
 */
public interface EamFunctions {

    /** Atomic numbers of the element types. */
    int[] numbers();

    /** Interaction cutoff, Å: densities and pair energies are taken as zero at r ≥ cutoff. */
    double cutoff();

    /** A one-line description. */
    String describe();

    /**
     * Density at an atom of type {@code a} due to a neighbor of type {@code b} at distance r (Å).
     *
     * @param derivative {@code derivative[0]} receives dρ/dr (Å⁻¹ per density unit)
     */
    double density(int a, int b, double r, double[] derivative);

    /**
     * Pair energy φ_ab(r), eV.
     *
     * @param derivative {@code derivative[0]} receives dφ/dr, eV/Å
     */
    double pair(int a, int b, double r, double[] derivative);

    /**
     * Embedding energy F_a(ρ), eV.
     *
     * @param derivative {@code derivative[0]} receives dF/dρ
     */
    double embedding(int a, double rho, double[] derivative);
}
