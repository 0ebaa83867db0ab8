package org.peierls.defects;

/**
 * The elastic displacement field of a straight dislocation along z in an infinite medium — a
 * strategy the dislocation builders take (isotropic Volterra, anisotropic Stroh). Coordinates
 * are in the dislocation frame (Å, line along +z, relative to the core).
 *
 * <p>Sign convention: going once counter-clockwise around the line (seen from +z, i.e.
 * right-handed about the line direction), the displacement increases by the Burgers vector b:
 * u(θ → π) − u(θ → −π) = b. The FS/RH Burgers circuit of {@link org.peierls.analysis.BurgersCircuit} then returns b.</p>
 */
public interface DislocationField {

    /** The Burgers vector in the dislocation frame, Å ([3]; a copy). */
    double[] burgers();

    /**
     * The displacement (Å) at (x, y) of a dislocation at the origin, with the cut along the
     * negative x axis (θ = atan2(y, x) ∈ (−π, π]).
     *
     * @param out [3], overwritten
     */
    void displacement(double x, double y, double[] out);

    /**
     * The displacement (Å) at (x, y) of a dipole: +b at (x1, y1) and −b at (x2, y2), with the
     * cut on the straight segment between them (the field is continuous everywhere else and
     * decays as 1/r far away). Crossing the segment from its right side to its left (as seen
     * walking from 1 to 2) changes u by −b.
     *
     * @param out [3], overwritten
     */
    void dipole(double x, double y, double x1, double y1, double x2, double y2, double[] out);
}
