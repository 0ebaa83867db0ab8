package org.peierls.fit;

import org.peierls.atoms.Structure;

/**
 * Columns in which energies, forces and stresses are linear — the basis of a least-squares fit —
 * and the rows one structure contributes to them ({@link DesignMatrix#build}). {@link FeatureBasis}
 * is one for any descriptor and {@link FeatureMap}; the MTP fit builds its rows itself, since they
 * depend on its radial coefficients.
 */
public interface LinearBasis extends DesignColumns {

    /**
     * The raw rows of one structure (not yet divided by N or converted).
     *
     * @param energy {@code [columns]}: Σ_i q_c(B_i)
     * @param forces {@code [3N × columns]}, eV/Å per unit coefficient
     * @param stress {@code [6 × columns]}, Voigt xx yy zz yz xz xy, eV/Å³ per unit coefficient,
     *               tensile positive; zeros when the structure has no volume
     * @param counts atoms per type {@code [types]}
     */
    record Rows(double[] energy, double[] forces, double[] stress, int[] counts) {
    }

    /** The rows of a structure. Thread-safe: called from several threads at once. */
    Rows rows(Structure structure);
}
