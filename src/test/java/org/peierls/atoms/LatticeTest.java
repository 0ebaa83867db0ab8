package org.peierls.atoms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.peierls.neighbors.NeighborList;
import org.peierls.util.InputException;

/**
 * Lattice builders against textbook crystallography: atom counts from the number density
 * (atoms per a³ of each structure), nearest-neighbour distances and coordination shells (bcc
 * 8 + 6, fcc 12 + 6, diamond 4 + 12, hcp 12 + 6 at ideal c/a), and oriented cells checked to be
 * the same crystal as the cube (every atom rotated back lands on a cube site of its species, and
 * the neighbour shells per species pair are identical).
 *
 * <p>Tolerances: positions come from exact rational fractions times a, so distances and lengths
 * are compared to 1e-9 Å (round-off is ~1e-14 Å); shells are grouped by distance rounded to
 * 1e-5 Å.</p>
 */
class LatticeTest {

    static final double TOL = 1e-9;
    static final double A = 3.316;           // Ta
    static final double S2 = Math.sqrt(2), S3 = Math.sqrt(3), S6 = Math.sqrt(6);

    /** Textbook atoms per conventional cube a³ (independent of LatticeType's site tables). */
    static int atomsPerCube(LatticeType t) {
        switch (t) {
            case SC: return 1;
            case BCC: case B2: return 2;
            case FCC: case L12: return 4;
            case DIAMOND: return 8;
            default: throw new AssertionError(t);
        }
    }

    static String[] elements(LatticeType t) {
        return t.elements() == 2 ? new String[]{"Ni", "Al"} : new String[]{"Ta"};
    }

    // ---------------------------------------------------------------- shells

    /**
     * Neighbour shells of the atoms of species {@code zi} (0 = any) counting neighbours of species
     * {@code zj} (0 = any) closer than rc: distance rounded to 1e-5 Å → count. Asserts that every
     * such atom has the same shells (a perfect crystal with one site type per species) and returns them.
     */
    static TreeMap<Long, Integer> shells(Structure s, double rc, int zi, int zj) {
        NeighborList nl = NeighborList.build(s, rc, NeighborList.Kind.FULL);
        TreeMap<Long, Integer> first = null;
        for (int i = 0; i < s.size(); i++) {
            if (zi != 0 && s.number(i) != zi) {
                continue;
            }
            TreeMap<Long, Integer> m = new TreeMap<>();
            for (int k = nl.start(i); k < nl.end(i); k++) {
                if (zj != 0 && s.number(nl.neighbor(k)) != zj) {
                    continue;
                }
                m.merge(Math.round(nl.distance(k) * 1e5), 1, Integer::sum);
            }
            if (first == null) {
                first = m;
            } else {
                assertEquals(first, m, "atom " + i + " has other neighbour shells than the first of its species");
            }
        }
        return first == null ? new TreeMap<>() : first;
    }

    static TreeMap<Long, Integer> shells(Structure s, double rc) {
        return shells(s, rc, 0, 0);
    }

    static TreeMap<Long, Integer> expect(Object... distanceCount) {
        TreeMap<Long, Integer> m = new TreeMap<>();
        for (int i = 0; i < distanceCount.length; i += 2) {
            m.put(Math.round((Double) distanceCount[i] * 1e5), (Integer) distanceCount[i + 1]);
        }
        return m;
    }

    static double minSeparation(Structure s) {
        double rc = 2 * Math.cbrt(s.cell().volume() / s.size()) + 1;
        NeighborList nl = NeighborList.build(s, rc, NeighborList.Kind.FULL);
        double min = Double.MAX_VALUE;
        for (int k = 0; k < nl.size(); k++) {
            min = Math.min(min, nl.distance(k));
        }
        return min;
    }

    // ---------------------------------------------------------------- conventional cells

    @Test
    void conventionalCellsHaveTextbookCountsAndCells() {
        for (LatticeType t : LatticeType.values()) {
            if (!t.cubic()) {
                continue;
            }
            Structure s = Lattice.cubic(t, elements(t), A);
            assertEquals(atomsPerCube(t), s.size(), t.label());
            assertArrayEquals(new double[]{A, 0, 0, 0, A, 0, 0, 0, A}, s.cell().matrix(), 0, t.label());
        }
        assertEquals("AlNi3", Lattice.l12("Ni", "Al", 3.57).formula());
        assertEquals("AlFe", Lattice.b2("Fe", "Al", 2.9).formula());
        Structure hcp = Lattice.hcp("Ti", 2.95, 4.68);
        assertEquals(2, hcp.size());
        assertEquals(S3 / 2 * 2.95 * 2.95 * 4.68, hcp.cell().volume(), TOL);
        assertEquals(120.0, hcp.cell().angles()[2], 1e-9);
        assertEquals(Lattice.IDEAL_C_OVER_A * 2.95, Lattice.hcp("Ti", 2.95).cell().norm(2), TOL);
    }

    @Test
    void nearestNeighbourDistancesAndShells() {
        double a = A;
        // sc: 6 at a, 12 at a√2
        assertEquals(expect(a, 6, a * S2, 12), shells(Lattice.sc("Po", a).repeat(2, 2, 2), 1.5 * a));
        // bcc: 8 at a√3/2, 6 at a, 12 at a√2
        assertEquals(expect(a * S3 / 2, 8, a, 6, a * S2, 12), shells(Lattice.bcc("Ta", a), 1.5 * a));
        // fcc: 12 at a/√2, 6 at a
        assertEquals(expect(a / S2, 12, a, 6), shells(Lattice.fcc("Cu", a), 1.1 * a));
        // diamond: 4 at a√3/4, 12 at a/√2, 12 at a√11/4
        assertEquals(expect(a * S3 / 4, 4, a / S2, 12, a * Math.sqrt(11) / 4, 12), shells(Lattice.diamond("Si", a), 0.9 * a));
        // hcp, ideal c/a: 12 at a, 6 at a√2
        assertEquals(expect(a, 12, a * S2, 6), shells(Lattice.hcp("Mg", a), 1.5 * a));
        // hcp, Ti c/a = 1.586 < ideal: 6 out of plane at √(a²/3 + c²/4) come before the 6 in plane
        double at = 2.95, ct = 4.68;
        assertEquals(expect(Math.sqrt(at * at / 3 + ct * ct / 4), 6, at, 6), shells(Lattice.hcp("Ti", at, ct), 1.05 * at));

        assertEquals(a, minSeparation(Lattice.sc("Po", a)), TOL);
        assertEquals(a * S3 / 2, minSeparation(Lattice.bcc("Ta", a)), TOL);
        assertEquals(a / S2, minSeparation(Lattice.fcc("Cu", a)), TOL);
        assertEquals(a * S3 / 4, minSeparation(Lattice.diamond("Si", a)), TOL);
        assertEquals(a, minSeparation(Lattice.hcp("Mg", a)), TOL);
        assertEquals(a * S3 / 2, minSeparation(Lattice.b2("Fe", "Al", a)), TOL);
        assertEquals(a / S2, minSeparation(Lattice.l12("Ni", "Al", a)), TOL);
    }

    @Test
    void orderedAlloysHaveTheirChemicalNeighbours() {
        int ni = Element.number("Ni"), al = Element.number("Al");
        double a = 3.57;
        // B2: each atom has its 8 nearest neighbours of the other species, 6 second of its own
        Structure b2 = Lattice.b2("Ni", "Al", a);
        assertEquals(expect(a * S3 / 2, 8), shells(b2, 1.1 * a, ni, al));
        assertEquals(expect(a, 6), shells(b2, 1.1 * a, ni, ni));
        assertEquals(expect(a * S3 / 2, 8), shells(b2, 1.1 * a, al, ni));
        // L1₂ A₃B: B has 12 A nearest neighbours; A has 8 A + 4 B
        Structure l12 = Lattice.l12("Ni", "Al", a);
        assertEquals(expect(a / S2, 12), shells(l12, 0.8 * a, al, ni));
        assertEquals(expect(), shells(l12, 0.8 * a, al, al));
        assertEquals(expect(a / S2, 8), shells(l12, 0.8 * a, ni, ni));
        assertEquals(expect(a / S2, 4), shells(l12, 0.8 * a, ni, al));
    }

    @Test
    void primitiveCellsAreTheSameCrystal() {
        double a = A;
        Structure bcc = Lattice.bccPrimitive("Ta", a);
        assertEquals(1, bcc.size());
        assertEquals(a * a * a / 2, bcc.cell().volume(), TOL);
        assertEquals(shells(Lattice.bcc("Ta", a), 1.5 * a), shells(bcc, 1.5 * a));
        Structure fcc = Lattice.fccPrimitive("Cu", a);
        assertEquals(1, fcc.size());
        assertEquals(a * a * a / 4, fcc.cell().volume(), TOL);
        assertEquals(shells(Lattice.fcc("Cu", a), 1.5 * a), shells(fcc, 1.5 * a));
        Structure dia = Lattice.primitive(LatticeType.DIAMOND, new String[]{"Si"}, a);
        assertEquals(2, dia.size());
        assertEquals(shells(Lattice.diamond("Si", a), 1.2 * a), shells(dia, 1.2 * a));
        assertEquals(2, Lattice.primitive(LatticeType.B2, new String[]{"Fe", "Al"}, a).size());
        assertTrue(bcc.cell().determinant() > 0 && fcc.cell().determinant() > 0, "primitive cells are right-handed");
    }

    @Test
    void hcpOrthogonalCellIsTheSameCrystal() {
        double a = 2.95, c = 4.68;
        Structure o = Lattice.hcpOrthogonal("Ti", a, c);
        assertEquals(4, o.size());
        assertArrayEquals(new double[]{a, S3 * a, c}, o.cell().lengths(), TOL);
        assertEquals(shells(Lattice.hcp("Ti", a, c), 2.5 * a), shells(o, 2.5 * a));
    }

    @Test
    void supercellsKeepTheCrystal() {
        Structure s = Lattice.fcc("Cu", 3.615).repeat(3, 2, 4);
        assertEquals(4 * 24, s.size());
        assertEquals(3.615 / S2, minSeparation(s), TOL);
        assertEquals(expect(3.615 / S2, 12, 3.615, 6), shells(s, 1.1 * 3.615));
    }

    // ---------------------------------------------------------------- oriented cells

    static final int[][][] ORIENTATIONS = {
        {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
        {{1, -1, 0}, {1, 1, -2}, {1, 1, 1}},
        {{1, 1, 0}, {-1, 1, 0}, {0, 0, 1}},
        {{1, 1, 2}, {-1, 1, 0}, {-1, -1, 1}},
        {{1, 1, 1}, {-1, 1, 0}, {-1, -1, 2}},
        {{1, 2, 3}, {-2, 1, 0}, {-3, -6, 5}},
        {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}},
        {{2, -2, 0}, {1, 1, -2}, {3, 3, 3}},  // non-reduced indices give the reduced cell
    };

    @Test
    void orientedCountsFollowFromTheDensity() {
        for (LatticeType t : LatticeType.values()) {
            if (!t.cubic()) {
                continue;
            }
            for (int[][] o : ORIENTATIONS) {
                Structure s = Lattice.oriented(t, elements(t), A, o[0], o[1], o[2]);
                String what = t.label() + " " + Miller.format(o[0]) + Miller.format(o[1]) + Miller.format(o[2]);
                double[] h = s.cell().matrix();
                assertArrayEquals(new double[]{0, 0, 0, 0, 0, 0}, new double[]{h[1], h[2], h[3], h[5], h[6], h[7]}, 0, what + ": orthogonal");
                double expected = s.cell().volume() * atomsPerCube(t) / (A * A * A);
                assertEquals(expected, s.size(), 1e-9, what + ": N = V·n");
                for (int k = 0; k < 3; k++) {
                    // each edge is a·|[uvw]|/D with D = 1, 2 (or 3, 4 for no cubic lattice)
                    double ratio = A * Miller.length(Miller.reduced(o[k])) / s.cell().norm(k);
                    assertTrue(Math.abs(ratio - 1) < 1e-12 || Math.abs(ratio - 2) < 1e-12, what + " edge " + k + " ratio " + ratio);
                }
                assertEquals(s.size(), s.wrapped().size());
                for (int i = 0; i < s.size(); i++) {
                    double[] f = s.cell().toFractional(new double[]{s.position(i, 0), s.position(i, 1), s.position(i, 2)});
                    for (double v : f) {
                        assertTrue(v >= 0 && v < 1 - 1e-9, what + ": atom " + i + " fractional " + v);
                    }
                }
            }
        }
    }

    @Test
    void orientedCellsOfTheBrief() {
        double a = A;
        Structure bcc = Lattice.oriented(LatticeType.BCC, "Ta", a, new int[]{1, -1, 0}, new int[]{1, 1, -2}, new int[]{1, 1, 1});
        assertEquals(6, bcc.size());
        assertArrayEquals(new double[]{a * S2, a * S6, a * S3 / 2}, bcc.cell().lengths(), TOL);
        Structure fcc = Lattice.oriented(LatticeType.FCC, "Cu", a, new int[]{1, -1, 0}, new int[]{1, 1, -2}, new int[]{1, 1, 1});
        assertEquals(6, fcc.size());
        assertArrayEquals(new double[]{a / S2, a * S6 / 2, a * S3}, fcc.cell().lengths(), TOL);
        // B2 keeps the simple-cubic periods: the body centre holds the other species
        Structure b2 = Lattice.oriented(LatticeType.B2, new String[]{"Fe", "Al"}, a, new int[]{1, -1, 0}, new int[]{1, 1, -2}, new int[]{1, 1, 1});
        assertEquals(12, b2.size());
        assertArrayEquals(new double[]{a * S2, a * S6, a * S3}, b2.cell().lengths(), TOL);
        Structure dia = Lattice.oriented(LatticeType.DIAMOND, "Si", a, new int[]{1, -1, 0}, new int[]{1, 1, -2}, new int[]{1, 1, 1});
        assertEquals(12, dia.size());
        assertArrayEquals(new double[]{a / S2, a * S6 / 2, a * S3}, dia.cell().lengths(), TOL);
        Structure fcc110 = Lattice.oriented(LatticeType.FCC, "Cu", a, new int[]{1, 1, 0}, new int[]{-1, 1, 0}, new int[]{0, 0, 1});
        assertEquals(2, fcc110.size());
        assertEquals(a / S2, Lattice.period(LatticeType.FCC, new String[]{"Cu"}, a, new int[]{1, -1, 0}), TOL);
        assertEquals(a * S3 / 2, Lattice.period(LatticeType.BCC, new String[]{"Ta"}, a, new int[]{1, 1, 1}), TOL);
        assertEquals(a * S6 / 2, Lattice.period(LatticeType.FCC, new String[]{"Cu"}, a, new int[]{1, 1, -2}), TOL);
        assertEquals(a * S2, Lattice.period(LatticeType.BCC, new String[]{"Ta"}, a, new int[]{1, 1, 0}), TOL);
    }

    @Test
    void orientedCellIsTheRotatedCube() {
        for (LatticeType t : LatticeType.values()) {
            if (!t.cubic()) {
                continue;
            }
            Structure cube = Lattice.cubic(t, elements(t), A);
            double[] cf = cube.cell().toFractional(cube.positions());
            for (int[][] o : ORIENTATIONS) {
                Structure s = Lattice.oriented(t, elements(t), A, o[0], o[1], o[2]);
                String what = t.label() + " " + Miller.format(o[0]) + Miller.format(o[1]) + Miller.format(o[2]);
                // x, y, z unit vectors along the directions, built here from the indices
                double[][] e = new double[3][3];
                for (int i = 0; i < 3; i++) {
                    double n = Math.sqrt(o[i][0] * o[i][0] + o[i][1] * o[i][1] + o[i][2] * o[i][2]);
                    for (int k = 0; k < 3; k++) {
                        e[i][k] = o[i][k] / n;
                    }
                }
                for (int i = 0; i < s.size(); i++) {
                    // back to cube coordinates: v = Σ_k x_k e_k
                    double[] v = new double[3];
                    for (int k = 0; k < 3; k++) {
                        for (int c = 0; c < 3; c++) {
                            v[c] += s.position(i, k) * e[k][c];
                        }
                    }
                    boolean onSite = false;
                    for (int j = 0; j < cube.size() && !onSite; j++) {
                        if (cube.number(j) != s.number(i)) {
                            continue;
                        }
                        boolean all = true;
                        for (int c = 0; c < 3; c++) {
                            double d = v[c] / A - cf[3 * j + c];
                            all &= Math.abs(d - Math.rint(d)) < 1e-9;
                        }
                        onSite = all;
                    }
                    assertTrue(onSite, what + ": atom " + i + " is not on a cube site of its species");
                }
                // same neighbour shells per species pair (a lattice with the same sites and counts)
                for (int zi : cube.species()) {
                    for (int zj : cube.species()) {
                        assertEquals(shells(cube, 1.3 * A, zi, zj), shells(s, 1.3 * A, zi, zj), what);
                    }
                }
                assertEquals(A * A * A / atomsPerCube(t), s.cell().volume() / s.size(), 1e-9, what);
            }
        }
    }

    @Test
    void orientedCellIsMinimal() {
        // No shorter translation along an axis: L/2 … L/5 are not periods (D ≤ 4 for cubic lattices).
        for (LatticeType t : LatticeType.values()) {
            if (!t.cubic()) {
                continue;
            }
            for (int[][] o : ORIENTATIONS) {
                Structure s = Lattice.oriented(t, elements(t), A, o[0], o[1], o[2]);
                for (int k = 0; k < 3; k++) {
                    for (int d = 2; d <= 5; d++) {
                        double[] shift = new double[3];
                        shift[k] = s.cell().norm(k) / d;
                        assertFalse(isPeriodBruteForce(s, shift), t.label() + " edge " + k + "/" + d);
                    }
                    double[] full = new double[3];
                    full[k] = s.cell().norm(k);
                    assertTrue(isPeriodBruteForce(s, full));
                }
            }
        }
    }

    /** Every atom moved by t coincides with an atom of its species (images searched explicitly). */
    static boolean isPeriodBruteForce(Structure s, double[] t) {
        double[] l = s.cell().lengths();   // orthogonal cell
        for (int i = 0; i < s.size(); i++) {
            boolean found = false;
            for (int j = 0; j < s.size() && !found; j++) {
                if (s.number(i) != s.number(j)) {
                    continue;
                }
                boolean all = true;
                for (int k = 0; k < 3; k++) {
                    double d = (s.position(i, k) + t[k] - s.position(j, k)) / l[k];
                    all &= Math.abs(d - Math.rint(d)) < 1e-9;
                }
                found = all;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    @Test
    void rotationMapsDirectionsOntoAxes() {
        int[] x = {1, -1, 0}, y = {1, 1, -2}, z = {1, 1, 1};
        double[] r = Lattice.rotation(x, y, z);
        assertArrayEquals(Mat3.identity(), Mat3.mul(r, Mat3.transpose(r)), 1e-14);
        assertEquals(1, Mat3.det(r), 1e-14);
        // R·[111] = (0, 0, √3)
        double[] v = {r[0] + r[1] + r[2], r[3] + r[4] + r[5], r[6] + r[7] + r[8]};
        assertArrayEquals(new double[]{0, 0, S3}, v, 1e-14);
    }

    @Test
    void badOrientationsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                Lattice.oriented(LatticeType.BCC, "Ta", A, new int[]{1, 0, 0}, new int[]{1, 1, 0}, new int[]{0, 0, 1}));
        assertTrue(e.getMessage().contains("not orthogonal") && e.getMessage().contains("[100]") && e.getMessage().contains("[110]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                Lattice.oriented(LatticeType.BCC, "Ta", A, new int[]{1, -1, 0}, new int[]{1, 1, -2}, new int[]{-1, -1, -1}));
        assertTrue(e.getMessage().contains("left-handed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                Lattice.oriented(LatticeType.FCC, "Cu", A, new int[]{0, 0, 0}, new int[]{0, 1, 0}, new int[]{0, 0, 1}));
        assertTrue(e.getMessage().contains("zero"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                Lattice.oriented(LatticeType.FCC, "Cu", A, new int[]{1, 0, 0}, new int[]{0, 1, 0}, new int[]{0, 1, 1}));
        assertTrue(e.getMessage().contains("not orthogonal"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                Lattice.oriented(LatticeType.HCP, "Ti", A, new int[]{1, 0, 0}, new int[]{0, 1, 0}, new int[]{0, 0, 1}));
        assertTrue(e.getMessage().contains("cubic"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Lattice.oriented(LatticeType.B2, "Fe", A,
                new int[]{1, 0, 0}, new int[]{0, 1, 0}, new int[]{0, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Lattice.bcc("Ta", -1));
        assertThrows(IllegalArgumentException.class, () -> Lattice.bcc("Ta", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Lattice.bcc("Xx", A));
        // a cell that is not a period of the crystal
        e = assertThrows(IllegalArgumentException.class, () ->
                Lattice.fill(Lattice.bcc("Ta", A), Cell.orthorhombic(A, A, 0.7 * A)));
        assertTrue(e.getMessage().contains("not a translation"), e.getMessage());
    }

    @Test
    void fillCutsAnyPeriodicCell() {
        // bcc in a sheared cell (a, b + a/2 + c/2 ... ) spanned by lattice translations
        double a = A;
        Cell cell = Cell.periodic(new double[]{2 * a, 0, 0, a, 2 * a, 0, 0.5 * a, 0.5 * a, 1.5 * a});
        Structure s = Lattice.fill(Lattice.bcc("Ta", a), cell);
        assertEquals(2 * cell.volume() / (a * a * a), s.size(), 1e-9);
        assertEquals(shells(Lattice.bcc("Ta", a), 1.5 * a), shells(s, 1.5 * a));
    }

    // ---------------------------------------------------------------- parsing

    @Test
    void millerDirectionsParse() {
        assertArrayEquals(new int[]{1, -1, 0}, Miller.parse("[1-10]"));
        assertArrayEquals(new int[]{1, 1, -2}, Miller.parse("[11-2]"));
        assertArrayEquals(new int[]{1, -1, 0}, Miller.parse("1,-1,0"));
        assertArrayEquals(new int[]{-1, 1, 0}, Miller.parse("[-1 1 0]"));
        assertArrayEquals(new int[]{1, 1, 10}, Miller.parse("[1, 1, 10]"));
        assertArrayEquals(new int[]{1, 1, 1}, Miller.parse(" <111> "));
        assertArrayEquals(new int[]{-1, -1, -1}, Miller.parse("-1-1-1"));
        for (String bad : new String[]{"[1-1]", "[1 2]", "abc", "[1-1a]", "", "[000]", "1,2,3,4", "[1--10]", "[1.5 0 0]"}) {
            assertThrows(InputException.class, () -> Miller.parse(bad), bad);
        }
        assertEquals("[1-10]", Miller.format(new int[]{1, -1, 0}));
        assertEquals("[1 -1 10]", Miller.format(new int[]{1, -1, 10}));
        assertArrayEquals(new int[]{1, -1, 0}, Miller.parse(Miller.format(new int[]{1, -1, 0})));
        assertEquals(LatticeType.L12, LatticeType.parse("L1_2"));
        assertEquals(LatticeType.BCC, LatticeType.parse("BCC"));
        assertThrows(InputException.class, () -> LatticeType.parse("bct"));
    }

    @Test
    void buildersAreDeterministicAndOrderedByLayer() {
        Structure a = Lattice.oriented(LatticeType.FCC, "Cu", 3.615, new int[]{1, 1, 2}, new int[]{-1, 1, 0}, new int[]{-1, -1, 1});
        Structure b = Lattice.oriented(LatticeType.FCC, "Cu", 3.615, new int[]{1, 1, 2}, new int[]{-1, 1, 0}, new int[]{-1, -1, 1});
        assertArrayEquals(a.positions(), b.positions(), 0);
        for (int i = 1; i < a.size(); i++) {
            assertTrue(a.position(i, 2) >= a.position(i - 1, 2) - 1e-9, "sorted by z");
        }
        assertEquals(expect(3.615 / S2, 12), shells(a, 3.0));
    }
}
