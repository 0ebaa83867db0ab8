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

    /** Fractional distance below a face within which {@link #wrap} counts an atom as on the face. */
    public static final double WRAP_TOLERANCE = 1e-12;

    private final double[] h;      // row-major, rows a, b, c
    private final boolean[] pbc;
    private final double[] inv;    // inverse of h (row-major), null when singular
    // For wrapping and minimum images: h with non-periodic vectors completed to a regular basis
    // when h itself is singular (a slab with c = 0), its inverse and perpendicular widths. Shifts
    // only ever use the periodic vectors, which are those of h. Null without periodic directions.
    private final double[] fh;
    private final double[] finv;
    private final double[] fwidth;

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
                for (int k = 0; k < 3; k++) {
                    int i = (k + 1) % 3, j = (k + 2) % 3;
                    if (!pbc[k] && pbc[i] && pbc[j]) {
                        double[] c = Mat3.cross(vector(i), vector(j));
                        if (Mat3.norm(c) <= 1e-12 * norm(i) * norm(j)) {
                            throw new IllegalArgumentException("periodic cell vectors " + "abc".charAt(Math.min(i, j)) + " and "
                                    + "abc".charAt(Math.max(i, j)) + " are parallel: " + Arrays.toString(h));
                        }
                    }
                }
            }
        }
        if (pbc[0] || pbc[1] || pbc[2]) {
            this.fh = inv != null ? this.h : completed(this.h, this.pbc);
            this.finv = inv != null ? inv : Mat3.inverse(fh);
            this.fwidth = widths(fh);
        } else {
            this.fh = null;
            this.finv = null;
            this.fwidth = null;
        }
    }

    /**
     * {@code h} with its non-periodic vectors replaced by unit vectors orthogonal to the periodic
     * ones (and to each other), so that the matrix is regular.
     */
    private static double[] completed(double[] h, boolean[] pbc) {
        double[][] v = new double[3][];
        int periodic = 0;
        int only = -1;
        for (int k = 0; k < 3; k++) {
            if (pbc[k]) {
                v[k] = new double[]{h[3 * k], h[3 * k + 1], h[3 * k + 2]};
                periodic++;
                only = k;
            }
        }
        if (periodic == 2) {
            for (int k = 0; k < 3; k++) {
                if (v[k] == null) {
                    double[] c = Mat3.cross(v[(k + 1) % 3], v[(k + 2) % 3]);
                    v[k] = unit(c);
                }
            }
        } else {
            // one periodic vector p: complete with u1 ⟂ p and u2 = p̂ × u1
            double[] p = unit(v[only]);
            double[][] axes = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            int best = 0;
            for (int e = 1; e < 3; e++) {
                if (Math.abs(p[e]) < Math.abs(p[best])) {
                    best = e;
                }
            }
            double[] u1 = axes[best].clone();
            double proj = Mat3.dot(u1, p);
            for (int e = 0; e < 3; e++) {
                u1[e] -= proj * p[e];
            }
            u1 = unit(u1);
            double[] u2 = Mat3.cross(p, u1);
            v[(only + 1) % 3] = u1;
            v[(only + 2) % 3] = u2;
        }
        return new double[]{v[0][0], v[0][1], v[0][2], v[1][0], v[1][1], v[1][2], v[2][0], v[2][1], v[2][2]};
    }

    private static double[] unit(double[] a) {
        double n = Mat3.norm(a);
        return new double[]{a[0] / n, a[1] / n, a[2] / n};
    }

    /** Perpendicular widths V/|b×c|, V/|c×a|, V/|a×b| of a matrix (0 where a face has no area). */
    private static double[] widths(double[] m) {
        double[] w = new double[3];
        double vol = Math.abs(Mat3.det(m));
        for (int k = 0; k < 3; k++) {
            int i = (k + 1) % 3, j = (k + 2) % 3;
            double[] c = Mat3.cross(new double[]{m[3 * i], m[3 * i + 1], m[3 * i + 2]},
                                    new double[]{m[3 * j], m[3 * j + 1], m[3 * j + 2]});
            double area = Mat3.norm(c);
            w[k] = area == 0 ? 0 : vol / area;
        }
        return w;
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
        return widths(h);
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
     * Positions wrapped into the cell along periodic directions: each atom is moved by a whole
     * lattice vector along each periodic direction where its fractional coordinate s lies outside
     * [−ε, 1 − ε), ε = {@value #WRAP_TOLERANCE}; atoms inside and non-periodic coordinates are left
     * exactly as they are, so wrapping twice changes nothing (an atom on a face, s ≈ 0 or s ≈ 1,
     * ends up at s ≈ 0 and stays there). Works for cells whose non-periodic vectors are zero
     * (slabs, wires) too. Returns a new {@code [3N]} array.
     */
    public double[] wrap(double[] cartesian) {
        double[] out = cartesian.clone();
        if (finv == null) {
            return out;
        }
        for (int i = 0; i < out.length; i += 3) {
            double x = out[i], y = out[i + 1], z = out[i + 2];
            double tx = 0, ty = 0, tz = 0;
            for (int k = 0; k < 3; k++) {
                if (!pbc[k]) {
                    continue;
                }
                double s = x * finv[k] + y * finv[3 + k] + z * finv[6 + k];
                double n = Math.floor(s + WRAP_TOLERANCE);
                if (n != 0) {
                    tx += n * h[3 * k];
                    ty += n * h[3 * k + 1];
                    tz += n * h[3 * k + 2];
                }
            }
            out[i] = x - tx;
            out[i + 1] = y - ty;
            out[i + 2] = z - tz;
        }
        return out;
    }

    /**
     * Replaces the displacement {@code d} (3 numbers, Å, modified in place) by its shortest
     * periodic image {@code d + n·H} (n integer along periodic directions). Exact for any cell,
     * however skewed: after reducing the fractional coordinates to [−½, ½] (length r₀), every
     * image with n_k outside |s_k + n_k| ≤ r₀/w_k (w = perpendicular widths) is longer than r₀,
     * and all others are tried. Ties keep the reduced image.
     */
    public void minimumImage(double[] d) {
        if (finv == null) {
            return;
        }
        double[] s = new double[3];
        double[] m = new double[3];
        for (int k = 0; k < 3; k++) {
            if (pbc[k]) {
                s[k] = d[0] * finv[k] + d[1] * finv[3 + k] + d[2] * finv[6 + k];
                m[k] = -Math.rint(s[k]);
                s[k] += m[k];
            }
        }
        double x0 = d[0] + m[0] * fh[0] + m[1] * fh[3] + m[2] * fh[6];
        double y0 = d[1] + m[0] * fh[1] + m[1] * fh[4] + m[2] * fh[7];
        double z0 = d[2] + m[0] * fh[2] + m[1] * fh[5] + m[2] * fh[8];
        double best = x0 * x0 + y0 * y0 + z0 * z0;
        double r0 = Math.sqrt(best);
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int k = 0; k < 3; k++) {
            if (pbc[k]) {
                double reach = r0 / fwidth[k] * (1 + 1e-12);
                lo[k] = (int) Math.ceil(-reach - s[k]);
                hi[k] = (int) Math.floor(reach - s[k]);
            }
        }
        double bx = x0, by = y0, bz = z0;
        for (int na = lo[0]; na <= hi[0]; na++) {
            for (int nb = lo[1]; nb <= hi[1]; nb++) {
                for (int nc = lo[2]; nc <= hi[2]; nc++) {
                    if (na == 0 && nb == 0 && nc == 0) {
                        continue;
                    }
                    double x = x0 + na * fh[0] + nb * fh[3] + nc * fh[6];
                    double y = y0 + na * fh[1] + nb * fh[4] + nc * fh[7];
                    double z = z0 + na * fh[2] + nb * fh[5] + nc * fh[8];
                    double r2 = x * x + y * y + z * z;
                    if (r2 < best - 1e-12 * Math.max(1.0, best)) {
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
