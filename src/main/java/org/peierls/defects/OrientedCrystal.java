package org.peierls.defects;

import java.util.Arrays;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Miller;
import org.peierls.atoms.Structure;

/**
 * A perfect crystal in an orthogonal periodic cell L₁ × L₂ × L₃ (Å) whose axes run along named
 * crystal directions: the starting block of the slab, stacking-fault, dislocation and
 * grain-boundary builders, which stack it along z (the plane normal or the dislocation line).
 *
 * @param cell    the crystal in its orthogonal cell (a = (L₁,0,0), b = (0,L₂,0), c = (0,0,L₃))
 * @param type    the lattice type
 * @param xLabel  the crystal direction along x, e.g. "[1-10]" or "[2-1-10]"
 * @param yLabel  the crystal direction along y
 * @param zLabel  the crystal direction along z
 * @param rotation 3×3 row-major rotation taking cube coordinates into this frame (rows = unit
 *                 vectors of x, y, z in cube coordinates); null for hcp
 */
public record OrientedCrystal(Structure cell, LatticeType type, String xLabel, String yLabel, String zLabel, double[] rotation) {

    /** Tolerance (Å) on z when grouping atoms into layers. */
    public static final double LAYER_TOLERANCE = 1e-6;

    /**
     * A cubic crystal with x, y, z along three orthogonal right-handed Miller directions
     * ({@link Lattice#oriented}).
     */
    public static OrientedCrystal cubic(LatticeType type, String[] elements, double a, int[] x, int[] y, int[] z) {
        Structure s = Lattice.oriented(type, elements, a, x, y, z);
        return new OrientedCrystal(s, type, Miller.format(x), Miller.format(y), Miller.format(z), Lattice.rotation(x, y, z));
    }

    /**
     * A cubic crystal with z along the normal [hkl] of the plane (hkl) (in a cubic crystal the
     * normal of (hkl) is the direction [hkl]) and x, y along the in-plane directions of
     * {@link PlaneAxes#inPlane}, which make the smallest rectangular in-plane cell.
     */
    public static OrientedCrystal forPlane(LatticeType type, String[] elements, double a, int[] hkl) {
        int[][] axes = PlaneAxes.inPlane(type, elements, a, hkl);
        return cubic(type, elements, a, axes[0], axes[1], axes[2]);
    }

    /**
     * hcp for basal planes: x = [2-1-10] (a), y = [01-10] (a√3), z = [0001] (c), 4 atoms,
     * two basal layers per period (A at z = c/4, B at 3c/4).
     */
    public static OrientedCrystal hcpBasal(String element, double a, double c) {
        return new OrientedCrystal(Lattice.hcpOrthogonal(element, a, c), LatticeType.HCP, "[2-1-10]", "[01-10]", "[0001]", null);
    }

    /**
     * hcp for prismatic (type I, {10-10}) planes: x = [2-1-10] (a), y = [0001] (c),
     * z = [0-110] (a√3); 4 atoms in four prism layers per period, alternately a√3/6 and a√3/3
     * apart (the narrow and the wide gaps).
     */
    public static OrientedCrystal hcpPrismatic(String element, double a, double c) {
        Structure basal = Lattice.hcpOrthogonal(element, a, c);
        double ly = Math.sqrt(3) * a;
        // (x, y, z)_basal → (x, z, −y): right-handed since x̂ × ẑ = −ŷ.
        double[] p = basal.positions();
        double[] q = new double[p.length];
        for (int i = 0; i < basal.size(); i++) {
            q[3 * i] = p[3 * i];
            q[3 * i + 1] = p[3 * i + 2];
            double z = -p[3 * i + 1];
            q[3 * i + 2] = z < 0 ? z + ly : z;
        }
        Structure s = new Structure(Cell.orthorhombic(a, c, ly), basal.numbers(), q);
        return new OrientedCrystal(s, LatticeType.HCP, "[2-1-10]", "[0001]", "[0-110]", null);
    }

    /** Cell edge lengths L₁, L₂, L₃, Å. */
    public double[] lengths() {
        return cell.cell().lengths();
    }

    /** Number of atoms in the cell. */
    public int size() {
        return cell.size();
    }

    /**
     * The distinct heights z of the atomic layers in [0, L₃) (Å), ascending; atoms closer than
     * {@link #LAYER_TOLERANCE} in z share a layer.
     */
    public double[] layerHeights() {
        int n = cell.size();
        double[] z = new double[n];
        double lz = cell.cell().norm(2);
        for (int i = 0; i < n; i++) {
            double v = cell.position(i, 2);
            z[i] = v >= lz - LAYER_TOLERANCE ? v - lz : v;
        }
        Arrays.sort(z);
        double[] out = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || z[i] - out[m - 1] > LAYER_TOLERANCE) {
                out[m++] = z[i];
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** Layers per period along z. */
    public int layersPerPeriod() {
        return layerHeights().length;
    }

    @Override
    public String toString() {
        return "OrientedCrystal[" + type.label() + " " + cell.formula() + ", x=" + xLabel + " y=" + yLabel + " z=" + zLabel
                + ", " + size() + " atoms]";
    }
}
