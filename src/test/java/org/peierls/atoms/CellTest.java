package org.peierls.atoms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Cell geometry against independent formulas: s·H written out here, plane spacings from the
 * face normals, LAMMPS's box parameters from the manual's formulas applied to a box rotated by
 * a random proper rotation, and minimum images from a brute-force search over ±25 images.
 *
 * <p>Tolerances: cells are a few Å; round-off in 3×3 inversions and products is ~1e-15 relative,
 * so lengths are compared to 1e-10 Å and fractional coordinates to 1e-12 unless stated.</p>
 */
class CellTest {

    /** A random right-handed triclinic cell, edges 2–8 Å, tilts up to ±0.6 of the edge, randomly rotated. */
    static Cell randomCell(Random rnd) {
        double lx = 2 + 6 * rnd.nextDouble(), ly = 2 + 6 * rnd.nextDouble(), lz = 2 + 6 * rnd.nextDouble();
        double xy = (rnd.nextDouble() - 0.5) * 1.2 * lx, xz = (rnd.nextDouble() - 0.5) * 1.2 * lx, yz = (rnd.nextDouble() - 0.5) * 1.2 * ly;
        double[] hl = {lx, 0, 0, xy, ly, 0, xz, yz, lz};
        return Cell.periodic(Mat3.mul(hl, randomRotation(rnd)));
    }

    /** A uniformly random proper rotation from a random unit quaternion (row-major). */
    static double[] randomRotation(Random rnd) {
        double w = rnd.nextGaussian(), x = rnd.nextGaussian(), y = rnd.nextGaussian(), z = rnd.nextGaussian();
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        w /= n;
        x /= n;
        y /= n;
        z /= n;
        return new double[]{
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)};
    }

    @Test
    void fractionalAndCartesianRoundTrip() {
        Random rnd = new Random(11);
        for (int t = 0; t < 50; t++) {
            Cell cell = randomCell(rnd);
            double[] h = cell.matrix();
            double[] s = new double[60];
            for (int i = 0; i < s.length; i++) {
                s[i] = 6 * rnd.nextDouble() - 3;
            }
            double[] r = cell.toCartesian(s);
            for (int i = 0; i < 20; i++) {
                for (int k = 0; k < 3; k++) {
                    double expect = s[3 * i] * h[k] + s[3 * i + 1] * h[3 + k] + s[3 * i + 2] * h[6 + k];
                    assertEquals(expect, r[3 * i + k], 1e-12, "r = s·H");
                }
            }
            assertArrayEquals(s, cell.toFractional(r), 1e-12);
            assertArrayEquals(r, cell.toCartesian(cell.toFractional(r)), 1e-10);
        }
    }

    @Test
    void wrapPutsAtomsInsideByLatticeVectors() {
        Random rnd = new Random(12);
        for (int t = 0; t < 50; t++) {
            Cell cell = randomCell(rnd);
            double[] s = new double[90];
            for (int i = 0; i < s.length; i++) {
                s[i] = 8 * rnd.nextDouble() - 4;
            }
            s[0] = 0;                 // on a face
            s[1] = -1e-17;            // a hair below a face
            s[2] = 1 - 1e-17;         // a hair below the opposite face (rounds to 1.0 in the sum)
            double[] r = cell.toCartesian(s);
            double[] w = cell.wrap(r);
            double[] sw = cell.toFractional(w);
            for (int i = 0; i < sw.length; i++) {
                assertTrue(sw[i] >= -1e-12 && sw[i] < 1 + 1e-12, "fractional " + sw[i]);
                double shift = sw[i] - s[i];
                assertEquals(Math.rint(shift), shift, 1e-9, "moved by a whole lattice vector");
            }
            assertArrayEquals(w, cell.wrap(w), 0, "wrapping twice changes nothing");
        }
        // atoms inside are not touched at all
        Cell cell = Cell.orthorhombic(3, 4, 5);
        double[] inside = {0.1, 0.2, 0.3, 2.9999, 3.9999, 4.9999};
        assertArrayEquals(inside, cell.wrap(inside), 0);
    }

    @Test
    void wrapLeavesNonPeriodicDirectionsAlone() {
        Random rnd = new Random(13);
        Cell cell = randomCell(rnd).withPbc(new boolean[]{true, false, true});
        double[] s = {2.3, 5.7, -1.2, -0.4, -3.3, 0.5};
        double[] sw = cell.toFractional(cell.wrap(cell.toCartesian(s)));
        assertEquals(0.3, sw[0], 1e-12);
        assertEquals(5.7, sw[1], 1e-12);
        assertEquals(0.8, sw[2], 1e-12);
        assertEquals(0.6, sw[3], 1e-12);
        assertEquals(-3.3, sw[4], 1e-12);
        assertEquals(0.5, sw[5], 1e-12);

        // a slab whose non-periodic vector is zero: wrap works in the plane, z untouched
        Cell slab = new Cell(new double[]{3, 0, 0, 1, 2.5, 0, 0, 0, 0}, new boolean[]{true, true, false});
        assertFalse(slab.isRegular());
        double[] x = {7.2, -1.1, 13.5};
        double[] xw = slab.wrap(x);
        assertEquals(13.5, xw[2], 0);
        // fractional along a and b by hand: y = 2.5 s_b, x = 3 s_a + s_b
        double sb = xw[1] / 2.5, sa = (xw[0] - sb) / 3;
        assertTrue(sa >= 0 && sa < 1 && sb >= 0 && sb < 1, sa + " " + sb);
        double da = sa - (x[0] - x[1] / 2.5) / 3, db = sb - x[1] / 2.5;
        assertEquals(Math.rint(da), da, 1e-12);
        assertEquals(Math.rint(db), db, 1e-12);
    }

    @Test
    void perpendicularWidthsArePlaneSpacings() {
        Random rnd = new Random(14);
        for (int t = 0; t < 50; t++) {
            Cell cell = randomCell(rnd);
            double[] w = cell.perpendicularWidths();
            for (int k = 0; k < 3; k++) {
                double[] a = cell.vector(k), b = cell.vector((k + 1) % 3), c = cell.vector((k + 2) % 3);
                double[] n = Mat3.cross(b, c);
                double nn = Mat3.norm(n);
                assertEquals(Math.abs(Mat3.dot(a, n)) / nn, w[k], 1e-10, "distance between the faces");
                assertEquals(cell.volume() / nn, w[k], 1e-10);
                assertTrue(w[k] <= cell.norm(k) + 1e-12);
            }
        }
        assertArrayEquals(new double[]{3, 4, 5}, Cell.orthorhombic(3, 4, 5).perpendicularWidths(), 1e-15);
    }

    @Test
    void lammpsBoxOfARotatedCell() {
        Random rnd = new Random(15);
        for (int t = 0; t < 100; t++) {
            double lx = 2 + 6 * rnd.nextDouble(), ly = 2 + 6 * rnd.nextDouble(), lz = 2 + 6 * rnd.nextDouble();
            double xy = (rnd.nextDouble() - 0.5) * lx, xz = (rnd.nextDouble() - 0.5) * lx, yz = (rnd.nextDouble() - 0.5) * ly;
            double[] hl = {lx, 0, 0, xy, ly, 0, xz, yz, lz};
            Cell cell = Cell.periodic(Mat3.mul(hl, randomRotation(rnd)));
            LammpsBox box = cell.toLammpsBox();
            assertArrayEquals(new double[]{lx, ly, lz, xy, xz, yz},
                    new double[]{box.lx(), box.ly(), box.lz(), box.xy(), box.xz(), box.yz()}, 1e-10);
            double[] q = cell.rotationToLammps();
            assertArrayEquals(hl, Mat3.mul(cell.matrix(), q), 1e-10, "H·Q = lower-triangular box");
            assertArrayEquals(Mat3.identity(), Mat3.mul(q, Mat3.transpose(q)), 1e-12, "Q orthogonal");
            assertEquals(1, Mat3.det(q), 1e-12, "proper rotation");
            Cell back = box.toCell(new boolean[]{true, true, true});
            assertTrue(back.isLammpsForm());
            assertArrayEquals(cell.lengths(), back.lengths(), 1e-10);
            assertArrayEquals(cell.angles(), back.angles(), 1e-8);
            assertEquals(cell.volume(), back.volume(), 1e-9);
        }
        Cell already = Cell.periodic(new double[]{3, 0, 0, 1, 4, 0, -0.5, 0.7, 5});
        assertTrue(already.isLammpsForm());
        assertArrayEquals(Mat3.identity(), already.rotationToLammps(), 1e-15);
        assertFalse(Cell.periodic(new double[]{3, 0.1, 0, 1, 4, 0, 0, 0, 5}).isLammpsForm());
    }

    @Test
    void leftHandedCellIsRejectedForLammps() {
        Cell left = Cell.periodic(new double[]{3, 0, 0, 0, 0, 5, 0, 4, 0});
        assertTrue(left.determinant() < 0);
        assertEquals(60, left.volume(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, left::toLammpsBox);
        assertTrue(e.getMessage().contains("left-handed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, left::rotationToLammps);
    }

    @Test
    void lammpsBoundsRoundTrip() {
        // The manual's example numbers: xlo_bound = xlo + min(0, xy, xz, xy + xz) etc.
        LammpsBox box = new LammpsBox(0, 1, 2, 10, 8, 6, 1, -2, 0.5);
        assertArrayEquals(new double[]{-2, 11, 1, 9.5}, box.bounds(), 1e-15);
        Random rnd = new Random(16);
        for (int t = 0; t < 100; t++) {
            LammpsBox b = new LammpsBox(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(),
                    1 + 5 * rnd.nextDouble(), 1 + 5 * rnd.nextDouble(), 1 + 5 * rnd.nextDouble(),
                    rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian());
            double[] bd = b.bounds();
            LammpsBox r = LammpsBox.fromBounds(bd[0], bd[1], bd[2], bd[3], b.zlo(), b.zhi(), b.xy(), b.xz(), b.yz());
            assertArrayEquals(new double[]{b.xlo(), b.ylo(), b.zlo(), b.lx(), b.ly(), b.lz()},
                    new double[]{r.xlo(), r.ylo(), r.zlo(), r.lx(), r.ly(), r.lz()}, 1e-12);
            assertEquals(b.triclinic(), r.triclinic());
        }
    }

    /** Shortest d + n·H over every n in [−25, 25]³ (only periodic directions shifted). */
    static double[] bruteMinimumImage(Cell cell, double[] d) {
        double best = Double.MAX_VALUE;
        double[] out = null;
        int ra = cell.periodic(0) ? 25 : 0, rb = cell.periodic(1) ? 25 : 0, rc = cell.periodic(2) ? 25 : 0;
        for (int a = -ra; a <= ra; a++) {
            for (int b = -rb; b <= rb; b++) {
                for (int c = -rc; c <= rc; c++) {
                    double[] v = new double[3];
                    for (int k = 0; k < 3; k++) {
                        v[k] = d[k] + a * cell.get(0, k) + b * cell.get(1, k) + c * cell.get(2, k);
                    }
                    double r2 = Mat3.dot(v, v);
                    if (r2 < best) {
                        best = r2;
                        out = v;
                    }
                }
            }
        }
        return out;
    }

    @Test
    void minimumImageMatchesBruteForceOnSkewedCells() {
        // the case a ±1 search after rounding gets wrong: b = 5a + ŷ, d = ŷ/2
        Cell sheared = Cell.periodic(new double[]{1, 0, 0, 5, 1, 0, 0, 0, 1});
        double[] d = {0, 0.5, 0};
        sheared.minimumImage(d);
        assertArrayEquals(new double[]{0, 0.5, 0}, d, 1e-14);

        Random rnd = new Random(17);
        for (int t = 0; t < 40; t++) {
            // strongly skewed: b and c tilted by up to ±4 edges of a
            double lx = 1 + 3 * rnd.nextDouble(), ly = 1 + 3 * rnd.nextDouble(), lz = 1 + 3 * rnd.nextDouble();
            double[] hl = {lx, 0, 0, (rnd.nextDouble() - 0.5) * 8 * lx, ly, 0,
                           (rnd.nextDouble() - 0.5) * 8 * lx, (rnd.nextDouble() - 0.5) * 8 * ly, lz};
            boolean[] pbc = {rnd.nextBoolean() || t < 20, rnd.nextBoolean() || t < 20, true};
            Cell cell = new Cell(Mat3.mul(hl, randomRotation(rnd)), pbc);
            for (int q = 0; q < 10; q++) {
                double[] s = {4 * rnd.nextDouble() - 2, 4 * rnd.nextDouble() - 2, 4 * rnd.nextDouble() - 2};
                double[] v = cell.toCartesian(s);
                double[] expect = bruteMinimumImage(cell, v);
                double[] got = v.clone();
                cell.minimumImage(got);
                assertEquals(Mat3.norm(expect), Mat3.norm(got), 1e-10, "cell " + t + " query " + q);
                double[] shift = cell.toFractional(new double[]{got[0] - v[0], got[1] - v[1], got[2] - v[2]});
                for (int k = 0; k < 3; k++) {
                    assertEquals(Math.rint(shift[k]), shift[k], 1e-9, "image differs by lattice vectors");
                    if (!pbc[k]) {
                        assertEquals(0, shift[k], 1e-9, "no shift along a non-periodic direction");
                    }
                }
            }
        }
        // a slab with a zero non-periodic vector
        Cell slab = new Cell(new double[]{2, 0, 0, 7, 1.5, 0, 0, 0, 0}, new boolean[]{true, true, false});
        for (int q = 0; q < 50; q++) {
            double[] v = {10 * rnd.nextDouble() - 5, 10 * rnd.nextDouble() - 5, rnd.nextGaussian()};
            double[] got = v.clone();
            slab.minimumImage(got);
            assertEquals(Mat3.norm(bruteMinimumImage(slab, v)), Mat3.norm(got), 1e-10);
            assertEquals(v[2], got[2], 0);
        }
    }

    @Test
    void deformationAndRepetition() {
        Random rnd = new Random(18);
        Cell cell = randomCell(rnd);
        double[] f = new double[9];
        for (int i = 0; i < 9; i++) {
            f[i] = (i % 4 == 0 ? 1 : 0) + 0.1 * rnd.nextGaussian();
        }
        Cell def = cell.deformed(f);
        for (int i = 0; i < 3; i++) {
            double[] a = cell.vector(i);
            for (int k = 0; k < 3; k++) {
                double expect = f[3 * k] * a[0] + f[3 * k + 1] * a[1] + f[3 * k + 2] * a[2];
                assertEquals(expect, def.get(i, k), 1e-12, "a' = F a");
            }
        }
        assertEquals(cell.volume() * Math.abs(Mat3.det(f)), def.volume(), 1e-9);
        Cell rep = cell.repeated(2, 3, 4);
        assertArrayEquals(new double[]{2 * cell.norm(0), 3 * cell.norm(1), 4 * cell.norm(2)}, rep.lengths(), 1e-12);
        assertEquals(24 * cell.volume(), rep.volume(), 1e-9);
    }

    @Test
    void invalidCellsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Cell.periodic(new double[]{1, 0, 0, 0, Double.NaN, 0, 0, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Cell.periodic(new double[]{1, 0, 0, 0, 1, 0, 1, 1, 0}), "zero volume");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Cell(new double[]{1, 0, 0, 0, 0, 0, 0, 0, 0}, new boolean[]{true, true, false}));
        assertTrue(e.getMessage().contains("zero"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Cell(new double[]{1, 0, 0, 2, 0, 0, 0, 0, 0}, new boolean[]{true, true, false}));
        assertTrue(e.getMessage().contains("parallel"), e.getMessage());
        // an isolated molecule has no cell at all
        Cell none = new Cell(new double[9], new boolean[3]);
        assertFalse(none.isRegular());
        double[] d = {5, 6, 7};
        none.minimumImage(d);
        assertArrayEquals(new double[]{5, 6, 7}, d, 0);
        assertArrayEquals(new double[]{5, 6, 7}, none.wrap(new double[]{5, 6, 7}), 0);
        assertThrows(IllegalStateException.class, () -> none.toFractional(new double[]{1, 2, 3}));
    }
}
