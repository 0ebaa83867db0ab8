package org.peierls.atoms;

import java.util.Arrays;
import org.peierls.util.InputException;

/**
 * Maps the atomic numbers of a structure onto the element types (0-based) of whatever describes
 * it — a potential's elements, a descriptor's species — so that every such owner reports a
 * missing element in the same words.
 */
public final class Species {
    private Species() {
    }

    /**
     * Type index of every atom: {@code types[i] = t} where {@code elements[t] == Z_i}.
     *
     * @param what the noun phrase naming the owner of {@code elements} in the error, e.g.
     *             "potential zhou2004:Ta" or a descriptor's one-line description
     * @throws InputException "structure has X but WHAT describes only A,B" when an atom's element is missing
     */
    public static int[] types(Structure structure, int[] elements, String what) {
        int[] map = new int[Element.MAX_Z + 1];
        Arrays.fill(map, -1);
        for (int t = 0; t < elements.length; t++) {
            map[elements[t]] = t;
        }
        int[] types = new int[structure.size()];
        for (int i = 0; i < types.length; i++) {
            int z = structure.number(i);
            types[i] = map[z];
            if (types[i] < 0) {
                StringBuilder has = new StringBuilder();
                for (int e : elements) {
                    has.append(has.length() == 0 ? "" : ",").append(Element.symbol(e));
                }
                throw new InputException("structure has " + Element.symbol(z) + " but " + what + " describes only " + has);
            }
        }
        return types;
    }
}
