package org.peierls.defects;

import org.peierls.atoms.Structure;

/**
 * A slab with two free surfaces, periodic in x and y, with vacuum along z (the cell is periodic
 * in z too, as plane-wave codes need; the vacuum separates the slab from its images).
 *
 * @param structure   the slab: atoms in z ∈ [vacuum/2, vacuum/2 + thickness], cell height thickness + vacuum
 * @param crystal     the oriented crystal it was cut from (z = surface normal)
 * @param layers      number of atomic layers (distinct heights)
 * @param atomsPerLayer atoms in each layer, bottom to top
 * @param start       index of the bottom layer within one period of {@code crystal} (the termination)
 * @param thickness   distance between the bottom and top layer planes, Å
 * @param vacuum      distance between the top layer and the periodic image of the bottom layer, Å
 * @param area        area of one surface, Å² (the slab has two): |a × b| of the cell
 * @param bottomGap   spacing from the bottom layer to the next one up, Å
 * @param topGap      spacing from the top layer to the one below, Å
 * @param bottomFormula composition of the bottom layer, e.g. "Ni" or "AlNi"
 * @param topFormula  composition of the top layer
 */
public record Slab(Structure structure, OrientedCrystal crystal, int layers, int[] atomsPerLayer, int start, double thickness,
                   double vacuum, double area, double bottomGap, double topGap, String bottomFormula, String topFormula) {

    /** The two surfaces as one label, e.g. "Ni/Al" (bottom/top), with the gaps when they differ. */
    public String termination() {
        String s = bottomFormula + "/" + topFormula;
        if (Math.abs(bottomGap - topGap) > 1e-6) {
            s += String.format(java.util.Locale.ROOT, " (gaps %.4f/%.4f Å)", bottomGap, topGap);
        }
        return s;
    }

    /** True when the two surfaces have the same layer composition and the same spacing below them. */
    public boolean symmetric() {
        return bottomFormula.equals(topFormula) && Math.abs(bottomGap - topGap) <= 1e-6;
    }
}
