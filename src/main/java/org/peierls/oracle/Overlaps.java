package org.peierls.oracle;

import java.util.Locale;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.util.InputException;

/** Refuses structures with atoms on top of each other before an expensive calculation. */
final class Overlaps {

    private Overlaps() {
    }

    /** @throws InputException naming the first pair closer than {@code minDistance} Å */
    static void check(Structure s, double minDistance) {
        for (double v : s.positions()) {
            if (!Double.isFinite(v)) {
                throw new InputException("the structure has non-finite positions");
            }
        }
        NeighborList list = NeighborList.build(s, minDistance, NeighborList.Kind.HALF);
        for (int i = 0; i < s.size(); i++) {
            for (int q = list.start(i); q < list.end(i); q++) {
                if (list.distance(q) < minDistance) {
                    throw new InputException(String.format(Locale.ROOT, "atoms %d and %d are %.3f Å apart (below %.2f Å): not labelled",
                            i + 1, list.neighbor(q) + 1, list.distance(q), minDistance));
                }
            }
        }
    }
}
