package org.peierls.io;

import org.peierls.atoms.Cell;
import org.peierls.atoms.LammpsBox;
import org.peierls.atoms.Structure;

/**
 * A structure as LAMMPS holds it: a box with origin 0 in lower-triangular form and positions,
 * velocities and other vectors rotated into that frame ({@code r' = r·Q}, Q =
 * {@link Cell#rotationToLammps()}); no rotation when the cell already is in that form.
 */
record LammpsFrame(LammpsBox box, double[] rotation, double[] positions, double[] velocities) {

    /**
     * @throws IllegalArgumentException when the cell has no three independent vectors or is
     *                                  left-handed
     */
    static LammpsFrame of(Structure s) {
        Cell cell = s.cell();
        if (!cell.isRegular()) {
            throw new IllegalArgumentException("LAMMPS needs a cell with three independent lattice vectors");
        }
        if (cell.isLammpsForm()) {
            double[] h = cell.matrix();
            LammpsBox box = new LammpsBox(0, 0, 0, h[0], h[4], h[8], h[3], h[6], h[7]);
            return new LammpsFrame(box, null, s.positions(), s.velocities());
        }
        LammpsBox box = cell.toLammpsBox();
        double[] q = cell.rotationToLammps();
        return new LammpsFrame(box, q, rotate(s.positions(), q), s.hasVelocities() ? rotate(s.velocities(), q) : null);
    }

    /** Flat row vectors {@code [3N]} times Q (null stays null); no-op without a rotation. */
    double[] rotated(double[] v) {
        return v == null || rotation == null ? v : rotate(v, rotation);
    }

    static double[] rotate(double[] v, double[] q) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i += 3) {
            double x = v[i], y = v[i + 1], z = v[i + 2];
            out[i] = x * q[0] + y * q[3] + z * q[6];
            out[i + 1] = x * q[1] + y * q[4] + z * q[7];
            out[i + 2] = x * q[2] + y * q[5] + z * q[8];
        }
        return out;
    }
}
