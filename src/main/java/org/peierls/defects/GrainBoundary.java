package org.peierls.defects;

import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;

/**
 * One bicrystal candidate: two grains meeting on boundary planes normal to z, ready to be relaxed.
 *
 * @param structure      the bicrystal; per-atom array {@link DefectArrays#GRAIN} (0 below, 1 above)
 * @param name           e.g. "S5(310)[001]" or "S5(001) twist"
 * @param sigma          Σ of the coincidence site lattice
 * @param misorientationDeg the disorientation angle (smallest equivalent rotation), degrees
 * @param tiltAngleDeg   for symmetric tilt boundaries the tilt angle θ = 2∠(n, r) used in
 *                       energy-vs-misorientation plots ({@link Csl#tiltAngleDeg}); for twist
 *                       boundaries the twist angle about the normal
 * @param area           area of one boundary in the cell, Å²
 * @param boundaries     boundaries in the cell: 2 for the periodic bicrystal, 1 with vacuum
 * @param boundaryHeights z of each boundary plane, Å
 * @param translation    in-plane rigid translation of the upper grain, fractions of the in-plane
 *                       unit periods (x, y)
 * @param deletionFraction close-pair threshold as a fraction of the nearest-neighbour distance (0: none)
 * @param removed        atoms deleted as members of close pairs
 */
public record GrainBoundary(Structure structure, String name, int sigma, double misorientationDeg, double tiltAngleDeg, double area,
                            int boundaries, double[] boundaryHeights, double[] translation, double deletionFraction, int removed) {

    /** γ_GB = (E − N·ε_bulk) / (boundaries · area), converted to J/m² from eV and Å² with {@link Units#J_PER_M2_TO_EV_PER_A2}. */
    public double energyJm2(double energyEv, double bulkEnergyPerAtomEv) {
        return (energyEv - structure.size() * bulkEnergyPerAtomEv) / (boundaries * area) / Units.J_PER_M2_TO_EV_PER_A2;
    }
}
