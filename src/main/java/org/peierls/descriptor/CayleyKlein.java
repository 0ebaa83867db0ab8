package org.peierls.descriptor;

/**
 * The map of a neighbor vector r onto the unit 3-sphere (Thompson et al. (2015), eq. 3): with
 * θ0 = rfac0·π·(r − rmin0)/(R − rmin0) and z0 = r·cot θ0, the Cayley–Klein parameters are
 * a = (z0 − i z)/ρ, b = (y − i x)/ρ, ρ = √(r² + z0²), so that |a|² + |b|² = 1; M = [[ā, −b̄], [b, a]].
 *
 * <p>For each Cartesian direction l it also gives X = M^†·∂M/∂r_l ∈ su(2): X00 = iθ_l (pure
 * imaginary), X01 = x01_l, X10 = −conj(X01), X11 = −X00, from which
 * {@link HypersphericalHarmonics} derives ∂u/∂r_l.</p>
 */
final class CayleyKlein {

    /** Values written per neighbor: ar ai br bi θx θy θz x01r(x,y,z) x01i(x,y,z). */
    static final int SIZE = 13;
    static final int AR = 0, AI = 1, BR = 2, BI = 3, THETA = 4, X01R = 7, X01I = 10;

    private CayleyKlein() {
    }

    /**
     * @param x,y,z displacement to the neighbor, Å; r its length
     * @param rc    the pair cutoff R, Å
     * @param out   receives the {@link #SIZE} values at {@code off}
     */
    static void compute(double x, double y, double z, double r, double rc, double rfac0, double rmin0,
                        double[] out, int off) {
        double rsq = r * r;
        double rscale0 = rfac0 * Math.PI / (rc - rmin0);
        double theta0 = (r - rmin0) * rscale0;
        double z0 = r / Math.tan(theta0);
        double dz0dr = z0 / r - (r * rscale0) * (rsq + z0 * z0) / rsq;
        double r0inv = 1.0 / Math.sqrt(rsq + z0 * z0);
        double ar = z0 * r0inv, ai = -z * r0inv, br = y * r0inv, bi = -x * r0inv;
        out[off + AR] = ar;
        out[off + AI] = ai;
        out[off + BR] = br;
        out[off + BI] = bi;
        double dr0invdr = -r0inv * r0inv * r0inv * (r + z0 * dz0dr);
        double rinv = 1.0 / r;
        for (int l = 0; l < 3; l++) {
            double ul = (l == 0 ? x : l == 1 ? y : z) * rinv;
            double dr0inv = dr0invdr * ul;
            double dz0 = dz0dr * ul;
            double dar = dz0 * r0inv + z0 * dr0inv;
            double dai = -z * dr0inv - (l == 2 ? r0inv : 0.0);
            double dbr = y * dr0inv + (l == 1 ? r0inv : 0.0);
            double dbi = -x * dr0inv - (l == 0 ? r0inv : 0.0);
            // X00 = a·conj(da) + conj(b)·db (imaginary part), X01 = −a·conj(db) + conj(b)·da
            out[off + THETA + l] = (ai * dar - ar * dai) + (br * dbi - bi * dbr);
            out[off + X01R + l] = -(ar * dbr + ai * dbi) + (br * dar + bi * dai);
            out[off + X01I + l] = -(ai * dbr - ar * dbi) + (br * dai - bi * dar);
        }
    }

    /** Only a and b (the U pass needs no derivatives): {ar, ai, br, bi} at {@code off}. */
    static void parameters(double x, double y, double z, double r, double rc, double rfac0, double rmin0,
                           double[] out, int off) {
        double theta0 = (r - rmin0) * rfac0 * Math.PI / (rc - rmin0);
        double z0 = r / Math.tan(theta0);
        double r0inv = 1.0 / Math.sqrt(r * r + z0 * z0);
        out[off + AR] = r0inv * z0;
        out[off + AI] = -r0inv * z;
        out[off + BR] = r0inv * y;
        out[off + BI] = -r0inv * x;
    }
}
