package org.peierls.descriptor;

import java.util.Arrays;

/**
 * The basis functions of a moment tensor potential as an MLIP "alpha" program (Shapeev,
 * Multiscale Model. Simul. 14, 1153 (2016); the MLIP-2 {@code .mtp} format).
 *
 * <p>The moments of atom i are M_{μ,ν}(i) = Σ_j f_μ(r_ij) û_ij^{⊗ν}, û = r/|r| (MLIP normalises
 * the direction; Shapeev's paper uses r^{⊗ν}, which differs by the radial factor r^ν). The program
 * holds numbered "moment slots":</p>
 * <ul>
 *   <li>slots 0 … {@link #basicCount()}−1 are <em>basic</em> components: slot b is
 *       Σ_j f_{μ_b}(r_ij) û_x^{a_b} û_y^{b_b} û_z^{c_b} (one Cartesian component of M_{μ,ν},
 *       ν = a+b+c; {@code alpha_index_basic});</li>
 *   <li>each <em>times</em> entry (i, j, mult, k) adds mult·slot_i·slot_j to slot k
 *       ({@code alpha_index_times}); entries run in order, and every contribution to a slot comes
 *       before that slot is read;</li>
 *   <li>basis function α is slot {@code scalarSlot(α)} ({@code alpha_moment_mapping}); the site
 *       energy of MLIP is E_i = s_{type i} + Σ_α ξ_α B_α(i).</li>
 * </ul>
 *
 * <p>{@link #ofLevel} builds the level-based basis: lev(M_{μ,ν}) = 2 + 4μ + ν, the level of a
 * product is the sum of the levels, and the basis of level L holds every scalar obtained by fully
 * contracting a product of moments of total level ≤ L (each index of a tensor contracted with an
 * index of another tensor of the product; disconnected contractions are products of scalars).
 * Following MLIP-2's published templates ({@code untrained_mtps/NN.mtp}) a product has at most four
 * moments, μ ≤ 5 and ν ≤ 10; with these rules the number of basis functions per level is
 * 1, 2, 5, 9, 16, 29, 52, 92, 163, 288, 500, 864, 1464, 2445 for L = 2, 4, …, 28, the
 * {@code alpha_scalar_moments} of those templates. How the contractions are evaluated
 * (intermediate slots) is our own scheme, so {@code alpha_moments_count} and
 * {@code alpha_index_times_count} differ from MLIP's files; the basis functions are the same up
 * to order and constant factors.</p>
 *
 * <p>Immutable; arrays handed out are copies.</p>
 */
public final class MomentTensorBasis {

    /** Largest level {@link #ofLevel} accepts. */
    public static final int MAX_LEVEL = 28;

    private final int level;
    private final int slots;
    private final int[] basicMu, basicA, basicB, basicC;
    private final int[] timesI, timesJ, timesMult, timesK;
    private final int[] scalarSlot;
    private final int[] scalarLevel;

    MomentTensorBasis(int level, int slots, int[][] basic, int[][] times, int[] scalarSlot, int[] scalarLevel) {
        this.level = level;
        this.slots = slots;
        int nb = basic.length;
        basicMu = new int[nb];
        basicA = new int[nb];
        basicB = new int[nb];
        basicC = new int[nb];
        for (int b = 0; b < nb; b++) {
            if (basic[b].length != 4) {
                throw new IllegalArgumentException("basic moment " + b + " needs 4 indices {mu, a, b, c}");
            }
            basicMu[b] = basic[b][0];
            basicA[b] = basic[b][1];
            basicB[b] = basic[b][2];
            basicC[b] = basic[b][3];
            if (basicMu[b] < 0 || basicA[b] < 0 || basicB[b] < 0 || basicC[b] < 0) {
                throw new IllegalArgumentException("basic moment " + b + " has a negative index");
            }
        }
        int nt = times.length;
        timesI = new int[nt];
        timesJ = new int[nt];
        timesMult = new int[nt];
        timesK = new int[nt];
        for (int t = 0; t < nt; t++) {
            if (times[t].length != 4) {
                throw new IllegalArgumentException("times entry " + t + " needs 4 numbers {i, j, mult, k}");
            }
            timesI[t] = times[t][0];
            timesJ[t] = times[t][1];
            timesMult[t] = times[t][2];
            timesK[t] = times[t][3];
        }
        this.scalarSlot = scalarSlot.clone();
        this.scalarLevel = scalarLevel == null ? filled(scalarSlot.length, -1) : scalarLevel.clone();
        validate();
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    /**
     * The level-based basis of level {@code level} (2 … {@value #MAX_LEVEL}; odd levels give the
     * basis of the even level below).
     */
    public static MomentTensorBasis ofLevel(int level) {
        if (level < 2 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("MTP level must be in 2…" + MAX_LEVEL + ", got " + level);
        }
        return LevelBasis.build(level);
    }

    /**
     * A basis from the arrays of an {@code .mtp} file.
     *
     * @param slots   {@code alpha_moments_count}
     * @param basic   {@code alpha_index_basic}, rows {μ, a, b, c}
     * @param times   {@code alpha_index_times}, rows {i, j, mult, k}
     * @param mapping {@code alpha_moment_mapping}
     * @throws IllegalArgumentException when the program is inconsistent (an index out of range, a
     *                                   slot read before all its contributions, a basic slot written)
     */
    public static MomentTensorBasis of(int slots, int[][] basic, int[][] times, int[] mapping) {
        return new MomentTensorBasis(0, slots, basic, times, mapping, null);
    }

    private void validate() {
        int nb = basicMu.length;
        if (slots < nb) {
            throw new IllegalArgumentException("alpha_moments_count " + slots + " < alpha_index_basic_count " + nb);
        }
        if (nb == 0) {
            throw new IllegalArgumentException("no basic moments");
        }
        int[] lastWrite = filled(slots, -1);
        boolean[] read = new boolean[slots];
        for (int t = 0; t < timesI.length; t++) {
            int i = timesI[t], j = timesJ[t], k = timesK[t];
            for (int s : new int[]{i, j, k}) {
                if (s < 0 || s >= slots) {
                    throw new IllegalArgumentException("alpha_index_times entry " + t + " names slot " + s
                            + ", outside 0…" + (slots - 1));
                }
            }
            if (k < nb) {
                throw new IllegalArgumentException("alpha_index_times entry " + t + " writes basic slot " + k);
            }
            if (k == i || k == j) {
                throw new IllegalArgumentException("alpha_index_times entry " + t + " reads the slot it writes (" + k + ")");
            }
            if (read[k]) {
                throw new IllegalArgumentException("alpha_index_times entry " + t + " writes slot " + k + " after it was read");
            }
            read[i] = true;
            read[j] = true;
            lastWrite[k] = t;
        }
        for (int a = 0; a < scalarSlot.length; a++) {
            int s = scalarSlot[a];
            if (s < 0 || s >= slots) {
                throw new IllegalArgumentException("alpha_moment_mapping entry " + a + " names slot " + s
                        + ", outside 0…" + (slots - 1));
            }
            if (s >= nb && lastWrite[s] < 0) {
                throw new IllegalArgumentException("alpha_moment_mapping entry " + a + " names slot " + s
                        + ", which no alpha_index_times entry writes");
            }
        }
        if (scalarSlot.length == 0) {
            throw new IllegalArgumentException("no basis functions (alpha_scalar_moments = 0)");
        }
    }

    // ------------------------------------------------------------------ access

    /** The level L of a level-based basis, 0 when the basis came from arrays. */
    public int level() {
        return level;
    }

    /** Number of basis functions ({@code alpha_scalar_moments}); the descriptor size. */
    public int size() {
        return scalarSlot.length;
    }

    /** Number of moment slots ({@code alpha_moments_count}). */
    public int slots() {
        return slots;
    }

    /** Number of basic components ({@code alpha_index_basic_count}). */
    public int basicCount() {
        return basicMu.length;
    }

    /** Number of times entries ({@code alpha_index_times_count}). */
    public int timesCount() {
        return timesI.length;
    }

    /** Number of radial functions the basic moments use, max μ + 1 ({@code radial_funcs_count}). */
    public int radialFunctions() {
        int m = 0;
        for (int mu : basicMu) {
            m = Math.max(m, mu);
        }
        return m + 1;
    }

    /** Largest tensor rank ν = a+b+c of a basic component. */
    public int maxRank() {
        int m = 0;
        for (int b = 0; b < basicMu.length; b++) {
            m = Math.max(m, basicA[b] + basicB[b] + basicC[b]);
        }
        return m;
    }

    /** Basic component b as {μ, a, b, c}. */
    public int[] basic(int b) {
        return new int[]{basicMu[b], basicA[b], basicB[b], basicC[b]};
    }

    /** Times entry t as {i, j, mult, k}. */
    public int[] times(int t) {
        return new int[]{timesI[t], timesJ[t], timesMult[t], timesK[t]};
    }

    /** The slot of basis function α. */
    public int scalarSlot(int alpha) {
        return scalarSlot[alpha];
    }

    /** The level of basis function α (−1 when unknown). */
    public int scalarLevel(int alpha) {
        return scalarLevel[alpha];
    }

    /** Number of basis functions whose level is at most {@code lev} (for a level-based basis). */
    public int countUpToLevel(int lev) {
        int n = 0;
        for (int l : scalarLevel) {
            if (l >= 0 && l <= lev) {
                n++;
            }
        }
        return n;
    }

    // package access for the kernels
    int[] basicMu() {
        return basicMu;
    }

    int[] basicA() {
        return basicA;
    }

    int[] basicB() {
        return basicB;
    }

    int[] basicC() {
        return basicC;
    }

    int[] timesI() {
        return timesI;
    }

    int[] timesJ() {
        return timesJ;
    }

    int[] timesMult() {
        return timesMult;
    }

    int[] timesK() {
        return timesK;
    }

    int[] scalarSlots() {
        return scalarSlot;
    }

    /** e.g. "MTP level 16: 92 basis functions, 4 radial functions, 211 moment slots, 1004 products". */
    public String describe() {
        return (level > 0 ? "MTP level " + level : "MTP basis") + ": " + size() + " basis functions, "
                + radialFunctions() + " radial functions, " + slots + " moment slots, " + timesCount() + " products";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MomentTensorBasis m)) {
            return false;
        }
        return slots == m.slots && Arrays.equals(basicMu, m.basicMu) && Arrays.equals(basicA, m.basicA)
                && Arrays.equals(basicB, m.basicB) && Arrays.equals(basicC, m.basicC)
                && Arrays.equals(timesI, m.timesI) && Arrays.equals(timesJ, m.timesJ)
                && Arrays.equals(timesMult, m.timesMult) && Arrays.equals(timesK, m.timesK)
                && Arrays.equals(scalarSlot, m.scalarSlot);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(scalarSlot) * 31 + Arrays.hashCode(timesK) + slots;
    }
}
