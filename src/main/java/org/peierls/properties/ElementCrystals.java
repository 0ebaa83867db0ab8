package org.peierls.properties;

import java.util.Map;
import org.peierls.atoms.LatticeType;

/**
 * Ground-state crystal structures and experimental lattice parameters of the elemental metals
 * that crystallize bcc, fcc or hcp (room temperature, or the stable low-temperature phase; C.
 * Kittel, <i>Introduction to Solid State Physics</i>, 8th ed., ch. 1, Table 3–4). The battery
 * uses them only as the default lattice of an element and as the centre of the lattice-constant
 * scan; the lattice constant itself is always the potential's own.
 */
public final class ElementCrystals {

    /**
     * @param lattice the ground-state lattice
     * @param a       lattice constant a, Å
     * @param c       hcp c, Å (NaN for cubic)
     */
    public record Entry(LatticeType lattice, double a, double c) {
        /** Volume per atom, Å³. */
        public double volumePerAtom() {
            return switch (lattice) {
                case BCC -> a * a * a / 2;
                case FCC -> a * a * a / 4;
                default -> Math.sqrt(3) / 4 * a * a * c;
            };
        }
    }

    private static final Map<String, Entry> TABLE = Map.ofEntries(
            bcc("Li", 3.491), bcc("Na", 4.225), bcc("K", 5.225), bcc("Rb", 5.585), bcc("Cs", 6.045), bcc("Ba", 5.028),
            bcc("V", 3.024), bcc("Cr", 2.884), bcc("Fe", 2.867), bcc("Nb", 3.300), bcc("Mo", 3.147), bcc("Ta", 3.301),
            bcc("W", 3.165), bcc("Eu", 4.581),
            fcc("Al", 4.050), fcc("Ni", 3.524), fcc("Cu", 3.615), fcc("Ag", 4.086), fcc("Au", 4.078), fcc("Pd", 3.891),
            fcc("Pt", 3.924), fcc("Pb", 4.950), fcc("Ca", 5.588), fcc("Sr", 6.085), fcc("Rh", 3.803), fcc("Ir", 3.839),
            fcc("Ce", 5.161), fcc("Th", 5.084), fcc("Yb", 5.485),
            hcp("Be", 2.286, 3.584), hcp("Mg", 3.209, 5.211), hcp("Ti", 2.951, 4.686), hcp("Zr", 3.232, 5.147),
            hcp("Hf", 3.196, 5.051), hcp("Co", 2.507, 4.070), hcp("Zn", 2.665, 4.947), hcp("Cd", 2.979, 5.619),
            hcp("Re", 2.761, 4.456), hcp("Ru", 2.706, 4.282), hcp("Os", 2.734, 4.317), hcp("Sc", 3.309, 5.273),
            hcp("Y", 3.647, 5.731), hcp("Tl", 3.456, 5.525), hcp("Gd", 3.636, 5.783), hcp("Lu", 3.505, 5.549));

    private ElementCrystals() {
    }

    private static Map.Entry<String, Entry> bcc(String el, double a) {
        return Map.entry(el, new Entry(LatticeType.BCC, a, Double.NaN));
    }

    private static Map.Entry<String, Entry> fcc(String el, double a) {
        return Map.entry(el, new Entry(LatticeType.FCC, a, Double.NaN));
    }

    private static Map.Entry<String, Entry> hcp(String el, double a, double c) {
        return Map.entry(el, new Entry(LatticeType.HCP, a, c));
    }

    /** The element's entry, or null when it is not in the table. */
    public static Entry of(String element) {
        return TABLE.get(element);
    }

    /**
     * A starting lattice constant a for the element in {@code lattice} (Å): the tabulated one when
     * the lattice is the element's own, otherwise the one with the same volume per atom (hcp at the
     * ideal c/a); NaN when the element is not tabulated.
     */
    public static double guess(String element, LatticeType lattice) {
        Entry e = TABLE.get(element);
        if (e == null) {
            return Double.NaN;
        }
        if (e.lattice() == lattice) {
            return e.a();
        }
        double v = e.volumePerAtom();
        return switch (lattice) {
            case BCC -> Math.cbrt(2 * v);
            case FCC -> Math.cbrt(4 * v);
            case HCP -> Math.cbrt(4 * v / (Math.sqrt(3) * org.peierls.atoms.Lattice.IDEAL_C_OVER_A));
            default -> Double.NaN;
        };
    }
}
