package org.peierls.defects;

import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Miller;

/**
 * Twist grain boundaries of cubic crystals: both grains share the boundary normal n (z) and are
 * rotated about it; grain A has x = x_A, grain B x = x_B (y = n × x in each). The in-plane cell is
 * the CSL cell when x_A and x_B have the same period and so do n × x_A and n × x_B.
 *
 * <p>Example: {@code TwistGrainBoundary.symmetric(LatticeType.FCC, "Cu", 3.615, [001], [310])}
 * is the Σ5 (001) twist boundary (36.87°).</p>
 */
public final class TwistGrainBoundary {

    private TwistGrainBoundary() {
    }

    /**
     * The twist boundary with grain A's x along {@code xA} and grain B's x along the mirror image
     * of x_A in the line of the shortest lattice direction m ⟂ n nearest to it
     * (x_B = 2(x_A·m)m − |m|²x_A, reduced): the two grains are rotated by ±θ/2 about n from m.
     */
    public static Bicrystal symmetric(LatticeType type, String[] elements, double a, int[] normal, int[] xA) {
        int[] n = Miller.reduced(normal);
        int[] u = Miller.reduced(xA);
        if (Miller.dot(n, u) != 0) {
            throw new IllegalArgumentException("direction " + Miller.format(u) + " is not in the plane " + TiltGrainBoundary.planeLabel(n));
        }
        int[] best = null;
        double bestLen = Double.POSITIVE_INFINITY, bestCos = -1;
        int lim = 3;
        for (int h = -lim; h <= lim; h++) {
            for (int k = -lim; k <= lim; k++) {
                for (int l = -lim; l <= lim; l++) {
                    int[] m = {h, k, l};
                    if ((h == 0 && k == 0 && l == 0) || Miller.dot(m, n) != 0) {
                        continue;
                    }
                    double len = Miller.length(m);
                    double cos = Miller.dot(m, u) / (len * Miller.length(u));
                    if (len < bestLen - 1e-9 || (len < bestLen + 1e-9 && cos > bestCos + 1e-12)) {
                        bestLen = len;
                        bestCos = cos;
                        best = m;
                    }
                }
            }
        }
        long mu = Miller.dot(best, u), mm = Miller.dot(best, best);
        int[] xb = Miller.reduced(new int[]{(int) (2 * mu * best[0] - mm * u[0]), (int) (2 * mu * best[1] - mm * u[1]),
                                            (int) (2 * mu * best[2] - mm * u[2])});
        return of(type, elements, a, n, u, xb);
    }

    /**
     * The twist boundary with grain A's x along {@code xA} and grain B's along {@code xB}.
     *
     * @throws IllegalArgumentException when a direction is not in the plane, the in-plane periods
     *                                  of the grains differ, or the boundary is Σ1
     */
    public static Bicrystal of(LatticeType type, String[] elements, double a, int[] normal, int[] xA, int[] xB) {
        int[] n = Miller.reduced(normal);
        int[][] xs = {Miller.reduced(xA), Miller.reduced(xB)};
        OrientedCrystal[] g = new OrientedCrystal[2];
        for (int k = 0; k < 2; k++) {
            if (Miller.dot(n, xs[k]) != 0) {
                throw new IllegalArgumentException("direction " + Miller.format(xs[k]) + " is not in the plane " + TiltGrainBoundary.planeLabel(n));
            }
            long[] y = Miller.cross(n, xs[k]);
            int[] yi = Miller.reduced(new int[]{(int) y[0], (int) y[1], (int) y[2]});
            g[k] = OrientedCrystal.cubic(type, elements, a, xs[k], yi, n);
        }
        double[] la = g[0].lengths(), lb = g[1].lengths();
        for (int k = 0; k < 3; k++) {
            if (Math.abs(la[k] - lb[k]) > 1e-9 * la[k]) {
                throw new IllegalArgumentException("grains with x = " + Miller.format(xs[0]) + " and " + Miller.format(xs[1])
                        + " have different periods " + java.util.Arrays.toString(la) + " and " + java.util.Arrays.toString(lb));
            }
        }
        double[] m = Csl.misorientation(g[0].rotation(), g[1].rotation());
        int sigma = Csl.sigma(m);
        if (sigma == 1) {
            throw new IllegalArgumentException("the twist boundary is Σ1 (no boundary)");
        }
        double twist = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1,
                Miller.dot(xs[0], xs[1]) / (Miller.length(xs[0]) * Miller.length(xs[1]))))));
        String name = "S" + sigma + TiltGrainBoundary.planeLabel(n) + " twist";
        return Bicrystal.of(g[0], g[1], name, sigma, Csl.disorientationDeg(m), twist);
    }
}
