package org.peierls.defects;

import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Miller;

/**
 * Symmetric tilt grain boundaries of cubic crystals: the tilt axis lies in the boundary plane
 * (hkl), and grain B is the mirror image of grain A through that plane. Grain A has
 * x = axis, y = (hkl) × axis, z = (hkl); grain B has x = −axis, y = −(hkl) × axis, z = (hkl)
 * (mirror = 180° rotation about the normal for centrosymmetric lattices).
 *
 * <p>Example: {@code TiltGrainBoundary.symmetric(LatticeType.BCC, "Fe", 2.8553, "[001]", "(310)")}
 * is Σ5(310)[001] (36.87°).</p>
 */
public final class TiltGrainBoundary {

    private TiltGrainBoundary() {
    }

    /** {@link #symmetric(LatticeType, String[], double, int[], int[])} from text ("[001]", "(310)" or "310"). */
    public static Bicrystal symmetric(LatticeType type, String element, double a, String axis, String plane) {
        String p = plane.trim();
        if (p.startsWith("(") && p.endsWith(")")) {
            p = p.substring(1, p.length() - 1);
        }
        return symmetric(type, new String[]{element}, a, Miller.parse(axis), Miller.parse(p));
    }

    /**
     * The symmetric tilt bicrystal about {@code axis} on {@code plane}.
     *
     * @throws IllegalArgumentException when the axis does not lie in the plane, or the boundary
     *                                  is Σ1 (no boundary: the plane normal is a two-fold axis)
     */
    public static Bicrystal symmetric(LatticeType type, String[] elements, double a, int[] axis, int[] plane) {
        int[] t = Miller.reduced(axis);
        int[] n = Miller.reduced(plane);
        if (Miller.dot(t, n) != 0) {
            throw new IllegalArgumentException("tilt axis " + Miller.format(t) + " does not lie in the plane " + planeLabel(n));
        }
        long[] y = Miller.cross(n, t);
        int[] yi = Miller.reduced(new int[]{(int) y[0], (int) y[1], (int) y[2]});
        OrientedCrystal grainA = OrientedCrystal.cubic(type, elements, a, t, yi, n);
        double[] ra = grainA.rotation();
        double[] rb = Mat3.mul(new double[]{-1, 0, 0, 0, -1, 0, 0, 0, 1}, ra);
        double[] m = Csl.misorientation(ra, rb);
        int sigma = Csl.sigma(m);
        if (sigma == 1) {
            throw new IllegalArgumentException("the symmetric tilt boundary on " + planeLabel(n) + " about " + Miller.format(t)
                    + " is Σ1 (no boundary)");
        }
        String name = "S" + sigma + planeLabel(n) + Miller.format(t);
        return Bicrystal.of(grainA, null, name, sigma, Csl.disorientationDeg(m), Csl.tiltAngleDeg(t, n));
    }

    static String planeLabel(int[] n) {
        return Miller.format(n).replace('[', '(').replace(']', ')');
    }
}
