package org.peierls.fit;

/**
 * The Cartesian frame in which force components are compared. A per-component MAE is not
 * invariant under rotations (the L1 norm of a vector is not), so numbers measured by running the
 * configurations through LAMMPS — which rotates every cell so that a lies along x and b in the xy
 * plane — differ slightly from the same errors in the data's own frame for cells not already in
 * that form (e.g. mlearn's Si surface slabs: Zuo's linear SNAP gives 0.1327 eV/Å in the data's frame,
 * 0.1324 in LAMMPS's). Energies and stresses are unaffected (stress MAE is taken in the data's frame).
 */
public enum ForceFrame {
    /** The frame of the data file. */
    DATA,
    /** LAMMPS's frame of each cell ({@link org.peierls.atoms.Cell#rotationToLammps()}). */
    LAMMPS
}
