package org.peierls.atoms;

import org.peierls.util.InputException;

/**
 * The per-atom array that says which position components may move: ASE's extxyz
 * {@code move_mask}, one boolean per atom or three per atom (x0, y0, z0, x1, …) for Cartesian
 * masks; true = free. It lives beside {@link Structure} because both ends of it meet only there:
 * defect builders write it (a stacking fault relaxes only along its normal), minimizers and NEB
 * read it, and an extxyz file may carry it in either direction.
 */
public final class MoveMask {

    /** Name of the array in {@link Structure#arrays()}. */
    public static final String ARRAY = "move_mask";

    private MoveMask() {
    }

    /** A [3N] mask letting only Cartesian component {@code k} (0, 1, 2 = x, y, z) of every atom move. */
    public static boolean[] onlyComponent(int atoms, int k) {
        if (k < 0 || k > 2) {
            throw new IllegalArgumentException("Cartesian component must be 0, 1 or 2, got " + k);
        }
        boolean[] free = new boolean[3 * atoms];
        for (int i = 0; i < atoms; i++) {
            free[3 * i + k] = true;
        }
        return free;
    }

    /**
     * The structure's mask as one flag per component {@code [3N]} (a per-atom mask applies to all
     * three components of its atom), or null when the structure carries none.
     *
     * @throws InputException when the array has another type or length
     */
    public static boolean[] of(Structure s) {
        Object a = s.arrays().get(ARRAY);
        int n = s.size();
        if (a == null) {
            return null;
        }
        if (a instanceof boolean[] b) {
            if (b.length == 3 * n) {
                return b.clone();
            }
            if (b.length == n) {
                boolean[] free = new boolean[3 * n];
                for (int i = 0; i < n; i++) {
                    free[3 * i] = free[3 * i + 1] = free[3 * i + 2] = b[i];
                }
                return free;
            }
        }
        throw new InputException("per-atom array '" + ARRAY + "' must hold 1 or 3 booleans per atom");
    }
}
