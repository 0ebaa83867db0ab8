package org.peierls.defects;

import org.peierls.atoms.Structure;

/**
 * A built dislocation configuration.
 *
 * @param structure the dislocated atoms (for cylinders with per-atom array {@link DefectArrays#FIXED})
 * @param reference the same atoms, in the same order, in the perfect crystal (for Burgers
 *                  circuits and differential-displacement maps)
 * @param burgers   the Burgers vector of the first dislocation in the cell frame, Å (the frame's
 *                  z axis is the line direction)
 * @param cores     core positions (x, y), Å, one row per dislocation; the first has Burgers
 *                  vector {@code burgers}, a second one (dipoles) −{@code burgers}
 * @param lineDirection the crystal direction of the line, e.g. "[111]"
 * @param description   e.g. "bcc ½[111] screw, easy core, quadrupole, Stroh"
 */
public record Dislocation(Structure structure, Structure reference, double[] burgers, double[][] cores, String lineDirection,
                          String description) {
}
