package org.peierls.sim.min;

import java.util.Arrays;
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

/**
 * Which Cartesian position components may move: one flag per component {@code [3N]} (true =
 * free). Frozen atoms have all three flags false; a stacking-fault relaxation frees only the
 * component normal to the fault plane. Immutable.
 */
public final class DofMask {

    /**
     * Name of the per-atom array read by {@link #of(Structure)}: ASE's extxyz {@code move_mask}
     * (one boolean per atom, or three per atom for Cartesian masks; true = free).
     */
    public static final String MOVE_MASK = "move_mask";

    private final boolean[] free;
    private final int count;

    private DofMask(boolean[] free) {
        this.free = free;
        int c = 0;
        for (boolean b : free) {
            c += b ? 1 : 0;
        }
        this.count = c;
    }

    /**
     * @param free flags {@code [3N]}, true = component free; copied
     */
    public static DofMask of(boolean[] free) {
        if (free.length % 3 != 0) {
            throw new IllegalArgumentException("a component mask needs 3 flags per atom, got " + free.length);
        }
        return new DofMask(free.clone());
    }

    /** Every component of {@code atoms} atoms free. */
    public static DofMask all(int atoms) {
        boolean[] f = new boolean[3 * atoms];
        Arrays.fill(f, true);
        return new DofMask(f);
    }

    /** All atoms free except {@code frozen} (indices), which do not move at all. */
    public static DofMask freezing(int atoms, int... frozen) {
        boolean[] f = new boolean[3 * atoms];
        Arrays.fill(f, true);
        for (int i : frozen) {
            if (i < 0 || i >= atoms) {
                throw new IllegalArgumentException("frozen atom index " + i + " outside 0.." + (atoms - 1));
            }
            f[3 * i] = f[3 * i + 1] = f[3 * i + 2] = false;
        }
        return new DofMask(f);
    }

    /** Only Cartesian component {@code k} (0, 1, 2 = x, y, z) of every atom free. */
    public static DofMask onlyComponent(int atoms, int k) {
        if (k < 0 || k > 2) {
            throw new IllegalArgumentException("Cartesian component must be 0, 1 or 2, got " + k);
        }
        boolean[] f = new boolean[3 * atoms];
        for (int i = 0; i < atoms; i++) {
            f[3 * i + k] = true;
        }
        return new DofMask(f);
    }

    /**
     * The mask a structure carries in its {@value #MOVE_MASK} array ({@code boolean[N]} or
     * {@code boolean[3N]}), or all free when it has none.
     *
     * @throws InputException when the array has another type or length
     */
    public static DofMask of(Structure s) {
        Object a = s.arrays().get(MOVE_MASK);
        int n = s.size();
        if (a == null) {
            return all(n);
        }
        if (a instanceof boolean[] b) {
            if (b.length == 3 * n) {
                return of(b);
            }
            if (b.length == n) {
                boolean[] f = new boolean[3 * n];
                for (int i = 0; i < n; i++) {
                    f[3 * i] = f[3 * i + 1] = f[3 * i + 2] = b[i];
                }
                return new DofMask(f);
            }
        }
        throw new InputException("per-atom array '" + MOVE_MASK + "' must hold 1 or 3 booleans per atom");
    }

    /** Components free in both masks. */
    public DofMask and(DofMask other) {
        if (other.free.length != free.length) {
            throw new IllegalArgumentException("masks for " + atoms() + " and " + other.atoms() + " atoms");
        }
        boolean[] f = new boolean[free.length];
        for (int k = 0; k < f.length; k++) {
            f[k] = free[k] && other.free[k];
        }
        return new DofMask(f);
    }

    /** Number of atoms N. */
    public int atoms() {
        return free.length / 3;
    }

    /** Number of free components. */
    public int freeCount() {
        return count;
    }

    /** Whether component {@code k} (0 … 3N−1) is free. */
    public boolean isFree(int k) {
        return free[k];
    }

    /** The free component indices in increasing order {@code [freeCount]}. */
    public int[] freeIndices() {
        int[] idx = new int[count];
        int c = 0;
        for (int k = 0; k < free.length; k++) {
            if (free[k]) {
                idx[c++] = k;
            }
        }
        return idx;
    }

    /** The flags {@code [3N]} (a copy). */
    public boolean[] flags() {
        return free.clone();
    }
}
