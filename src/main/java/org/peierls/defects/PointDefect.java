package org.peierls.defects;

import org.peierls.atoms.Structure;

/**
 * A point defect in a periodic supercell, with what was done to the perfect crystal.
 *
 * @param structure the defective supercell (same cell as {@code perfect})
 * @param perfect   the perfect supercell it was made from
 * @param name      e.g. "vacancy", "divacancy-2nn", "substitution-W", "bcc-dumbbell-110"
 * @param site      Cartesian centre of the defect, Å (the vacant site, the dumbbell centre, the
 *                  interstitial site)
 * @param removed   indices (in {@code perfect}) of the atoms taken out, ascending; for a
 *                  dumbbell the lattice atom it replaces
 * @param added     indices (in {@code structure}) of the atoms that are not on a perfect site:
 *                  the interstitial, the two atoms of a dumbbell, the substituted atom
 */
public record PointDefect(Structure structure, Structure perfect, String name, double[] site, int[] removed, int[] added) {

    /** Change in atom count relative to the perfect supercell (−1 for a vacancy, +1 for an interstitial). */
    public int atomChange() {
        return structure.size() - perfect.size();
    }
}
