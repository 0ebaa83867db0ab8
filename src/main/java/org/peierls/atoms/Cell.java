package org.peierls.atoms;

import java.util.Arrays;

/**
 * A simulation cell: three lattice row vectors a, b, c (general triclinic, Å) and a periodic
 * flag per direction. Immutable.
 *
 * <p>Cartesian positions are row vectors {@code r = s·H}, where {@code s} are the fractional
 * coordinates and {@code H} the 3×3 matrix whose rows are a, b and c. A non-periodic direction may
 * have a zero vector (an isolated molecule has no cell); {@link #volume()} is then 0 and
 * fractional coordinates are not defined for it.</p>
 */
public final class Cell {

    private final double[] h;      // row-major, rows a, b, c
    private final boolean[] pbc;
    private final double[] inv;    // inverse of h (row-major), null when singular

    /**
     * @param h   nine numbers, row-major: ax ay az bx by bz cx cy cz (Å); copied
     * @param pbc three periodic flags; copied
     * @throws IllegalArgumentException when a value is not finite, or a periodic direction has a
     *                                  zero or dependent lattice vector
     */
    public Cell(double[] h, boolean[] pbc) {
        if (h.length != 9 || pbc.length != 3) {
            throw new IllegalArgumentException("a cell needs 9 matrix elements and 3 periodic flags");
        }
        for (double v : h) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("cell matrix has a non-finite element: " + Arrays.toString(h));
            }
        }
        this.h = h.clone();
        this.pbc = pbc.clone();
        double det = Mat3.det(this.h);
        double scale = Math.max(1e-300, norm(0) * norm(1) * norm(2));
        if (Math.abs(det) > 1e-12 * scale && scale > 1e-300) {
            this.inv = Mat3.inverse(this.h);
        } else {
            this.inv = null;
            if (pbc[0] || pbc[1] || pbc[2]) {
                for (int k = 0; k < 3; k++) {
                    if (pbc[k] && norm(k) == 0) {
                        throw new IllegalArgumentException("cell vector " + "abc".charAt(k) + " is zero but periodic");
                    }
                }
                if (pbc[0] && pbc[1] && pbc[2]) {
                    throw new IllegalArgumentException("periodic cell has zero volume: " + Arrays.toString(h));
                }
            }
        }
    }

    /** A fully periodic cell from its three row vectors. */
    public static Cell of(double[] a, double[] b, double[] c) {
        return new Cell(new double[]{a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2]}, new boolean[]{true, true, true});
    }

    /** A fully periodic orthorhombic cell lx × ly × lz (Å). */
    public static Cell orthorhombic(double lx, double ly, double lz) {
        return new Cell(new double[]{lx, 0, 0, 0, ly, 0, 0, 0, lz}, new boolean[]{true, true, true});
    }

    /** A fully periodic cell from a row-major matrix. */
    public static Cell periodic(double[] h) {
        return new Cell(h, new boolean[]{true, true, true});
    }

    /** The same vectors with other periodic flags. */
    public Cell withPbc(boolean[] newPbc) {
        return new Cell(h, newPbc);
    }

    /** The cell matrix, row-major (rows a, b, c); a copy. */
    public double[] matrix() {
        return h.clone();
    }

    /** Element {@code k} (0..2 for x, y, z) of lattice vector {@code i} (0..2 for a, b, c). */
    public double get(int i, int k) {
        return h[3 * i + k];
    }

    /** Lattice vector {@code i} (0 = a, 1 = b, 2 = c); a copy. */
    public double[] vector(int i) {
        return new double[]{h[3 * i], h[3 * i + 1], h[3 * i + 2]};
    }

    /** The periodic flags (a copy). */
    public boolean[] pbc() {
        return pbc.clone();
    }

    public boolean periodic(int k) {
        return pbc[k];
    }

    public boolean fullyPeriodic() {
        return pbc[0] && pbc[1] && pbc[2];
    }

    /** True when every lattice vector is non-zero and independent (fractional coordinates exist). */
    public boolean isRegular() {
        return inv != null;
    }

    /** Length of lattice vector {@code i}, Å. */
    public double norm(int i) {
        return Math.sqrt(h[3 * i] * h[3 * i] + h[3 * i + 1] * h[3 * i + 1] + h[3 * i + 2] * h[3 * i + 2]);
    }

    /** Lengths |a|, |b|, |c| (Å). */
    public double[] lengths() {
        return new double[]{norm(0), norm(1), norm(2)};
    }

    /** Angles α (b,c), β (a,c), γ (a,b) in degrees. */
    public double[] angles() {
        return new double[]{angle(1, 2), angle(0, 2), angle(0, 1)};
    }

    private double angle(int i, int j) {
        double dot = h[3 * i] * h[3 * j] + h[3 * i + 1] * h[3 * j + 1] + h[3 * i + 2] * h[3 * j + 2];
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot / (norm(i) * norm(j))))));
    }

    /** Signed determinant of the cell matrix (positive for a right-handed cell), Å³. */
    public double determinant() {
        return Mat3.det(h);
    }

    /** Cell volume |det H|, Å³ (0 for a cell without three independent vectors). */
    public double volume() {
        return Math.abs(Mat3.det(h));
    }

    /** The inverse cell matrix (row-major; columns are the reciprocal vectors without 2π); a copy. */
    public double[] inverse() {
        requireRegular();
        return inv.clone();
    }

    /**
     * Perpendicular widths: the distance between the two faces of the cell spanned by the other
     * two vectors, {@code V / |b × c|} etc. (Å). A sphere of radius r fits in the cell iff
     * every width ≥ 2r.
     */
    public double[] perpendicularWidths() {
        double[] w = new double[3];
        double vol = volume();
        for (int k = 0; k < 3; k++) {
            int i = (k + 1) % 3, j = (k + 2) % 3;
            double[] c = Mat3.cross(vector(i), vector(j));
            double area = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
            w[k] = area == 0 ? 0 : vol / area;
        }
        return w;
    }

    /** Fractional coordinates of flat Cartesian positions {@code [3N]}; returns a new {@code [3N]} array. */
    public double[] toFractional(double[] cartesian) {
        requireRegular();
        double[] s = new double[cartesian.length];
        for (int i = 0; i < cartesian.length; i += 3) {
            double x = cartesian[i], y = cartesian[i + 1], z = cartesian[i + 2];
            s[i] = x * inv[0] + y * inv[3] + z * inv[6];
            s[i + 1] = x * inv[1] + y * inv[4] + z * inv[7];
            s[i + 2] = x * inv[2] + y * inv[5] + z * inv[8];
        }
        return s;
    }

    /** Cartesian positions of flat fractional coordinates {@code [3N]}; returns a new array. */
    public double[] toCartesian(double[] fractional) {
        double[] r = new double[fractional.length];
        for (int i = 0; i < fractional.length; i += 3) {
            double a = fractional[i], b = fractional[i + 1], c = fractional[i + 2];
            r[i] = a * h[0] + b * h[3] + c * h[6];
            r[i + 1] = a * h[1] + b * h[4] + c * h[7];
            r[i + 2] = a * h[2] + b * h[5] + c * h[8];
        }
        return r;
    }

    /**
     * Positions wrapped into the cell along periodic directions (fractional coordinate in [0, 1));
     * non-periodic coordinates are untouched. Returns a new {@code [3N]} array.
     */
    public double[] wrap(double[] cartesian) {
        if (!(pbc[0] || pbc[1] || pbc[2])) {
            return cartesian.clone();
        }
        double[] s = toFractional(cartesian);
        for (int i = 0; i < s.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                if (pbc[k]) {
                    double f = s[i + k] - Math.floor(s[i + k]);
                    s[i + k] = f >= 1.0 ? 0.0 : f;
                }
            }
        }
        return toCartesian(s);
    }

    /**
     * Replaces the displacement {@code d} (3 numbers, modified in place) by its shortest periodic
     * image, searching the neighboring images so that it is exact for skewed cells too.
     */
    public void minimumImage(double[] d) {
        if (!(pbc[0] || pbc[1] || pbc[2])) {
            return;
        }
        requireRegular();
        double[] s = {d[0] * inv[0] + d[1] * inv[3] + d[2] * inv[6],
                      d[0] * inv[1] + d[1] * inv[4] + d[2] * inv[7],
                      d[0] * inv[2] + d[1] * inv[5] + d[2] * inv[8]};
        for (int k = 0; k < 3; k++) {
            if (pbc[k]) {
                s[k] -= Math.rint(s[k]);
            }
        }
        double best = Double.MAX_VALUE;
        double bx = 0, by = 0, bz = 0;
        int ra = pbc[0] ? 1 : 0, rb = pbc[1] ? 1 : 0, rc = pbc[2] ? 1 : 0;
        for (int na = -ra; na <= ra; na++) {
            for (int nb = -rb; nb <= rb; nb++) {
                for (int nc = -rc; nc <= rc; nc++) {
                    double a = s[0] + na, b = s[1] + nb, c = s[2] + nc;
                    double x = a * h[0] + b * h[3] + c * h[6];
                    double y = a * h[1] + b * h[4] + c * h[7];
                    double z = a * h[2] + b * h[5] + c * h[8];
                    double r2 = x * x + y * y + z * z;
                    if (r2 < best - 1e-12) {
                        best = r2;
                        bx = x;
                        by = y;
                        bz = z;
                    }
                }
            }
        }
        d[0] = bx;
        d[1] = by;
        d[2] = bz;
    }

    /**
     * The cell deformed by a deformation gradient {@code F} (3×3 row-major, acting on column
     * vectors, x' = F x): each lattice row vector becomes {@code a' = F a}.
     */
    public Cell deformed(double[] f) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                out[3 * i + k] = f[3 * k] * h[3 * i] + f[3 * k + 1] * h[3 * i + 1] + f[3 * k + 2] * h[3 * i + 2];
            }
        }
        return new Cell(out, pbc);
    }

    /** The cell with its vectors multiplied by integers (a supercell n1 a, n2 b, n3 c). */
    public Cell repeated(int n1, int n2, int n3) {
        int[] n = {n1, n2, n3};
        double[] out = h.clone();
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                out[3 * i + k] *= n[i];
            }
        }
        return new Cell(out, pbc);
    }

    /** Cell with vectors scaled uniformly by {@code factor}. */
    public Cell scaled(double factor) {
        double[] out = h.clone();
        for (int i = 0; i < 9; i++) {
            out[i] *= factor;
        }
        return new Cell(out, pbc);
    }

    /**
     * The LAMMPS box of this cell after the rotation {@link #rotationToLammps()}: a = (lx,0,0),
     * b = (xy,ly,0), c = (xz,yz,lz), with the box origin at 0.
     *
     * @throws IllegalArgumentException when the cell is left-handed (LAMMPS cannot represent it
     *                                  without reordering the vectors)
     */
    public LammpsBox toLammpsBox() {
        requireRegular();
        if (determinant() <= 0) {
            throw new IllegalArgumentException("cell is left-handed (det < 0): LAMMPS needs a right-handed a, b, c");
        }
        double[] a = vector(0), b = vector(1), c = vector(2);
        double lx = norm(0);
        double xy = Mat3.dot(b, a) / lx;
        double ly = Math.sqrt(Math.max(0, Mat3.dot(b, b) - xy * xy));
        double xz = Mat3.dot(c, a) / lx;
        double yz = (Mat3.dot(b, c) - xy * xz) / ly;
        double lz = Math.sqrt(Math.max(0, Mat3.dot(c, c) - xz * xz - yz * yz));
        return new LammpsBox(0, 0, 0, lx, ly, lz, xy, xz, yz);
    }

    /**
     * The rotation {@code Q} (3×3 row-major) that takes this cell into LAMMPS's lower-triangular
     * form: row vectors transform as {@code r' = r·Q}, so {@code H·Q = H_lammps}. The identity when
     * the cell already is lower-triangular.
     */
    public double[] rotationToLammps() {
        LammpsBox box = toLammpsBox();
        return Mat3.mul(inv, box.matrix());
    }

    /** True when the matrix is lower-triangular (a along x, b in the xy plane), as LAMMPS needs. */
    public boolean isLammpsForm() {
        return h[1] == 0 && h[2] == 0 && h[5] == 0 && h[0] > 0 && h[4] > 0 && h[8] > 0;
    }

    private void requireRegular() {
        if (inv == null) {
            throw new IllegalStateException("cell has no three independent vectors: " + Arrays.toString(h));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cell c && Arrays.equals(h, c.h) && Arrays.equals(pbc, c.pbc);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(h) * 31 + Arrays.hashCode(pbc);
    }

    @Override
    public String toString() {
        return "Cell" + Arrays.toString(h) + " pbc=" + Arrays.toString(pbc);
    }
}
