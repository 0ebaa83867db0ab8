package org.peierls.defects;

/**
 * The Volterra dislocation in an isotropic medium (Hirth &amp; Lothe, Theory of Dislocations,
 * 2nd ed., eqs. 3-45 and 3-46): for the screw part b_z, u_z = b_z θ/2π; for an edge part of
 * length b_e along the unit in-plane vector e (and f = ẑ × e), in coordinates x' = r·e,
 * y' = r·f:
 * <pre>
 *   u_x' = b_e/2π [θ' + x'y' / (2(1−ν) r²)]
 *   u_y' = −b_e/2π [(1−2ν)/(4(1−ν)) ln r² + (x'² − y'²) / (4(1−ν) r²)]
 * </pre>
 * with the cut along the negative x axis of the dislocation frame in every case. ln r² is taken
 * with r in Å (the constant it leaves is a rigid translation).
 */
public final class IsotropicDislocation implements DislocationField {

    private final double[] b;
    private final double nu;
    private final double be;      // edge length
    private final double ex, ey;  // edge direction

    /**
     * @param burgers the Burgers vector in the dislocation frame, Å
     * @param nu      Poisson ratio (−1 &lt; ν &lt; ½)
     */
    public IsotropicDislocation(double[] burgers, double nu) {
        if (!(nu > -1 && nu < 0.5)) {
            throw new IllegalArgumentException("Poisson ratio must lie in (−1, ½), got " + nu);
        }
        this.b = burgers.clone();
        this.nu = nu;
        this.be = Math.hypot(b[0], b[1]);
        this.ex = be > 0 ? b[0] / be : 1;
        this.ey = be > 0 ? b[1] / be : 0;
    }

    /** The Poisson ratio ν. */
    public double poissonRatio() {
        return nu;
    }

    @Override
    public double[] burgers() {
        return b.clone();
    }

    @Override
    public void displacement(double x, double y, double[] out) {
        smooth(x, y, out);
        double theta = Math.atan2(y, x);
        add(theta, out);
    }

    @Override
    public void dipole(double x, double y, double x1, double y1, double x2, double y2, double[] out) {
        double[] t = new double[3];
        smooth(x - x1, y - y1, out);
        smooth(x - x2, y - y2, t);
        for (int k = 0; k < 3; k++) {
            out[k] -= t[k];
        }
        add(DislocationMath.argRatio(x - x1, y - y1, x - x2, y - y2), out);
    }

    /** Adds b·φ/2π, the multivalued part, for the angle φ. */
    private void add(double phi, double[] out) {
        double f = phi / (2 * Math.PI);
        out[0] += b[0] * f;
        out[1] += b[1] * f;
        out[2] += b[2] * f;
    }

    /** The single-valued part of the field (everything but b·θ/2π). */
    private void smooth(double x, double y, double[] out) {
        out[0] = 0;
        out[1] = 0;
        out[2] = 0;
        if (be == 0) {
            return;
        }
        double xp = x * ex + y * ey;
        double yp = -x * ey + y * ex;
        double r2 = xp * xp + yp * yp;
        double k = be / (2 * Math.PI);
        double ux = k * xp * yp / (2 * (1 - nu) * r2);
        double uy = -k * ((1 - 2 * nu) / (4 * (1 - nu)) * Math.log(r2) + (xp * xp - yp * yp) / (4 * (1 - nu) * r2));
        out[0] = ux * ex - uy * ey;
        out[1] = ux * ey + uy * ex;
    }
}
