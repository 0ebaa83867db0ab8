package org.peierls.properties;

import org.peierls.atoms.LatticeType;

/**
 * The size of a battery run, which every {@link BatteryProperty} turns into its own options:
 * {@link #DEFAULT} modest cells (a few hundred atoms at most), {@link #QUICK} smaller ones,
 * {@link #TINY} the smallest sensible ones (a battery over a teacher and a dozen fitted models).
 * Measured on two loaded cores (docs/benchmarks.md): EAM 8–27 s (default), 3–6 s (quick),
 * 1.5–3 s (tiny); the Ta06A SNAP 42 s, 10 s, 6 s, of which about a second is the JVM's warm-up.
 */
public enum Preset {
    DEFAULT, QUICK, TINY;

    /** Whether the cells are the reduced ones (quick or tiny). */
    public boolean reduced() {
        return this != DEFAULT;
    }

    /**
     * Supercell repeats of point-defect cells: bcc 5³ (250 sites), fcc 4³ (256), hcp 5×3×3 by
     * default; bcc 4³ (128), fcc 3³ (108), hcp 4×2×2 quick; tiny as quick but hcp 3×2×2.
     */
    public int pointDefectCells(LatticeType lattice) {
        return switch (this) {
            case DEFAULT -> lattice == LatticeType.FCC ? 4 : 5;
            case QUICK -> lattice == LatticeType.FCC ? 3 : 4;
            case TINY -> lattice == LatticeType.BCC ? 4 : 3;
        };
    }

    /** Relaxation settings: the defaults, with at most 1000 steps per stage for tiny. */
    public RelaxSettings relax() {
        return this == TINY ? RelaxSettings.defaults().withMaxSteps(1000) : RelaxSettings.defaults();
    }
}
