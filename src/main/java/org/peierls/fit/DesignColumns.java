package org.peierls.fit;

/**
 * What a {@link DesignMatrix} needs to know about its columns (the fitted coefficients): their
 * number, a readable name of each and which are constants (β0, per-element energies) that ridge
 * penalties leave alone. {@link FeatureBasis} is one (any descriptor and feature map); the MTP fit
 * has its own.
 */
public interface DesignColumns {

    /** Number of columns. */
    int columns();

    /** A readable name of column c, e.g. "Ta β0", "Ta B7", "ξ12". */
    String columnName(int c);

    /** Whether column c is a constant (per-element energy) column. */
    boolean isBias(int c);
}
