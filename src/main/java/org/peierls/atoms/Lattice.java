package org.peierls.atoms;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Builders of perfect crystals: conventional cells of the cubic lattices (sc, bcc, fcc, diamond,
 * B2, L1₂) and of hcp, primitive cells, cubic crystals in orthogonal cells oriented along three
 * Miller directions, and the general operation behind them all, {@link #fill}: the atoms of a
 * periodic crystal inside any cell that is a period of it.
 *
 * <p>Lengths are in Å. Use {@link Structure#repeat} for supercells, e.g.
 * {@code Lattice.bcc("Ta", 3.316).repeat(4, 4, 4)}.</p>
 */
public final class Lattice {

    /**
     * Tolerance on fractional coordinates when deciding whether a site lies in [0, 1): sites
     * within it of a face are put on the face at 0 and their image at 1 is dropped.
     */
    public static final double FRACTIONAL_TOLERANCE = 1e-8;

    /** Largest distance (Å) between an atom moved by a candidate translation and an atom of the crystal. */
    public static final double TRANSLATION_TOLERANCE = 1e-6;

    /** The ideal hcp axial ratio c/a = √(8/3) ≈ 1.633 (touching hard spheres). */
    public static final double IDEAL_C_OVER_A = Math.sqrt(8.0 / 3.0);

    private Lattice() {
    }

    /** Simple cubic, 1 atom in a cube of edge {@code a} (Å). */
    public static Structure sc(String element, double a) {
        return cubic(LatticeType.SC, new String[]{element}, a);
    }

    /** Body-centred cubic conventional cell, 2 atoms, edge {@code a} (Å); e.g. {@code bcc("Ta", 3.316)}. */
    public static Structure bcc(String element, double a) {
        return cubic(LatticeType.BCC, new String[]{element}, a);
    }

    /** Face-centred cubic conventional cell, 4 atoms, edge {@code a} (Å). */
    public static Structure fcc(String element, double a) {
        return cubic(LatticeType.FCC, new String[]{element}, a);
    }

    /** Diamond conventional cell, 8 atoms, edge {@code a} (Å); e.g. {@code diamond("Si", 5.431)}. */
    public static Structure diamond(String element, double a) {
        return cubic(LatticeType.DIAMOND, new String[]{element}, a);
    }

    /** B2 (CsCl) cell of edge {@code a0} (Å): element {@code a} at (0,0,0), {@code b} at (½,½,½). */
    public static Structure b2(String a, String b, double a0) {
        return cubic(LatticeType.B2, new String[]{a, b}, a0);
    }

    /**
     * L1₂ (Cu₃Au) cell A₃B of edge {@code a0} (Å): {@code b} at the corner, {@code a} at the three
     * face centres; e.g. {@code l12("Ni", "Al", 3.57)} is Ni₃Al.
     */
    public static Structure l12(String a, String b, double a0) {
        return cubic(LatticeType.L12, new String[]{a, b}, a0);
    }

    /** Hexagonal close-packed cell with the ideal axial ratio c = √(8/3)·a. */
    public static Structure hcp(String element, double a) {
        return hcp(element, a, IDEAL_C_OVER_A * a);
    }

    /**
     * Hexagonal close-packed cell, 2 atoms: a₁ = (a, 0, 0), a₂ = (−a/2, a√3/2, 0), c = (0, 0, c),
     * atoms at fractional (⅓, ⅔, ¼) and (⅔, ⅓, ¾).
     *
     * @param a in-plane lattice constant, Å
     * @param c height of the cell along the six-fold axis, Å
     */
    public static Structure hcp(String element, double a, double c) {
        positive("a", a);
        positive("c", c);
        int z = Element.number(element);
        Cell cell = Cell.periodic(new double[]{a, 0, 0, -0.5 * a, 0.5 * Math.sqrt(3) * a, 0, 0, 0, c});
        double[] s = {1.0 / 3, 2.0 / 3, 0.25, 2.0 / 3, 1.0 / 3, 0.75};
        return new Structure(cell, new int[]{z, z}, cell.toCartesian(s));
    }

    /**
     * The hcp crystal in its orthogonal (orthohexagonal) cell a × a√3 × c with 4 atoms:
     * x along [2-1-10], y along [01-10], z along [0001].
     */
    public static Structure hcpOrthogonal(String element, double a, double c) {
        return fill(hcp(element, a, c), Cell.orthorhombic(a, Math.sqrt(3) * a, c));
    }

    /**
     * The conventional cubic cell of a cubic lattice type.
     *
     * @param elements one symbol, or two for B2 and L1₂ (first = A, second = B)
     * @param a        cube edge, Å
     * @throws IllegalArgumentException for HCP, a wrong number of elements, an unknown symbol or
     *                                  a non-positive lattice constant
     */
    public static Structure cubic(LatticeType type, String[] elements, double a) {
        if (!type.cubic()) {
            throw new IllegalArgumentException(type.label() + " has no cubic cell: use Lattice.hcp(element, a, c)");
        }
        positive("a", a);
        int[] species = species(type, elements);
        double[][] sites = type.cubeSites();
        int[] sub = type.cubeSublattice();
        int n = sites.length;
        int[] z = new int[n];
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            z[i] = species[sub[i]];
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = a * sites[i][k];
            }
        }
        return new Structure(Cell.orthorhombic(a, a, a), z, x);
    }

    /** The bcc primitive cell (1 atom): a/2·(−1,1,1), a/2·(1,−1,1), a/2·(1,1,−1). */
    public static Structure bccPrimitive(String element, double a) {
        return primitive(LatticeType.BCC, new String[]{element}, a);
    }

    /** The fcc primitive cell (1 atom): a/2·(0,1,1), a/2·(1,0,1), a/2·(1,1,0). */
    public static Structure fccPrimitive(String element, double a) {
        return primitive(LatticeType.FCC, new String[]{element}, a);
    }

    /**
     * The primitive cell of a lattice type: the bcc vectors for BCC, the fcc vectors for FCC and
     * DIAMOND (2 atoms), the cube for SC, B2 and L1₂ (their Bravais lattice is simple cubic), the
     * hexagonal cell with ideal c/a for HCP.
     */
    public static Structure primitive(LatticeType type, String[] elements, double a) {
        double h = 0.5 * a;
        switch (type) {
            case BCC:
                return fill(cubic(type, elements, a), Cell.periodic(new double[]{-h, h, h, h, -h, h, h, h, -h}));
            case FCC:
            case DIAMOND:
                return fill(cubic(type, elements, a), Cell.periodic(new double[]{0, h, h, h, 0, h, h, h, 0}));
            case HCP:
                if (elements == null || elements.length != 1) {
                    throw new IllegalArgumentException("hcp takes 1 element, got " + (elements == null ? 0 : elements.length));
                }
                return hcp(elements[0], a);
            default:
                return cubic(type, elements, a);
        }
    }

    /** {@link #oriented(LatticeType, String[], double, int[], int[], int[])} for a one-element lattice. */
    public static Structure oriented(LatticeType type, String element, double a, int[] x, int[] y, int[] z) {
        return oriented(type, new String[]{element}, a, x, y, z);
    }

    /**
     * A cubic crystal in the smallest orthogonal periodic cell whose edges run along the Miller
     * directions {@code x}, {@code y}, {@code z} (indices in the conventional cube): the cell
     * vectors are (L₁,0,0), (0,L₂,0), (0,0,L₃) with L = a·|[uvw]|/D, where D is the largest
     * integer for which [uvw]/D is a translation of the crystal (e.g. bcc [111]: L = a√3/2;
     * fcc [1-10]: L = a/√2; B2 [111]: L = a√3, as the body centre holds the other species).
     * A vector v in cube coordinates appears in the cell as {@code R·v} with R = {@link #rotation}.
     *
     * <p>Example: {@code oriented(BCC, {"Ta"}, 3.316, [1-10], [11-2], [111])} has 6 atoms in
     * a√2 × a√6 × a√3/2.</p>
     *
     * @throws IllegalArgumentException when the type is HCP, a direction is zero, two directions
     *                                  are not orthogonal, or the set is left-handed (x × y must
     *                                  point along +z)
     */
    public static Structure oriented(LatticeType type, String[] elements, double a, int[] x, int[] y, int[] z) {
        if (!type.cubic()) {
            throw new IllegalArgumentException("oriented cells are built for cubic lattices only, not " + type.label()
                    + " (use Lattice.hcpOrthogonal for x=[2-1-10], y=[01-10], z=[0001])");
        }
        checkDirections(x, y, z);
        Structure cube = cubic(type, elements, a);
        int[][] dirs = {x, y, z};
        double[] h = new double[9];
        double[] len = new double[3];
        for (int i = 0; i < 3; i++) {
            int[] u = Miller.reduced(dirs[i]);
            int d = periodDivisor(cube, u, a);
            for (int k = 0; k < 3; k++) {
                h[3 * i + k] = a * u[k] / d;
            }
            len[i] = a * Miller.length(u) / d;
        }
        Cut cut = cut(cube, Cell.periodic(h));
        // The cell rows are orthogonal and right-handed, so keeping the fractional coordinates
        // while replacing them by (L1,0,0), (0,L2,0), (0,0,L3) is the rotation R.
        Cell ortho = Cell.orthorhombic(len[0], len[1], len[2]);
        return cut.structure(cube, ortho);
    }

    /**
     * The period of a cubic crystal along a direction, Å: the length of the shortest translation
     * parallel to [uvw].
     */
    public static double period(LatticeType type, String[] elements, double a, int[] direction) {
        if (!type.cubic()) {
            throw new IllegalArgumentException("period() takes a cubic lattice, not " + type.label());
        }
        int[] u = Miller.reduced(direction);
        return a * Miller.length(u) / periodDivisor(cubic(type, elements, a), u, a);
    }

    /** Largest D ≤ atoms per cube for which a·u/D is a translation (D divides the centring order). */
    private static int periodDivisor(Structure cube, int[] u, double a) {
        for (int d = cube.size(); d > 1; d--) {
            double[] t = {a * u[0] / d, a * u[1] / d, a * u[2] / d};
            if (isTranslation(cube, t)) {
                return d;
            }
        }
        return 1;
    }

    /**
     * The rotation taking cube coordinates into the frame of {@link #oriented}: row-major, its rows
     * are the unit vectors along x, y and z, so a column vector v becomes {@code R·v}.
     */
    public static double[] rotation(int[] x, int[] y, int[] z) {
        checkDirections(x, y, z);
        int[][] dirs = {x, y, z};
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            double n = Miller.length(dirs[i]);
            for (int k = 0; k < 3; k++) {
                r[3 * i + k] = dirs[i][k] / n;
            }
        }
        return r;
    }

    /**
     * Checks that three directions are non-zero, mutually orthogonal and right-handed.
     *
     * @throws IllegalArgumentException naming the offending directions
     */
    public static void checkDirections(int[] x, int[] y, int[] z) {
        int[][] dirs = {x, y, z};
        String names = "xyz";
        for (int i = 0; i < 3; i++) {
            if (dirs[i] == null || dirs[i].length != 3) {
                throw new IllegalArgumentException("direction " + names.charAt(i) + " needs three Miller indices");
            }
            if (dirs[i][0] == 0 && dirs[i][1] == 0 && dirs[i][2] == 0) {
                throw new IllegalArgumentException("direction " + names.charAt(i) + " = [000] is zero");
            }
        }
        for (int i = 0; i < 3; i++) {
            int j = (i + 1) % 3;
            int p = Math.min(i, j), q = Math.max(i, j);
            long dot = Miller.dot(dirs[p], dirs[q]);
            if (dot != 0) {
                throw new IllegalArgumentException("directions " + names.charAt(p) + " = " + Miller.format(dirs[p]) + " and "
                        + names.charAt(q) + " = " + Miller.format(dirs[q]) + " are not orthogonal (dot product " + dot + ")");
            }
        }
        long[] c = Miller.cross(x, y);
        long triple = c[0] * z[0] + c[1] * z[1] + c[2] * z[2];
        if (triple < 0) {
            throw new IllegalArgumentException("directions x = " + Miller.format(x) + ", y = " + Miller.format(y) + ", z = "
                    + Miller.format(z) + " are left-handed: x × y = [" + c[0] + " " + c[1] + " " + c[2]
                    + "] points along −z (use z = " + Miller.format(new int[]{-z[0], -z[1], -z[2]}) + ")");
        }
    }

    /**
     * True when translating every atom of the periodic {@code crystal} by {@code t} (Å) lands on an
     * atom of the same element (within {@link #TRANSLATION_TOLERANCE}), i.e. t is a symmetry
     * translation. O(N²): meant for unit cells.
     */
    public static boolean isTranslation(Structure crystal, double[] t) {
        Cell cell = crystal.cell();
        double[] x = crystal.positions();
        int n = crystal.size();
        double[] d = new double[3];
        for (int i = 0; i < n; i++) {
            boolean found = false;
            for (int j = 0; j < n && !found; j++) {
                if (crystal.number(j) != crystal.number(i)) {
                    continue;
                }
                for (int k = 0; k < 3; k++) {
                    d[k] = x[3 * i + k] + t[k] - x[3 * j + k];
                }
                cell.minimumImage(d);
                found = Math.sqrt(Mat3.dot(d, d)) < TRANSLATION_TOLERANCE;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * The atoms of the periodic crystal {@code crystal} inside {@code cell}: every site whose
     * fractional coordinates in the new cell lie in [0, 1) (with {@link #FRACTIONAL_TOLERANCE}),
     * ordered by fractional z, then y, then x. Masses are carried over. The Cartesian frame is
     * that of the crystal.
     *
     * @param crystal a fully periodic structure (e.g. a conventional cell)
     * @param cell    a fully periodic cell whose three vectors are translations of the crystal
     * @return a structure with N_crystal·V_cell/V_crystal atoms
     * @throws IllegalArgumentException when a cell vector is not a translation of the crystal
     */
    public static Structure fill(Structure crystal, Cell cell) {
        return cut(crystal, cell).structure(crystal, cell);
    }

    /** Sites found by {@link #cut}: index of the crystal atom and fractional coordinates in the new cell. */
    private record Cut(int[] source, double[] s) {
        Structure structure(Structure crystal, Cell cell) {
            int n = source.length;
            int[] z = new int[n];
            double[] m = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = crystal.number(source[i]);
                m[i] = crystal.mass(source[i]);
            }
            return new Structure(cell, z, cell.toCartesian(s), m, null);
        }
    }

    private static Cut cut(Structure crystal, Cell cell) {
        Cell unit = crystal.cell();
        if (!unit.fullyPeriodic() || !unit.isRegular()) {
            throw new IllegalArgumentException("the crystal to fill a cell with must be fully periodic");
        }
        if (!cell.fullyPeriodic() || !cell.isRegular()) {
            throw new IllegalArgumentException("the cell to fill must be fully periodic with three independent vectors");
        }
        for (int i = 0; i < 3; i++) {
            if (!isTranslation(crystal, cell.vector(i))) {
                throw new IllegalArgumentException("cell vector " + "abc".charAt(i) + " = " + Arrays.toString(cell.vector(i))
                        + " is not a translation of the crystal " + crystal.formula());
            }
        }
        double exact = crystal.size() * cell.volume() / unit.volume();
        long expected = Math.round(exact);
        if (Math.abs(exact - expected) > 1e-6 * Math.max(1, exact) || expected > Integer.MAX_VALUE / 3) {
            throw new IllegalArgumentException("the cell holds " + exact + " atoms of " + crystal.formula() + ", not a whole number");
        }
        int n = crystal.size();
        double[] f = unit.toFractional(crystal.positions());
        double[] uh = unit.matrix();
        double[] hinv = cell.inverse();
        // Range of crystal-image indices whose sites can fall in the cell: the cell's corners in
        // crystal fractional coordinates, widened by the spread of the atoms' own coordinates.
        double[] m = Mat3.mul(cell.matrix(), unit.inverse());
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int k = 0; k < 3; k++) {
            double cmin = 0, cmax = 0;
            for (int corner = 1; corner < 8; corner++) {
                double v = 0;
                for (int i = 0; i < 3; i++) {
                    if ((corner >> i & 1) == 1) {
                        v += m[3 * i + k];
                    }
                }
                cmin = Math.min(cmin, v);
                cmax = Math.max(cmax, v);
            }
            double fmin = Double.POSITIVE_INFINITY, fmax = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                fmin = Math.min(fmin, f[3 * j + k]);
                fmax = Math.max(fmax, f[3 * j + k]);
            }
            lo[k] = (int) Math.floor(cmin - fmax) - 1;
            hi[k] = (int) Math.ceil(cmax - fmin) + 1;
        }
        int cap = (int) expected;
        int[] src = new int[cap];
        double[] s = new double[3 * cap];
        int count = 0;
        double tol = FRACTIONAL_TOLERANCE;
        Set<Long> seen = new HashSet<>();
        double[] q = new double[3];
        for (int a = lo[0]; a <= hi[0]; a++) {
            for (int b = lo[1]; b <= hi[1]; b++) {
                for (int c = lo[2]; c <= hi[2]; c++) {
                    for (int j = 0; j < n; j++) {
                        double fa = f[3 * j] + a, fb = f[3 * j + 1] + b, fc = f[3 * j + 2] + c;
                        double x = fa * uh[0] + fb * uh[3] + fc * uh[6];
                        double y = fa * uh[1] + fb * uh[4] + fc * uh[7];
                        double zz = fa * uh[2] + fb * uh[5] + fc * uh[8];
                        boolean inside = true;
                        for (int k = 0; k < 3; k++) {
                            q[k] = x * hinv[k] + y * hinv[3 + k] + zz * hinv[6 + k];
                            if (q[k] < -tol || q[k] >= 1 - tol) {
                                inside = false;
                                break;
                            }
                            if (q[k] < 0) {
                                q[k] = 0; // on the face at 0, within the tolerance
                            }
                        }
                        if (!inside) {
                            continue;
                        }
                        // Duplicate sites (two crystal atoms on one site modulo the lattice) would
                        // give equal keys; with well-separated sites rounding never merges two.
                        long key = (Math.round(q[0] * 1e6) * 2_000_003L + Math.round(q[1] * 1e6)) * 2_000_003L + Math.round(q[2] * 1e6);
                        if (!seen.add(key)) {
                            continue;
                        }
                        if (count == cap) {
                            throw new IllegalStateException("more than the expected " + expected + " sites in the cell: "
                                    + "the crystal has atoms on top of each other");
                        }
                        src[count] = j;
                        System.arraycopy(q, 0, s, 3 * count, 3);
                        count++;
                    }
                }
            }
        }
        if (count != expected) {
            throw new IllegalStateException("found " + count + " sites in the cell, expected " + expected
                    + " = N·V/V0 (crystal " + crystal.formula() + ")");
        }
        // Order by z, then y, then x fractional coordinate (layers along the third vector).
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> {
            for (int k = 2; k >= 0; k--) {
                double d = s[3 * i + k] - s[3 * j + k];
                if (Math.abs(d) > 1e-6) {
                    return d < 0 ? -1 : 1;
                }
            }
            return Integer.compare(i, j);
        });
        int[] src2 = new int[count];
        double[] s2 = new double[3 * count];
        for (int i = 0; i < count; i++) {
            int o = order[i];
            src2[i] = src[o];
            System.arraycopy(s, 3 * o, s2, 3 * i, 3);
        }
        return new Cut(src2, s2);
    }

    private static int[] species(LatticeType type, String[] elements) {
        int need = type.elements();
        if (elements == null || elements.length != need) {
            throw new IllegalArgumentException(type.label() + " takes " + need + (need == 1 ? " element" : " elements")
                    + ", got " + (elements == null ? 0 : elements.length)
                    + (elements == null ? "" : " " + Arrays.toString(elements)));
        }
        int[] z = new int[need];
        for (int i = 0; i < need; i++) {
            z[i] = Element.number(elements[i]);
        }
        return z;
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("lattice constant " + name + " must be positive and finite, got " + v);
        }
    }
}
