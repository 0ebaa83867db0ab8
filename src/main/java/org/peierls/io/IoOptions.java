package org.peierls.io;

import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Element;

/**
 * Options shared by readers and writers.
 *
 * @param types chemical symbols of LAMMPS atom types 1, 2, … (data and dump files), or of the
 *              species blocks of a VASP 4 POSCAR that has no species line; when writing LAMMPS
 *              files, the type order (the default is ascending atomic number of the species
 *              present). Empty when not given.
 */
public record IoOptions(List<String> types) {

    /** No options. */
    public static final IoOptions DEFAULT = new IoOptions(List.of());

    public IoOptions {
        types = types == null ? List.of() : List.copyOf(types);
        for (String t : types) {
            try {
                Element.number(t);
            } catch (IllegalArgumentException e) {
                // the symbols come from the user (--types): bad input, not a bug
                throw new org.peierls.util.InputException("--types: " + e.getMessage(), e);
            }
        }
    }

    /** Options with type symbols from a comma-separated list such as "Cu,Ta" (empty or null: none). */
    public static IoOptions withTypes(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return DEFAULT;
        }
        List<String> list = new ArrayList<>();
        for (String s : commaSeparated.split(",")) {
            if (!s.isBlank()) {
                list.add(s.trim());
            }
        }
        return new IoOptions(list);
    }

    /** True when type symbols were given. */
    public boolean hasTypes() {
        return !types.isEmpty();
    }

    /** Atomic numbers of the type symbols, {@code [types]}. */
    public int[] typeNumbers() {
        int[] z = new int[types.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = Element.number(types.get(i));
        }
        return z;
    }
}
