package org.peierls.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

/** LAMMPS atom types ↔ elements, shared by the data and dump formats. */
final class LammpsTypes {

    /** Largest distance (amu) between a Masses entry and a standard atomic weight to name the element. */
    static final double MASS_TOLERANCE = 0.1;

    private LammpsTypes() {
    }

    /**
     * Atomic numbers of types 1..{@code ntypes} ({@code [ntypes + 1]}, entry 0 unused): from the
     * user's symbols when given, else per type from the element named in the Masses comment
     * ({@code 1 63.546 # Cu}), else from the mass (the one element within
     * {@link #MASS_TOLERANCE} amu).
     *
     * @param masses   per-type masses {@code [ntypes + 1]} (NaN when there is no Masses section), amu
     * @param comments per-type Masses comments {@code [ntypes + 1]} (null entries when none)
     * @throws InputException when a type's element is unknown or ambiguous
     */
    static int[] resolve(Path path, int line, int ntypes, IoOptions options, double[] masses, String[] comments) {
        int[] z = new int[ntypes + 1];
        if (options.hasTypes()) {
            if (options.types().size() < ntypes) {
                throw InputException.at(path, line, "the file has " + ntypes + " atom types but " + options.types().size()
                        + " type symbols were given (" + String.join(",", options.types()) + ")");
            }
            int[] given = options.typeNumbers();
            System.arraycopy(given, 0, z, 1, ntypes);
            return z;
        }
        for (int t = 1; t <= ntypes; t++) {
            String c = comments == null ? null : comments[t];
            if (c != null) {
                String[] tok = LineReader.split(c);
                if (tok.length > 0 && Element.isSymbol(tok[0])) {
                    z[t] = Element.number(tok[0]);
                    continue;
                }
            }
            double m = masses == null ? Double.NaN : masses[t];
            if (Double.isNaN(m)) {
                throw InputException.at(path, line, "cannot tell the element of atom type " + t
                        + " (no mass given): give the type symbols in order (--types A,B)");
            }
            List<String> near = new ArrayList<>();
            for (int e = 1; e <= Element.MAX_Z; e++) {
                if (Math.abs(Element.mass(e) - m) <= MASS_TOLERANCE) {
                    near.add(Element.symbol(e));
                }
            }
            if (near.size() != 1) {
                throw InputException.at(path, line, "cannot tell the element of atom type " + t + " from its mass " + m
                        + (near.isEmpty() ? " (no element within " + MASS_TOLERANCE + " amu)" : " (ambiguous: " + String.join(" or ", near) + ")")
                        + ": give the type symbols in order (--types A,B)");
            }
            z[t] = Element.number(near.get(0));
        }
        return z;
    }

    /**
     * The elements of types 1, 2, … for writing: the user's symbols (which must include every
     * element present), else the species present in ascending atomic number.
     */
    static int[] order(List<Frame> frames, IoOptions options) {
        TreeSet<Integer> present = new TreeSet<>();
        for (Frame f : frames) {
            for (int z : f.structure().species()) {
                present.add(z);
            }
        }
        if (options.hasTypes()) {
            int[] z = options.typeNumbers();
            for (int p : present) {
                boolean found = false;
                for (int q : z) {
                    found |= q == p;
                }
                if (!found) {
                    throw new IllegalArgumentException("element " + Element.symbol(p) + " is not among the given types "
                            + String.join(",", options.types()));
                }
            }
            for (int i = 0; i < z.length; i++) {
                for (int j = 0; j < i; j++) {
                    if (z[i] == z[j]) {
                        throw new IllegalArgumentException("element " + Element.symbol(z[i]) + " appears twice in the types "
                                + String.join(",", options.types()));
                    }
                }
            }
            return z;
        }
        int[] z = new int[present.size()];
        int i = 0;
        for (int p : present) {
            z[i++] = p;
        }
        return z;
    }

    /** Type (1-based) of each atom, {@code [N]}. */
    static int[] typesOf(Structure s, int[] order) {
        int[] type = new int[s.size()];
        for (int i = 0; i < type.length; i++) {
            int z = s.number(i);
            for (int t = 0; t < order.length; t++) {
                if (order[t] == z) {
                    type[i] = t + 1;
                    break;
                }
            }
        }
        return type;
    }
}
