package org.peierls.defects;

import org.peierls.atoms.MoveMask;

/**
 * Names of the per-atom arrays the builders attach to their structures
 * ({@link org.peierls.atoms.Structure#arrays()}), read by relaxation code; the move mask itself is
 * {@link MoveMask}, which the simulation layer reads without knowing about defects.
 */
public final class DefectArrays {

    /** {@code boolean[N]}: true for atoms that must stay where they are (e.g. the outer shell of a dislocation cylinder). */
    public static final String FIXED = "fixed";

    /** {@code int[N]}: which grain (0 or 1) an atom of a bicrystal belongs to. */
    public static final String GRAIN = "grain";

    private DefectArrays() {
    }
}
