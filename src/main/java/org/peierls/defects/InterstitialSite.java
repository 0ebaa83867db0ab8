package org.peierls.defects;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.LatticeType;
import org.peierls.util.InputException;

/**
 * Self-interstitial configurations. Offsets are relative to a lattice atom (cube coordinates
 * in units of a for bcc and fcc; for hcp in the orthohexagonal frame x = [2-1-10],
 * y = [01-10], z = [0001], relative to an atom of the A layer).
 *
 * <ul>
 *   <li>bcc: ⟨110⟩, ⟨111⟩ and ⟨100⟩ dumbbells (two atoms sharing one site), the ⟨111⟩
 *       crowdion (an extra atom in a ⟨111⟩ row, centred on a bond), octahedral (½,0,0) and
 *       tetrahedral (½,¼,0) sites;</li>
 *   <li>fcc: ⟨100⟩ dumbbell, octahedral (½,0,0) and tetrahedral (¼,¼,¼) sites;</li>
 *   <li>hcp (names after Johnson &amp; Beeler 1981): O octahedral (0, −a/√3, c/4), T tetrahedral
 *       (0, 0, 3c/8), BO basal octahedral (0, −a/√3, 0), BT basal tetrahedral (a/2, −a/(2√3), 0),
 *       BC basal crowdion (a/2, 0, 0), S split dumbbell along c, BS basal split dumbbell along x.</li>
 * </ul>
 */
public enum InterstitialSite {
    BCC_DUMBBELL_110(LatticeType.BCC, Kind.DUMBBELL, new double[]{1, 1, 0}),
    BCC_DUMBBELL_111(LatticeType.BCC, Kind.DUMBBELL, new double[]{1, 1, 1}),
    BCC_DUMBBELL_100(LatticeType.BCC, Kind.DUMBBELL, new double[]{1, 0, 0}),
    BCC_CROWDION_111(LatticeType.BCC, Kind.CROWDION, new double[]{1, 1, 1}),
    BCC_OCTAHEDRAL(LatticeType.BCC, Kind.SITE, new double[]{0.5, 0, 0}),
    BCC_TETRAHEDRAL(LatticeType.BCC, Kind.SITE, new double[]{0.5, 0.25, 0}),
    FCC_DUMBBELL_100(LatticeType.FCC, Kind.DUMBBELL, new double[]{1, 0, 0}),
    FCC_OCTAHEDRAL(LatticeType.FCC, Kind.SITE, new double[]{0.5, 0, 0}),
    FCC_TETRAHEDRAL(LatticeType.FCC, Kind.SITE, new double[]{0.25, 0.25, 0.25}),
    HCP_OCTAHEDRAL(LatticeType.HCP, Kind.SITE, null),
    HCP_TETRAHEDRAL(LatticeType.HCP, Kind.SITE, null),
    HCP_BASAL_OCTAHEDRAL(LatticeType.HCP, Kind.SITE, null),
    HCP_BASAL_TETRAHEDRAL(LatticeType.HCP, Kind.SITE, null),
    HCP_BASAL_CROWDION(LatticeType.HCP, Kind.SITE, null),
    HCP_SPLIT_C(LatticeType.HCP, Kind.DUMBBELL, new double[]{0, 0, 1}),
    HCP_BASAL_SPLIT(LatticeType.HCP, Kind.DUMBBELL, new double[]{1, 0, 0});

    /** How the extra atom is placed. */
    public enum Kind {
        /** the lattice atom is replaced by two atoms split symmetrically along a direction */
        DUMBBELL,
        /** an extra atom in a close-packed row, centred on the bond between two atoms */
        CROWDION,
        /** one extra atom at an interstitial site, nothing else moved */
        SITE
    }

    private final LatticeType lattice;
    private final Kind kind;
    private final double[] vector;

    InterstitialSite(LatticeType lattice, Kind kind, double[] vector) {
        this.lattice = lattice;
        this.kind = kind;
        this.vector = vector;
    }

    public LatticeType lattice() {
        return lattice;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * For a dumbbell or crowdion the direction (unnormalized); for a cubic site the offset from
     * a lattice atom in units of a; null for hcp sites (see {@link #offset}).
     */
    public double[] vector() {
        return vector == null ? null : vector.clone();
    }

    /**
     * Cartesian offset (Å) of the interstitial site from a lattice atom, for the SITE kinds: cube
     * offset × a for bcc/fcc; for hcp in the orthohexagonal frame relative to an A-layer atom.
     */
    public double[] offset(double a, double c) {
        double r3 = Math.sqrt(3);
        switch (this) {
            case HCP_OCTAHEDRAL: return new double[]{0, -a / r3, c / 4};
            case HCP_TETRAHEDRAL: return new double[]{0, 0, 3 * c / 8};
            case HCP_BASAL_OCTAHEDRAL: return new double[]{0, -a / r3, 0};
            case HCP_BASAL_TETRAHEDRAL: return new double[]{a / 2, -a / (2 * r3), 0};
            case HCP_BASAL_CROWDION: return new double[]{a / 2, 0, 0};
            default:
                if (kind != Kind.SITE) {
                    throw new IllegalStateException(name() + " is not a single interstitial site");
                }
                return new double[]{vector[0] * a, vector[1] * a, vector[2] * a};
        }
    }

    /**
     * The single interstitial sites (kind {@link Kind#SITE}) of a lattice: label → {@link #offset},
     * in declaration order — the plain table that structure analysis names relaxed interstitials by.
     */
    public static Map<String, double[]> siteOffsets(LatticeType lattice, double a, double c) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (InterstitialSite s : values()) {
            if (s.lattice == lattice && s.kind == Kind.SITE) {
                m.put(s.label(), s.offset(a, c));
            }
        }
        return m;
    }

    /** Short lower-case label, e.g. "bcc-dumbbell-110", "hcp-basal-octahedral". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The site named by its {@link #label()} or enum name, case-insensitive.
     *
     * @throws InputException naming the text and listing the accepted labels
     */
    public static InterstitialSite parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (InterstitialSite s : values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (InterstitialSite s : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(s.label());
        }
        throw new InputException("unknown interstitial site '" + text + "' (expected one of " + sb + ")");
    }
}
