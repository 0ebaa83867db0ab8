package org.peierls.defects;

import java.util.ArrayList;
import java.util.List;
import org.peierls.analysis.CoreType;
import org.peierls.analysis.ScrewCores;
import org.peierls.atoms.Cell;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;

/**
 * A single straight dislocation along z at the axis of a cylinder of crystal, periodic along the
 * line only: atoms within {@code radius} of the core are free, those in the outer shell
 * (radius … radius + shell) are marked fixed ({@link DefectArrays#FIXED}) and hold the elastic
 * far field during relaxation. Every atom is displaced by the field with its cut along −x from
 * the core, so the atom count is that of the perfect cylinder (for an edge dislocation the
 * Volterra field itself inserts the extra half-plane).
 *
 * <p>The cell is (L, 0, 0), (0, L, 0), (0, 0, L_z) with L = 2(radius + shell) + 2·margin,
 * periodic along z only; the core sits at its centre.</p>
 */
public final class DislocationCylinder {

    /** Gap (Å) between the outermost atoms and the x and y faces of the cell. */
    public static final double MARGIN = 10.0;

    private DislocationCylinder() {
    }

    /**
     * The dislocation in a cylinder cut from {@code crystal} (its z axis is the line).
     *
     * @param field  the displacement field in the crystal's frame
     * @param core   (x, y) of the core in the frame of the crystal's cell, Å (any periodic image)
     * @param radius radius of the free region, Å
     * @param shell  thickness of the fixed outer shell, Å (≥ 0)
     * @param nz     repeats of the crystal along the line
     */
    public static Dislocation build(OrientedCrystal crystal, DislocationField field, double[] core, double radius, double shell,
                                    int nz, String description) {
        if (!(radius > 0) || !(shell >= 0) || nz < 1) {
            throw new IllegalArgumentException("cylinder needs radius > 0, shell ≥ 0 and nz ≥ 1, got " + radius + ", " + shell + ", " + nz);
        }
        double[] len = crystal.lengths();
        double outer = radius + shell;
        int nx = (int) Math.ceil(2 * outer / len[0]) + 2;
        int ny = (int) Math.ceil(2 * outer / len[1]) + 2;
        Structure block = crystal.cell().repeat(nx, ny, nz);
        // put the core near the block centre: the periodic image of `core` nearest to it
        double cx = core[0] + len[0] * Math.rint((0.5 * nx * len[0] - core[0]) / len[0]);
        double cy = core[1] + len[1] * Math.rint((0.5 * ny * len[1] - core[1]) / len[1]);
        double box = 2 * outer + 2 * MARGIN;
        double ox = 0.5 * box - cx, oy = 0.5 * box - cy;
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            double r = Math.hypot(block.position(i, 0) - cx, block.position(i, 1) - cy);
            if (r <= outer) {
                keep.add(i);
            }
        }
        int n = keep.size();
        int[] z = new int[n];
        double[] m = new double[n];
        double[] ref = new double[3 * n];
        double[] x = new double[3 * n];
        boolean[] fixed = new boolean[n];
        double[] u = new double[3];
        for (int k = 0; k < n; k++) {
            int i = keep.get(k);
            z[k] = block.number(i);
            m[k] = block.mass(i);
            double px = block.position(i, 0) - cx, py = block.position(i, 1) - cy;
            field.displacement(px, py, u);
            ref[3 * k] = block.position(i, 0) + ox;
            ref[3 * k + 1] = block.position(i, 1) + oy;
            ref[3 * k + 2] = block.position(i, 2);
            for (int d = 0; d < 3; d++) {
                x[3 * k + d] = ref[3 * k + d] + u[d];
            }
            fixed[k] = Math.hypot(px, py) > radius;
        }
        Cell cell = new Cell(new double[]{box, 0, 0, 0, box, 0, 0, 0, nz * len[2]}, new boolean[]{false, false, true});
        Structure reference = new Structure(cell, z, ref, m, null);
        Structure s = new Structure(cell, z, x, m, null).withArray(DefectArrays.FIXED, fixed)
                .withInfo("dislocation", description);
        return new Dislocation(s, reference.withArray(DefectArrays.FIXED, fixed.clone()), field.burgers(),
                new double[][]{{0.5 * box, 0.5 * box}}, crystal.zLabel(), description);
    }

    /**
     * The bcc ½[111] screw: x = [11-2], y = [-110], z = [111] (glide plane (-110)), core at the
     * centroid of an easy or hard triangle of [111] columns.
     *
     * @param model isotropic or anisotropic elasticity (the cube-frame constants)
     */
    public static Dislocation bccScrew(String element, double a, ElasticModel model, CoreType core, double radius, double shell, int nz) {
        int[] x = {1, 1, -2}, y = {-1, 1, 0}, zz = {1, 1, 1};
        OrientedCrystal crystal = OrientedCrystal.cubic(LatticeType.BCC, new String[]{element}, a, x, y, zz);
        double b = a * Math.sqrt(3) / 2;
        DislocationField field = model.field(crystal.rotation(), new double[]{a / 2, a / 2, a / 2});
        double[] len = crystal.lengths();
        Structure probe = crystal.cell().repeat(3, 3, 1);
        double[] c = ScrewCores.centre(probe, b, new double[]{1.5 * len[0], 1.5 * len[1]}, core);
        return build(crystal, field, c, radius, shell, nz, "bcc 1/2[111] screw, " + core.name().toLowerCase() + " core, cylinder, "
                + (model.anisotropic() ? "Stroh" : "isotropic"));
    }

    /**
     * The fcc ½[1-10] screw: x = [11-2], y = [111] (glide plane normal), z = [1-10]; the core lies
     * midway between two (111) planes. Relaxation splits it into two Shockley partials.
     */
    public static Dislocation fccScrew(String element, double a, ElasticModel model, double radius, double shell, int nz) {
        int[] x = {1, 1, -2}, y = {1, 1, 1}, zz = {1, -1, 0};
        return fcc(element, a, model, x, y, zz, radius, shell, nz, "fcc 1/2[1-10] screw");
    }

    /**
     * The fcc ½[1-10] edge: x = [1-10] (along b), y = [111] (glide plane normal), z = [-1-12];
     * the core lies midway between two (111) planes.
     */
    public static Dislocation fccEdge(String element, double a, ElasticModel model, double radius, double shell, int nz) {
        int[] x = {1, -1, 0}, y = {1, 1, 1}, zz = {-1, -1, 2};
        return fcc(element, a, model, x, y, zz, radius, shell, nz, "fcc 1/2[1-10] edge");
    }

    private static Dislocation fcc(String element, double a, ElasticModel model, int[] x, int[] y, int[] zz, double radius,
                                   double shell, int nz, String name) {
        OrientedCrystal crystal = OrientedCrystal.cubic(LatticeType.FCC, new String[]{element}, a, x, y, zz);
        DislocationField field = model.field(crystal.rotation(), new double[]{a / 2, -a / 2, 0});
        // core: half a (111) spacing above an atomic plane, a quarter of b from an atom in x
        double d111 = a / Math.sqrt(3);
        double[] core = {crystal.cell().position(0, 0) + a / (4 * Math.sqrt(2)) + 1e-3, crystal.cell().position(0, 1) + 0.5 * d111};
        return build(crystal, field, core, radius, shell, nz, name + ", cylinder, " + (model.anisotropic() ? "Stroh" : "isotropic"));
    }
}
