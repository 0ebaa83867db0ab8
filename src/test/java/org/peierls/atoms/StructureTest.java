package org.peierls.atoms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Structure operations checked element by element against the documented index maps
 * (supercell image order, permutation, subset), and validation messages that name the atom.
 * Positions are copied or shifted by lattice vectors, so comparisons are exact or 1e-12 Å.
 */
class StructureTest {

    /** A 3-atom triclinic structure with masses, velocities, info and two per-atom arrays. */
    static Structure sample() {
        Cell cell = Cell.periodic(new double[]{4, 0, 0, 1, 3.5, 0, -0.5, 0.7, 5});
        int[] z = {73, 74, 73};
        double[] x = {0.1, 0.2, 0.3, 2.0, 1.5, 2.5, 3.9, 3.0, 4.4};
        double[] m = {180.9, 183.8, 181.0};
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        return new Structure(cell, z, x, m, v)
                .withInfo("energy", -12.5)
                .withArray("forces", new double[]{.1, .2, .3, .4, .5, .6, .7, .8, .9})
                .withArray("tag", new int[]{10, 11, 12});
    }

    @Test
    void repeatPlacesImagesInTheDocumentedOrder() {
        Structure s = sample();
        int n1 = 2, n2 = 3, n3 = 2, n = s.size();
        Structure r = s.repeat(n1, n2, n3);
        assertEquals(n * n1 * n2 * n3, r.size());
        assertEquals(n1 * n2 * n3 * s.cell().volume(), r.cell().volume(), 1e-9);
        double[] v = s.velocities();
        double[] f = (double[]) s.arrays().get("forces");
        int[] tag = (int[]) s.arrays().get("tag");
        for (int p = 0; p < n1; p++) {
            for (int q = 0; q < n2; q++) {
                for (int c = 0; c < n3; c++) {
                    for (int i = 0; i < n; i++) {
                        int o = ((p * n2 + q) * n3 + c) * n + i;
                        assertEquals(s.number(i), r.number(o));
                        assertEquals(s.mass(i), r.mass(o), 0);
                        for (int k = 0; k < 3; k++) {
                            double expect = s.position(i, k) + p * s.cell().get(0, k) + q * s.cell().get(1, k) + c * s.cell().get(2, k);
                            assertEquals(expect, r.position(o, k), 1e-12);
                            assertEquals(v[3 * i + k], r.velocities()[3 * o + k], 0);
                            assertEquals(f[3 * i + k], ((double[]) r.arrays().get("forces"))[3 * o + k], 0);
                        }
                        assertEquals(tag[i], ((int[]) r.arrays().get("tag"))[o]);
                    }
                }
            }
        }
        assertEquals(-12.5, r.info().get("energy"));
        assertEquals(s.repeat(1, 1, 1).positions().length, s.positions().length);
        assertThrows(IllegalArgumentException.class, () -> s.repeat(0, 1, 1));
        Structure molecule = new Structure(new Cell(new double[]{5, 0, 0, 0, 5, 0, 0, 0, 0}, new boolean[]{true, true, false}),
                new int[]{1}, new double[]{0, 0, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> molecule.repeat(1, 1, 2));
        assertTrue(e.getMessage().contains("zero"), e.getMessage());
        assertEquals(4, molecule.repeat(2, 2, 1).size());
    }

    @Test
    void repeatIsTheSameCrystal() {
        // a supercell of bcc has the density and the nearest-neighbour distance of the cell
        Structure bcc = Lattice.bcc("Ta", 3.3).repeat(3, 3, 3);
        assertEquals(54, bcc.size());
        assertEquals(2 / (3.3 * 3.3 * 3.3), bcc.numberDensity(), 1e-12);
        double min = Double.MAX_VALUE;
        double[] d = new double[3];
        for (int i = 0; i < bcc.size(); i++) {
            for (int j = i + 1; j < bcc.size(); j++) {
                for (int k = 0; k < 3; k++) {
                    d[k] = bcc.position(j, k) - bcc.position(i, k);
                }
                bcc.cell().minimumImage(d);
                min = Math.min(min, Mat3.norm(d));
            }
        }
        assertEquals(3.3 * Math.sqrt(3) / 2, min, 1e-12);
    }

    @Test
    void permutedAndBack() {
        Structure s = sample().repeat(2, 2, 1);
        int n = s.size();
        Random rnd = new Random(3);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        Structure p = s.permuted(order);
        double[] f = (double[]) s.arrays().get("forces");
        double[] pf = (double[]) p.arrays().get("forces");
        for (int k = 0; k < n; k++) {
            int i = order[k];
            assertEquals(s.number(i), p.number(k));
            assertEquals(s.mass(i), p.mass(k), 0);
            for (int c = 0; c < 3; c++) {
                assertEquals(s.position(i, c), p.position(k, c), 0);
                assertEquals(s.velocities()[3 * i + c], p.velocities()[3 * k + c], 0);
                assertEquals(f[3 * i + c], pf[3 * k + c], 0);
            }
            assertEquals(((int[]) s.arrays().get("tag"))[i], ((int[]) p.arrays().get("tag"))[k]);
        }
        int[] inverse = new int[n];
        for (int k = 0; k < n; k++) {
            inverse[order[k]] = k;
        }
        Structure back = p.permuted(inverse);
        assertArrayEquals(s.positions(), back.positions(), 0);
        assertArrayEquals(s.numbers(), back.numbers());
        assertArrayEquals(f, (double[]) back.arrays().get("forces"), 0);
        assertEquals(s.formula(), p.formula());

        assertThrows(IllegalArgumentException.class, () -> s.permuted(new int[]{0, 1}));
        int[] dup = order.clone();
        dup[1] = dup[0];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.permuted(dup));
        assertTrue(e.getMessage().contains("repeated"), e.getMessage());
    }

    @Test
    void subsetAndSelect() {
        Structure s = sample();
        Structure sub = s.subset(new int[]{2, 0});
        assertEquals(2, sub.size());
        assertArrayEquals(new int[]{73, 73}, sub.numbers());
        assertArrayEquals(new double[]{3.9, 3.0, 4.4, 0.1, 0.2, 0.3}, sub.positions(), 0);
        assertArrayEquals(new double[]{7, 8, 9, 1, 2, 3}, sub.velocities(), 0);
        assertArrayEquals(new double[]{.7, .8, .9, .1, .2, .3}, (double[]) sub.arrays().get("forces"), 0);
        assertArrayEquals(new int[]{12, 10}, (int[]) sub.arrays().get("tag"));
        assertEquals(s.cell(), sub.cell());
        Structure sel = s.select(new boolean[]{true, false, true});
        assertArrayEquals(s.subset(new int[]{0, 2}).positions(), sel.positions(), 0);
        assertEquals(Map.of("Ta", 2), sel.composition());
        assertEquals(0, s.subset(new int[0]).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.subset(new int[]{0, 3}));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.select(new boolean[]{true}));
    }

    @Test
    void validationNamesTheAtom() {
        Cell cell = Cell.orthorhombic(5, 5, 5);
        double[] x = new double[12];
        x[3 * 2 + 1] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Structure(cell, new int[]{1, 1, 1, 1}, x));
        assertTrue(e.getMessage().contains("atom 2") && e.getMessage().contains("NaN"), e.getMessage());
        x[3 * 2 + 1] = Double.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> new Structure(cell, new int[]{1, 1, 1, 1}, x));
        assertTrue(e.getMessage().contains("atom 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Structure(cell, new int[]{1, 1, 1}, new double[10]));
        assertTrue(e.getMessage().contains("10") && e.getMessage().contains("9"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Structure(cell, new int[]{1, 0}, new double[6]));
        assertTrue(e.getMessage().contains("atom 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Structure(cell, new int[]{1, 1}, new double[6], new double[]{1, -1}, null));
        assertTrue(e.getMessage().contains("atom 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Structure(cell, new int[]{1, 1}, new double[6]).withArray("q", new double[3]));
        assertTrue(e.getMessage().contains("'q'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Structure(cell, new int[]{1}, new double[3], null, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new Structure(null, new int[]{1}, new double[3]));
    }

    @Test
    void immutableAndCellOperations() {
        double[] x = {0.5, 0.5, 0.5, 6.0, -1.0, 2.0};
        Structure s = new Structure(Cell.orthorhombic(5, 5, 5), new int[]{29, 29}, x);
        x[0] = 99;
        assertEquals(0.5, s.position(0, 0), 0, "input copied");
        s.positions()[0] = 99;
        assertEquals(0.5, s.position(0, 0), 0, "output copied");
        assertNotSame(s.positions(), s.positions());
        Structure w = s.wrapped();
        assertArrayEquals(new double[]{0.5, 0.5, 0.5, 1.0, 4.0, 2.0}, w.positions(), 1e-12);
        Structure scaled = s.withCellScaled(Cell.orthorhombic(10, 5, 2.5));
        assertArrayEquals(new double[]{1, 0.5, 0.25, 12, -1, 1}, scaled.positions(), 1e-12);
        assertEquals(2 * 63.546, s.totalMass(), 1e-12);
        // 2 Cu atoms in 125 Å³: 2 · 63.546 · 1.66053906660 / 125 g/cm³
        assertEquals(2 * 63.546 * 1.66053906660 / 125, s.massDensity(), 1e-12);
        assertEquals("Cu2", s.formula());
        Structure b = Structure.builder(Cell.orthorhombic(3, 3, 3)).add("Ta", 0, 0, 0).add(74, 1.5, 1.5, 1.5).info("k", 1).build();
        assertEquals("TaW", b.formula());
        assertEquals(1, b.info().get("k"));
        assertArrayEquals(new int[]{73, 74}, b.species());
    }
}
