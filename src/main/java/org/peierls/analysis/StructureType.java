package org.peierls.analysis;

import java.util.Locale;

/**
 * The local crystal structure of an atom as the structure identifiers name it. The labels are
 * the lower-case strings of the JSON and per-atom columns; {@link #lammpsCode} is the value
 * LAMMPS's {@code compute cna/atom} gives (1 fcc, 2 hcp, 3 bcc, 4 icosahedral, 5 unknown; 0 for sc, which it never gives).
 * Colours follow OVITO's convention (fcc green, hcp red, bcc blue, ico yellow, sc purple, other grey).
 */
public enum StructureType {
    FCC(1, 0x66FF66),
    HCP(2, 0xFF6666),
    BCC(3, 0x6666FF),
    ICO(4, 0xF2F233),
    /** Simple cubic: named by polyhedral template matching only (LAMMPS's cna/atom has no code for it). */
    SC(0, 0xA020F0),
    OTHER(5, 0xF2F2F2);

    private final int lammps;
    private final int rgb;

    StructureType(int lammps, int rgb) {
        this.lammps = lammps;
        this.rgb = rgb;
    }

    /** "fcc", "hcp", "bcc", "ico", "other". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** LAMMPS's {@code cna/atom} value. */
    public int lammpsCode() {
        return lammps;
    }

    /** OVITO's colour of the type, 0xRRGGBB. */
    public int rgb() {
        return rgb;
    }
}
