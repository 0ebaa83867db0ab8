package org.peierls.sim.neb;

import java.util.List;
import org.peierls.optim.Minimizable;

/**
 * A nudged elastic band as one {@link Minimizable}: the degrees of freedom are the concatenated
 * points of the interior images (the two end images stay fixed), and the "gradient" is minus the
 * NEB force on every image, so FIRE relaxes the whole band at once.
 *
 * <p>For image i with energy V_i and true force F_i = −∇V_i:</p>
 * <ul>
 *   <li>tangent τ_i by the improved scheme of Henkelman &amp; Jónsson, J. Chem. Phys. 113, 9978
 *       (2000), eqs. 8–11: the displacement toward the higher neighbour when V rises or falls
 *       monotonically through i, otherwise the two displacements weighted by ΔV_max and ΔV_min;</li>
 *   <li>force F_i − (F_i·τ_i)τ_i + k(|R_{i+1} − R_i| − |R_i − R_{i−1}|) τ_i (perpendicular true
 *       force plus the parallel spring force, eq. 12);</li>
 *   <li>with climbing on, the highest interior image feels F_i − 2(F_i·τ_i)τ_i and no spring
 *       (Henkelman, Uberuaga &amp; Jónsson, J. Chem. Phys. 113, 9901 (2000), eq. 5), so it climbs
 *       to the saddle point.</li>
 * </ul>
 * Displacements between images come from the images' own {@link Minimizable#difference}
 * (minimum image for periodic atoms). The value is the sum of the interior energies; the band is
 * not {@linkplain #conservative() conservative}. The force measure is the largest of the images'
 * force measures applied to their NEB forces.
 */
public final class NebBand implements Minimizable {

    private final List<? extends Minimizable> images;
    private final double[][] endpoints;
    private final double[] endEnergies = new double[2];
    private final int d;
    private final int interior;
    private final double spring;
    private boolean climb;
    private final double[] energies;
    private final double[][] points;
    private final double[][] grads;
    private final double[][] tangents;
    private final double[][] scratch;
    private int climbing = -1;

    /**
     * @param images         all images in order, the first and last being the fixed end points;
     *                       each one's {@link Minimizable#start()} is its initial point and all have
     *                       the same dimension (at least one interior image)
     * @param springConstant k, eV/Å² for atoms (&gt; 0)
     * @param climb          whether the highest image climbs
     */
    public NebBand(List<? extends Minimizable> images, double springConstant, boolean climb) {
        if (images.size() < 3) {
            throw new IllegalArgumentException("a band needs at least one image between its end points, got " + images.size() + " images");
        }
        if (!(springConstant > 0) || !Double.isFinite(springConstant)) {
            throw new IllegalArgumentException("spring constant must be positive, got " + springConstant);
        }
        this.images = images;
        this.d = images.get(0).dimension();
        for (Minimizable m : images) {
            if (m.dimension() != d) {
                throw new IllegalArgumentException("images have different dimensions: " + d + " and " + m.dimension());
            }
        }
        int m = images.size();
        this.interior = m - 2;
        this.spring = springConstant;
        this.climb = climb;
        this.energies = new double[m];
        this.points = new double[m][];
        this.grads = new double[m][d];
        this.tangents = new double[m][d];
        this.scratch = new double[2][d];
        this.endpoints = new double[][]{images.get(0).start(), images.get(m - 1).start()};
        points[0] = endpoints[0];
        points[m - 1] = endpoints[1];
        endEnergies[0] = images.get(0).evaluate(endpoints[0], grads[0]);
        endEnergies[1] = images.get(m - 1).evaluate(endpoints[1], grads[m - 1]);
        energies[0] = endEnergies[0];
        energies[m - 1] = endEnergies[1];
        for (int i = 1; i <= interior; i++) {
            points[i] = new double[d];
        }
    }

    /** Turns climbing on or off (a two-stage run relaxes the band first, then climbs). */
    public void setClimbing(boolean on) {
        climb = on;
    }

    /** Number of images including the end points. */
    public int images() {
        return interior + 2;
    }

    @Override
    public int dimension() {
        return interior * d;
    }

    @Override
    public double[] start() {
        double[] x = new double[dimension()];
        for (int i = 1; i <= interior; i++) {
            System.arraycopy(images.get(i).start(), 0, x, (i - 1) * d, d);
        }
        return x;
    }

    /** The point of image {@code i} (0 … images−1) in band vector {@code x} (end points fixed); a copy. */
    public double[] imagePoint(double[] x, int i) {
        if (i == 0 || i == interior + 1) {
            return (i == 0 ? endpoints[0] : endpoints[1]).clone();
        }
        double[] p = new double[d];
        System.arraycopy(x, (i - 1) * d, p, 0, d);
        return p;
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        double total = 0;
        for (int i = 1; i <= interior; i++) {
            System.arraycopy(x, (i - 1) * d, points[i], 0, d);
            energies[i] = images.get(i).evaluate(points[i], grads[i]);
            total += energies[i];
        }
        climbing = -1;
        if (climb) {
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 1; i <= interior; i++) {
                if (energies[i] > best) {
                    best = energies[i];
                    climbing = i;
                }
            }
        }
        double[] plus = scratch[0];
        double[] minus = scratch[1];
        for (int i = 1; i <= interior; i++) {
            Minimizable img = images.get(i);
            img.difference(points[i], points[i + 1], plus);    // R_{i+1} − R_i
            img.difference(points[i - 1], points[i], minus);   // R_i − R_{i−1}
            double[] tau = tangents[i];
            double vPrev = energies[i - 1], v = energies[i], vNext = energies[i + 1];
            if (vNext > v && v > vPrev) {
                System.arraycopy(plus, 0, tau, 0, d);
            } else if (vNext < v && v < vPrev) {
                System.arraycopy(minus, 0, tau, 0, d);
            } else {
                double dMax = Math.max(Math.abs(vNext - v), Math.abs(vPrev - v));
                double dMin = Math.min(Math.abs(vNext - v), Math.abs(vPrev - v));
                double wPlus = vNext > vPrev ? dMax : dMin;
                double wMinus = vNext > vPrev ? dMin : dMax;
                for (int k = 0; k < d; k++) {
                    tau[k] = wPlus * plus[k] + wMinus * minus[k];
                }
            }
            double norm = Math.sqrt(dot(tau, tau));
            if (norm > 0) {
                for (int k = 0; k < d; k++) {
                    tau[k] /= norm;
                }
            }
            // NEB force on image i, stored as minus the force in the gradient slot.
            double[] g = grads[i];
            double gt = dot(g, tau);
            int o = (i - 1) * d;
            if (i == climbing) {
                for (int k = 0; k < d; k++) {
                    gradient[o + k] = g[k] - 2 * gt * tau[k];
                }
            } else {
                double springForce = spring * (Math.sqrt(dot(plus, plus)) - Math.sqrt(dot(minus, minus)));
                for (int k = 0; k < d; k++) {
                    gradient[o + k] = g[k] - gt * tau[k] - springForce * tau[k];
                }
            }
        }
        return total;
    }

    @Override
    public boolean conservative() {
        return false;
    }

    @Override
    public double forceNorm(double[] gradient) {
        double m = 0;
        double[] part = new double[d];
        for (int i = 1; i <= interior; i++) {
            System.arraycopy(gradient, (i - 1) * d, part, 0, d);
            m = Math.max(m, images.get(i).forceNorm(part));
        }
        return m;
    }

    @Override
    public double stepNorm(double[] dx) {
        double m = 0;
        double[] part = new double[d];
        for (int i = 1; i <= interior; i++) {
            System.arraycopy(dx, (i - 1) * d, part, 0, d);
            m = Math.max(m, images.get(i).stepNorm(part));
        }
        return m;
    }

    /** Energies of all images at the last evaluation (end points included), eV; a copy. */
    public double[] energies() {
        return energies.clone();
    }

    /** The climbing image at the last evaluation, or −1. */
    public int climbingImage() {
        return climbing;
    }

    /**
     * Cumulative path length at each image, from the end point (Å for atoms): Σ |R_{j} − R_{j−1}|
     * with the images' minimum-image differences, at the last evaluated band.
     */
    public double[] pathLength() {
        double[] s = new double[interior + 2];
        double[] diff = new double[d];
        for (int i = 1; i < s.length; i++) {
            images.get(i).difference(points[i - 1], points[i], diff);
            s[i] = s[i - 1] + Math.sqrt(dot(diff, diff));
        }
        return s;
    }

    /**
     * The component of the true force along the tangent at each image at the last evaluation
     * (F·τ, eV/Å; 0 at the end points): the slope information for an energy-profile spline.
     */
    public double[] tangentForces() {
        double[] f = new double[interior + 2];
        for (int i = 1; i <= interior; i++) {
            f[i] = -dot(grads[i], tangents[i]);
        }
        return f;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
