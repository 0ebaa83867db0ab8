package org.peierls.defects;

import org.peierls.atoms.Lattice;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Miller;

/**
 * Crystal axes for a plane of a cubic crystal: z along the plane normal [hkl] and two orthogonal
 * in-plane lattice directions x, y (right-handed, x × y ∥ z) chosen to make the smallest
 * rectangular periodic cell in the plane.
 */
public final class PlaneAxes {

    private PlaneAxes() {
    }

    /**
     * The axes {x, y, z} (Miller indices) for the plane (hkl) of a cubic crystal. Candidates x
     * are the lattice directions u with u·n = 0 and indices up to max(3, 2·max|hkl|); y is the
     * reduced n × u; the pair with the smallest product of periods (the in-plane rectangle's
     * area) wins, ties going to the shorter x and then to the direction with the largest
     * leading indices (e.g. bcc (001): x = [100], y = [010]; bcc (110): x = [001], y = [1-10];
     * fcc (001): x = [110], y = [-110]).
     *
     * @param hkl the plane's Miller indices (also the normal direction); reduced internally
     * @throws IllegalArgumentException for a non-cubic lattice or a zero normal
     */
    public static int[][] inPlane(LatticeType type, String[] elements, double a, int[] hkl) {
        if (!type.cubic()) {
            throw new IllegalArgumentException("automatic in-plane axes are for cubic lattices, not " + type.label()
                    + " (use OrientedCrystal.hcpBasal or hcpPrismatic)");
        }
        int[] n = Miller.reduced(hkl);
        int m = Math.max(3, 2 * Math.max(Math.abs(n[0]), Math.max(Math.abs(n[1]), Math.abs(n[2]))));
        int[] bestX = null;
        int[] bestY = null;
        double bestArea = Double.POSITIVE_INFINITY;
        double bestLx = Double.POSITIVE_INFINITY;
        for (int u = m; u >= -m; u--) {
            for (int v = m; v >= -m; v--) {
                for (int w = m; w >= -m; w--) {
                    int[] x = {u, v, w};
                    if ((u == 0 && v == 0 && w == 0) || Miller.dot(x, n) != 0) {
                        continue;
                    }
                    if (!java.util.Arrays.equals(Miller.reduced(x), x)) {
                        continue;
                    }
                    long[] c = Miller.cross(n, x);
                    int[] y = Miller.reduced(new int[]{(int) c[0], (int) c[1], (int) c[2]});
                    double lx = Lattice.period(type, elements, a, x);
                    double ly = Lattice.period(type, elements, a, y);
                    double area = lx * ly;
                    double tol = 1e-9 * area;
                    if (area < bestArea - tol || (area <= bestArea + tol && lx < bestLx - 1e-9 * lx)) {
                        bestArea = area;
                        bestLx = lx;
                        bestX = x;
                        bestY = y;
                    }
                }
            }
        }
        return new int[][]{bestX, bestY, n};
    }
}
