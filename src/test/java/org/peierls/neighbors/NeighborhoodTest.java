package org.peierls.neighbors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;

/**
 * The per-atom gather against the list it reads: for every atom, exactly the entries inside the
 * cutoff (one cutoff, or one per type pair), in list order, with their displacement, distance,
 * entry and atom; a coincident pair is skipped; the arrays grow past their first capacity.
 */
class NeighborhoodTest {

    /** 54 rattled atoms in a sheared periodic cell, plus one atom on top of atom 0. */
    static Structure cell() {
        Random r = new Random(7);
        int n = 55;
        double[] x = new double[3 * n];
        for (int k = 0; k < 3 * 54; k++) {
            x[k] = 9 * r.nextDouble();
        }
        System.arraycopy(x, 0, x, 3 * 54, 3);
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            z[i] = i % 3 == 0 ? 41 : 42;
        }
        return new Structure(Cell.periodic(new double[]{9, 0, 0, 0.8, 9, 0, -0.5, 0.3, 9}), z, x);
    }

    @Test
    void gathersExactlyTheEntriesInsideOneCutoff() {
        Structure s = cell();
        NeighborList nl = NeighborList.build(s, 4.5, NeighborList.Kind.FULL);
        double[] vec = nl.vectors();
        Neighborhood nb = new Neighborhood(1);
        double cutSq = 3.7 * 3.7;
        int total = 0;
        for (int i = 0; i < s.size(); i++) {
            int count = nb.gather(i, nl.offsetsArray(), nl.neighborsArray(), vec, cutSq);
            assertEquals(count, nb.count());
            int q = 0;
            for (int k = nl.start(i); k < nl.end(i); k++) {
                double d = nl.distance(k);
                if (!Neighborhood.inside(vec, k, cutSq)) {
                    assertTrue(d >= 3.7 || d < 1e-10, "entry " + k + " at " + d + " Å left out");
                    continue;
                }
                assertTrue(d < 3.7 && d > 0, "entry " + k + " at " + d + " Å gathered");
                assertEquals(k, nb.entry()[q]);
                assertEquals(nl.neighbor(k), nb.atom()[q]);
                assertEquals(vec[3 * k], nb.x()[q]);
                assertEquals(vec[3 * k + 1], nb.y()[q]);
                assertEquals(vec[3 * k + 2], nb.z()[q]);
                assertEquals(d, nb.r()[q], 1e-15 * d);
                q++;
            }
            assertEquals(q, count, "atom " + i);
            total += count;
        }
        assertTrue(total > 0);
        assertTrue(nb.capacity() > 1, "grew from capacity 1");
    }

    @Test
    void skipsACoincidentAtom() {
        Structure s = cell();
        NeighborList nl = NeighborList.build(s, 4.5, NeighborList.Kind.FULL);
        double[] vec = nl.vectors();
        Neighborhood nb = new Neighborhood(8);
        int count = nb.gather(0, nl.offsetsArray(), nl.neighborsArray(), vec, 4.5 * 4.5);
        boolean listed = false;
        for (int k = nl.start(0); k < nl.end(0); k++) {
            listed |= nl.neighbor(k) == 54 && nl.image(k) == NeighborList.ZERO_IMAGE;
        }
        assertTrue(listed, "the list holds the coincident pair");
        for (int q = 0; q < count; q++) {
            assertFalse(nb.atom()[q] == 54 && nb.r()[q] == 0, "coincident atom gathered");
        }
    }

    @Test
    void typePairCutoffsSelectByBothTypes() {
        Structure s = cell();
        NeighborList nl = NeighborList.build(s, 4.5, NeighborList.Kind.FULL);
        double[] vec = nl.vectors();
        int[] types = new int[s.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = s.number(i) == 41 ? 0 : 1;
        }
        double[] cut = {3.0, 3.6, 3.6, 4.2};
        double[] cutSq = new double[4];
        for (int k = 0; k < 4; k++) {
            cutSq[k] = cut[k] * cut[k];
        }
        Neighborhood nb = new Neighborhood(4);
        for (int i = 0; i < s.size(); i++) {
            int count = nb.gather(i, nl.offsetsArray(), nl.neighborsArray(), vec, types, 2, cutSq);
            int q = 0;
            for (int k = nl.start(i); k < nl.end(i); k++) {
                if (Neighborhood.inside(vec, k, cutSq[types[i] * 2 + types[nl.neighbor(k)]])) {
                    assertEquals(k, nb.entry()[q++], "atom " + i);
                }
            }
            assertEquals(q, count, "atom " + i);
            for (q = 0; q < count; q++) {
                assertTrue(nb.r()[q] < cut[types[i] * 2 + types[nb.atom()[q]]]);
            }
        }
    }
}
