package org.peierls.defects;

/**
 * Names of the per-atom arrays the builders attach to their structures
 * ({@link org.peierls.atoms.Structure#arrays()}), read by relaxation code.
 */
public final class DefectArrays {

    /** {@code boolean[N]}: true for atoms that must stay where they are (e.g. the outer shell of a dislocation cylinder). */
    public static final String FIXED = "fixed";

    /**
     * {@code boolean[3N]} (x0, y0, z0, x1, …): true for the Cartesian components that may move
     * during relaxation, false for those held (e.g. a stacking fault relaxes only along the
     * fault normal z).
     */
    public static final String MOVE_MASK = "move_mask";

    /** {@code int[N]}: which grain (0 or 1) an atom of a bicrystal belongs to. */
    public static final String GRAIN = "grain";

    private DefectArrays() {
    }

    /** A [3N] mask letting only component {@code k} (0, 1, 2 = x, y, z) of every atom move. */
    public static boolean[] onlyComponent(int n, int k) {
        boolean[] m = new boolean[3 * n];
        for (int i = 0; i < n; i++) {
            m[3 * i + k] = true;
        }
        return m;
    }
}
