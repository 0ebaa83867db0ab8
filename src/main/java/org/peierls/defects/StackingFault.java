package org.peierls.defects;

import org.peierls.atoms.Structure;

/**
 * One point of a generalized stacking fault: the crystal above a plane displaced by an in-plane
 * shift relative to the crystal below.
 *
 * @param structure  the faulted cell; its per-atom array {@link org.peierls.atoms.MoveMask#ARRAY} lets
 *                   only z move (relaxation normal to the fault plane)
 * @param shift      the fault displacement (Å, Cartesian, in the xy plane)
 * @param fractions  the shift in fractions of the in-plane cell vectors of one oriented cell
 *                   (f₁ along x, f₂ along y)
 * @param faultHeight z of the fault plane (midway between the two layers it separates), Å
 * @param area       fault area per cell |a × b|, Å² (one fault per cell)
 * @param layers     atomic layers in the cell
 * @param periodic   true for the tilted periodic cell (c carries the shift), false for a slab with vacuum
 */
public record StackingFault(Structure structure, double[] shift, double[] fractions, double faultHeight, double area,
                            int layers, boolean periodic) {
}
