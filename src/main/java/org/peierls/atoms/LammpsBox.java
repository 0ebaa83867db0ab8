package org.peierls.atoms;

/**
 * A LAMMPS simulation box: origin (xlo, ylo, zlo), edge lengths lx = xhi − xlo etc. and tilt
 * factors xy, xz, yz. Its lattice vectors are a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz).
 */
public record LammpsBox(double xlo, double ylo, double zlo, double lx, double ly, double lz,
                        double xy, double xz, double yz) {

    public double xhi() {
        return xlo + lx;
    }

    public double yhi() {
        return ylo + ly;
    }

    public double zhi() {
        return zlo + lz;
    }

    public boolean triclinic() {
        return xy != 0 || xz != 0 || yz != 0;
    }

    /** The lattice vectors as a row-major 3×3 matrix. */
    public double[] matrix() {
        return new double[]{lx, 0, 0, xy, ly, 0, xz, yz, lz};
    }

    /** The cell of this box with the given periodic flags (the origin is dropped). */
    public Cell toCell(boolean[] pbc) {
        return new Cell(matrix(), pbc);
    }

    /**
     * A box from a LAMMPS dump's bounding box (xlo_bound, xhi_bound, …) and tilt factors, as
     * LAMMPS writes it (see the LAMMPS manual, "Triclinic (non-orthogonal) simulation boxes").
     */
    public static LammpsBox fromBounds(double xloB, double xhiB, double yloB, double yhiB,
                                       double zlo, double zhi, double xy, double xz, double yz) {
        double xlo = xloB - Math.min(Math.min(0.0, xy), Math.min(xz, xy + xz));
        double xhi = xhiB - Math.max(Math.max(0.0, xy), Math.max(xz, xy + xz));
        double ylo = yloB - Math.min(0.0, yz);
        double yhi = yhiB - Math.max(0.0, yz);
        return new LammpsBox(xlo, ylo, zlo, xhi - xlo, yhi - ylo, zhi - zlo, xy, xz, yz);
    }

    /** The bounding box (xlo_bound, xhi_bound, ylo_bound, yhi_bound) LAMMPS writes in dumps. */
    public double[] bounds() {
        double xloB = xlo + Math.min(Math.min(0.0, xy), Math.min(xz, xy + xz));
        double xhiB = xhi() + Math.max(Math.max(0.0, xy), Math.max(xz, xy + xz));
        double yloB = ylo + Math.min(0.0, yz);
        double yhiB = yhi() + Math.max(0.0, yz);
        return new double[]{xloB, xhiB, yloB, yhiB};
    }
}
