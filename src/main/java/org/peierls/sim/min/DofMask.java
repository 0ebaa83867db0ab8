package org.peierls.sim.min;

import java.util.Arrays;
import org.peierls.atoms.MoveMask;
import org.peierls.atoms.Structure;

/**
 * Which Cartesian position components may move: one flag per component {@code [3N]} (true =
 * free). Frozen atoms have all three flags false; a stacking-fault relaxation frees only the
 * component normal to the fault plane. Immutable.
 */
public final class DofMask {

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
        return new DofMask(MoveMask.onlyComponent(atoms, k));
    }

    /**
     * The mask a structure carries in its {@link MoveMask#ARRAY} array ({@code boolean[N]} or
     * {@code boolean[3N]}), or all free when it has none.
     *
     * @throws org.peierls.util.InputException when the array has another type or length
     */
    public static DofMask of(Structure s) {
        boolean[] free = MoveMask.of(s);
        return free == null ? all(s.size()) : new DofMask(free);
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
