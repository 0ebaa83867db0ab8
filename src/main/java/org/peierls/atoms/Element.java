package org.peierls.atoms;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The periodic table from hydrogen (Z = 1) to plutonium (Z = 94): symbol, atomic number and
 * standard atomic weight (amu; IUPAC conventional values, the most stable isotope in brackets
 * for elements without a standard weight). Atoms are identified by their atomic number
 * throughout Peierls; this table converts between numbers, symbols and masses.
 */
public final class Element {

    private static final String[] SYMBOLS = {
        "X",
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne",
        "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
        "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn",
        "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr",
        "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn",
        "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd",
        "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb",
        "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg",
        "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th",
        "Pa", "U", "Np", "Pu"
    };

    /** Standard atomic weights, amu (IUPAC 2013 conventional values, as tabulated by ASE). */
    private static final double[] MASSES = {
        0.0,
        1.008, 4.002602, 6.94, 9.0121831, 10.81, 12.011, 14.007, 15.999, 18.998403163, 20.1797,
        22.98976928, 24.305, 26.9815385, 28.085, 30.973761998, 32.06, 35.45, 39.948, 39.0983, 40.078,
        44.955908, 47.867, 50.9415, 51.9961, 54.938044, 55.845, 58.933194, 58.6934, 63.546, 65.38,
        69.723, 72.630, 74.921595, 78.971, 79.904, 83.798, 85.4678, 87.62, 88.90584, 91.224,
        92.90637, 95.95, 97.90721, 101.07, 102.90550, 106.42, 107.8682, 112.414, 114.818, 118.710,
        121.760, 127.60, 126.90447, 131.293, 132.90545196, 137.327, 138.90547, 140.116, 140.90766, 144.242,
        144.91276, 150.36, 151.964, 157.25, 158.92535, 162.500, 164.93033, 167.259, 168.93422, 173.054,
        174.9668, 178.49, 180.94788, 183.84, 186.207, 190.23, 192.217, 195.084, 196.966569, 200.592,
        204.38, 207.2, 208.98040, 208.98243, 209.98715, 222.01758, 223.01974, 226.02541, 227.02775, 232.0377,
        231.03588, 238.02891, 237.04817, 244.06421
    };

    private static final Map<String, Integer> BY_SYMBOL = new HashMap<>();

    static {
        for (int z = 1; z < SYMBOLS.length; z++) {
            BY_SYMBOL.put(SYMBOLS[z], z);
        }
    }

    private Element() {
    }

    /** Largest atomic number in the table (94, plutonium). */
    public static final int MAX_Z = SYMBOLS.length - 1;

    /** Chemical symbol of atomic number {@code z}, e.g. 73 → "Ta". */
    public static String symbol(int z) {
        if (z < 1 || z > MAX_Z) {
            throw new IllegalArgumentException("atomic number " + z + " is outside H..Pu (1.." + MAX_Z + ")");
        }
        return SYMBOLS[z];
    }

    /** Standard atomic weight of atomic number {@code z}, amu. */
    public static double mass(int z) {
        symbol(z);
        return MASSES[z];
    }

    /** True when {@code symbol} is an element symbol known to this table (case sensitive, "Ta"). */
    public static boolean isSymbol(String symbol) {
        return BY_SYMBOL.containsKey(symbol);
    }

    /**
     * Atomic number of a chemical symbol. Accepts any capitalisation ("ta", "TA", "Ta").
     *
     * @throws IllegalArgumentException naming the symbol when it is not an element H..Pu
     */
    public static int number(String symbol) {
        Integer z = BY_SYMBOL.get(symbol);
        if (z == null && symbol != null && !symbol.isEmpty()) {
            String s = symbol.trim();
            String norm = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
            z = BY_SYMBOL.get(norm);
        }
        if (z == null) {
            throw new IllegalArgumentException("unknown element '" + symbol + "' (expected a symbol H..Pu)");
        }
        return z;
    }

    /**
     * The element whose standard atomic weight is closest to {@code mass}, if within
     * {@code tolerance} amu; used to map LAMMPS atom types to elements from a Masses section.
     *
     * @return the atomic number, or 0 when no element is close enough
     */
    public static int byMass(double mass, double tolerance) {
        int best = 0;
        double bestDiff = tolerance;
        for (int z = 1; z <= MAX_Z; z++) {
            double d = Math.abs(MASSES[z] - mass);
            if (d <= bestDiff) {
                bestDiff = d;
                best = z;
            }
        }
        return best;
    }
}
