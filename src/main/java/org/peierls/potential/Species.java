package org.peierls.potential;

import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

/** Maps the atomic numbers of a structure onto a potential's element types (0-based). */
public final class Species {
    private Species() {
    }

    /**
     * Type index of every atom: {@code types[i] = k} where {@code elements[k] == Z_i}.
     *
     * @throws InputException naming the element and the potential when an atom's element is missing
     */
    public static int[] types(Structure s, int[] elements, String potential) {
        int[] map = new int[Element.MAX_Z + 1];
        java.util.Arrays.fill(map, -1);
        for (int k = 0; k < elements.length; k++) {
            map[elements[k]] = k;
        }
        int[] t = new int[s.size()];
        for (int i = 0; i < t.length; i++) {
            int z = s.number(i);
            t[i] = map[z];
            if (t[i] < 0) {
                StringBuilder has = new StringBuilder();
                for (int e : elements) {
                    has.append(has.length() == 0 ? "" : ",").append(Element.symbol(e));
                }
                throw new InputException("structure has " + Element.symbol(z) + " but potential " + potential
                        + " describes only " + has);
            }
        }
        return t;
    }
}
