package org.peierls.atoms;

import java.util.Locale;
import org.peierls.util.InputException;

/**
 * The crystal structures {@link Lattice} builds. Cubic types are described by their conventional
 * cube of edge a: the fractional positions of its atoms and the sublattice (0 = first element,
 * 1 = second element) each atom belongs to.
 *
 * <ul>
 *   <li>{@link #SC} simple cubic, 1 atom per cube (Pearson cP1)</li>
 *   <li>{@link #BCC} body-centred cubic, 2 atoms (A2, cI2)</li>
 *   <li>{@link #FCC} face-centred cubic, 4 atoms (A1, cF4)</li>
 *   <li>{@link #DIAMOND} diamond, 8 atoms: fcc + (¼,¼,¼) (A4, cF8)</li>
 *   <li>{@link #B2} CsCl-type AB: A at the corner, B at the body centre (cP2)</li>
 *   <li>{@link #L12} Cu₃Au-type A₃B: B at the corner, A at the face centres (cP4)</li>
 *   <li>{@link #HCP} hexagonal close-packed, 2 atoms per hexagonal cell (A3, hP2); not cubic</li>
 * </ul>
 */
public enum LatticeType {
    SC(1, new double[][]{{0, 0, 0}}, new int[]{0}),
    BCC(1, new double[][]{{0, 0, 0}, {0.5, 0.5, 0.5}}, new int[]{0, 0}),
    FCC(1, new double[][]{{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}}, new int[]{0, 0, 0, 0}),
    DIAMOND(1, new double[][]{
        {0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0},
        {0.25, 0.25, 0.25}, {0.25, 0.75, 0.75}, {0.75, 0.25, 0.75}, {0.75, 0.75, 0.25}},
        new int[]{0, 0, 0, 0, 0, 0, 0, 0}),
    B2(2, new double[][]{{0, 0, 0}, {0.5, 0.5, 0.5}}, new int[]{0, 1}),
    L12(2, new double[][]{{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}}, new int[]{1, 0, 0, 0}),
    HCP(1, null, null);

    private final int elements;
    private final double[][] cubeSites;
    private final int[] cubeSublattice;

    LatticeType(int elements, double[][] cubeSites, int[] cubeSublattice) {
        this.elements = elements;
        this.cubeSites = cubeSites;
        this.cubeSublattice = cubeSublattice;
    }

    /** Number of distinct elements the structure takes (1, or 2 for B2 and L1₂). */
    public int elements() {
        return elements;
    }

    /** True for the types with a conventional cubic cell (every type but HCP). */
    public boolean cubic() {
        return cubeSites != null;
    }

    /** Atoms in the conventional cell (cube for cubic types, hexagonal prism cell for HCP). */
    public int atomsPerCell() {
        return cubic() ? cubeSites.length : 2;
    }

    /** Fractional positions of the atoms in the conventional cube {@code [n][3]}; a copy. */
    double[][] cubeSites() {
        requireCubic();
        double[][] out = new double[cubeSites.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = cubeSites[i].clone();
        }
        return out;
    }

    /** Sublattice (0 = first element, 1 = second) of each atom of the conventional cube; a copy. */
    int[] cubeSublattice() {
        requireCubic();
        return cubeSublattice.clone();
    }

    private void requireCubic() {
        if (!cubic()) {
            throw new IllegalArgumentException(name() + " is not a cubic lattice");
        }
    }

    /** Lower-case name as written on the command line ("bcc", "l12"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type named by {@code text}: "sc", "bcc", "fcc", "hcp", "diamond", "b2" (or "cscl"),
     * "l12" (or "l1_2", "cu3au"); case-insensitive.
     *
     * @throws InputException naming the text and the accepted names
     */
    public static LatticeType parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "sc": case "cubic": case "simple-cubic": return SC;
            case "bcc": case "a2": return BCC;
            case "fcc": case "a1": return FCC;
            case "hcp": case "a3": return HCP;
            case "diamond": case "a4": return DIAMOND;
            case "b2": case "cscl": return B2;
            case "l12": case "l1_2": case "l1₂": case "cu3au": return L12;
            default:
                throw new InputException("unknown lattice '" + text + "' (expected sc, bcc, fcc, hcp, diamond, b2 or l12)");
        }
    }
}
