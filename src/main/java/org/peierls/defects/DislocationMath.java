package org.peierls.defects;

/** Angles and logarithms the displacement fields share. */
final class DislocationMath {

    private DislocationMath() {
    }

    /**
     * arg(w₁ / w₂) ∈ (−π, π] for w₁ = x₁ + i y₁, w₂ = x₂ + i y₂: the angle subtended at the
     * field point by a segment, whose branch cut is the segment itself.
     */
    static double argRatio(double x1, double y1, double x2, double y2) {
        // w1 · conj(w2)
        double re = x1 * x2 + y1 * y2;
        double im = y1 * x2 - x1 * y2;
        return Math.atan2(im, re);
    }
}
