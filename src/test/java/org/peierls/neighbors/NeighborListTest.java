package org.peierls.neighbors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;
import org.peierls.util.Parallel;

/**
 * The binned list against a brute-force search over periodic images: every pair (i, j, image)
 * with |d| &lt; rc must be found exactly once (per side), nothing else.
 */
class NeighborListTest {

    /** All pairs by looping over every image within a generous range. */
    static List<String> bruteForce(Structure s, double rc, NeighborList.Kind kind) {
        Cell cell = s.cell();
        double[] x = s.positions();
        int n = s.size();
        double[] w = cell.isRegular() ? cell.perpendicularWidths() : new double[]{1, 1, 1};
        int[] range = new int[3];
        for (int k = 0; k < 3; k++) {
            // positions may sit up to a couple of cells outside; be generous
            range[k] = cell.periodic(k) ? (int) Math.ceil(rc / w[k]) + 3 : 0;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int a = -range[0]; a <= range[0]; a++) {
                    for (int b = -range[1]; b <= range[1]; b++) {
                        for (int c = -range[2]; c <= range[2]; c++) {
                            if (i == j && a == 0 && b == 0 && c == 0) {
                                continue;
                            }
                            if (kind == NeighborList.Kind.HALF) {
                                boolean pos = a > 0 || (a == 0 && (b > 0 || (b == 0 && c > 0)));
                                if (j < i || (j == i && !pos)) {
                                    continue;
                                }
                            }
                            double dx = x[3 * j] - x[3 * i], dy = x[3 * j + 1] - x[3 * i + 1], dz = x[3 * j + 2] - x[3 * i + 2];
                            dx += a * cell.get(0, 0) + b * cell.get(1, 0) + c * cell.get(2, 0);
                            dy += a * cell.get(0, 1) + b * cell.get(1, 1) + c * cell.get(2, 1);
                            dz += a * cell.get(0, 2) + b * cell.get(1, 2) + c * cell.get(2, 2);
                            if (dx * dx + dy * dy + dz * dz < rc * rc) {
                                out.add(i + ":" + j + ":" + a + "," + b + "," + c);
                            }
                        }
                    }
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    static List<String> fromList(NeighborList nl) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nl.atoms(); i++) {
            for (int k = nl.start(i); k < nl.end(i); k++) {
                int img = nl.image(k);
                out.add(i + ":" + nl.neighbor(k) + ":" + NeighborList.imageA(img) + "," + NeighborList.imageB(img) + "," + NeighborList.imageC(img));
            }
        }
        Collections.sort(out);
        return out;
    }

    static Structure randomTriclinic(Random rnd, int n, double edge, double maxTilt, boolean[] pbc) {
        double[] h = {edge * (0.8 + 0.4 * rnd.nextDouble()), 0, 0,
                      maxTilt * edge * (2 * rnd.nextDouble() - 1), edge * (0.8 + 0.4 * rnd.nextDouble()), 0,
                      maxTilt * edge * (2 * rnd.nextDouble() - 1), maxTilt * edge * (2 * rnd.nextDouble() - 1), edge * (0.8 + 0.4 * rnd.nextDouble())};
        // a random rotation so that no vector is axis-aligned
        Cell cell = new Cell(h, pbc);
        int[] z = new int[n];
        double[] s = new double[3 * n];
        for (int i = 0; i < n; i++) {
            z[i] = 29;
            for (int k = 0; k < 3; k++) {
                // some atoms outside the cell: the list must cope with unwrapped positions
                s[3 * i + k] = -0.5 + 2.0 * rnd.nextDouble();
            }
        }
        return new Structure(cell, z, cell.toCartesian(s));
    }

    @Test
    void randomTriclinicCellsMatchBruteForce() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 30; trial++) {
            boolean[] pbc = {rnd.nextInt(4) > 0, rnd.nextInt(4) > 0, rnd.nextInt(4) > 0};
            Structure s = randomTriclinic(rnd, 5 + rnd.nextInt(40), 4 + 8 * rnd.nextDouble(), 0.5, pbc);
            double rc = 1.5 + 5 * rnd.nextDouble();
            for (NeighborList.Kind kind : NeighborList.Kind.values()) {
                NeighborList nl = NeighborList.build(s, rc, kind);
                assertEquals(bruteForce(s, rc, kind), fromList(nl), "trial " + trial + " " + kind + " rc=" + rc);
            }
        }
    }

    @Test
    void tinyCellsWithCutoffThreeTimesTheCell() {
        Random rnd = new Random(11);
        for (int natoms = 1; natoms <= 2; natoms++) {
            for (int trial = 0; trial < 5; trial++) {
                Structure s = randomTriclinic(rnd, natoms, 2.5, 0.5, new boolean[]{true, true, true});
                double rc = 3 * 2.5;
                for (NeighborList.Kind kind : NeighborList.Kind.values()) {
                    assertEquals(bruteForce(s, rc, kind), fromList(NeighborList.build(s, rc, kind)));
                }
            }
        }
    }

    @Test
    void moleculeWithoutCell() {
        Random rnd = new Random(3);
        int n = 30;
        double[] x = new double[3 * n];
        int[] z = new int[n];
        for (int i = 0; i < 3 * n; i++) {
            x[i] = 10 * rnd.nextDouble() - 3;
        }
        java.util.Arrays.fill(z, 6);
        Structure s = new Structure(new Cell(new double[9], new boolean[3]), z, x);
        assertEquals(bruteForce(s, 3.0, NeighborList.Kind.FULL), fromList(NeighborList.build(s, 3.0, NeighborList.Kind.FULL)));
        // a slab: periodic in a and b, zero c vector
        Structure slab = new Structure(new Cell(new double[]{5, 0, 0, 1, 6, 0, 0, 0, 0}, new boolean[]{true, true, false}), z, x);
        assertEquals(bruteForce(slab, 3.0, NeighborList.Kind.HALF), fromList(NeighborList.build(slab, 3.0, NeighborList.Kind.HALF)));
    }

    @Test
    void vectorsAreDisplacementsOfUnwrappedPositions() {
        Random rnd = new Random(5);
        Structure s = randomTriclinic(rnd, 20, 6, 0.4, new boolean[]{true, true, true});
        NeighborList nl = NeighborList.build(s, 4.0, NeighborList.Kind.FULL);
        double[] v = nl.vectors();
        double[] x = s.positions();
        for (int i = 0; i < s.size(); i++) {
            for (int k = nl.start(i); k < nl.end(i); k++) {
                assertTrue(nl.distance(k) < 4.0);
                int j = nl.neighbor(k);
                double[] d = {v[3 * k] - (x[3 * j] - x[3 * i]), v[3 * k + 1] - (x[3 * j + 1] - x[3 * i + 1]), v[3 * k + 2] - (x[3 * j + 2] - x[3 * i + 2])};
                // the remainder is a lattice vector: integer fractional coordinates
                double[] f = s.cell().toFractional(d);
                for (double fk : f) {
                    assertEquals(Math.rint(fk), fk, 1e-9);
                }
            }
        }
    }

    @Test
    void resultIndependentOfThreadCount() {
        Random rnd = new Random(9);
        Structure s = randomTriclinic(rnd, 3000, 30, 0.3, new boolean[]{true, true, true});
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            NeighborList one = NeighborList.build(s, 5, NeighborList.Kind.FULL);
            Parallel.setThreads(2);
            NeighborList two = NeighborList.build(s, 5, NeighborList.Kind.FULL);
            assertTrue(java.util.Arrays.equals(one.neighborsArray(), two.neighborsArray()));
            assertTrue(java.util.Arrays.equals(one.imagesArray(), two.imagesArray()));
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void rebuildTestTriggersAtHalfSkin() {
        Structure s = randomTriclinic(new Random(1), 10, 6, 0.2, new boolean[]{true, true, true});
        NeighborList nl = NeighborList.build(s, 5.0, NeighborList.Kind.FULL);
        double[] x = s.positions();
        x[0] += 0.24;
        assertFalse(nl.needsRebuild(x, s.cell(), 0.5));
        x[0] += 0.02;
        assertTrue(nl.needsRebuild(x, s.cell(), 0.5));
        assertTrue(nl.needsRebuild(s.positions(), s.cell().scaled(1.1), 0.5));
    }
}
