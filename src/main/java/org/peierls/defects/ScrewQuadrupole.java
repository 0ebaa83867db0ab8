package org.peierls.defects;

import org.peierls.analysis.CoreType;
import org.peierls.analysis.ScrewCores;
import org.peierls.atoms.Cell;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;

/**
 * A screw dislocation dipole in a fully periodic cell arranged as a quadrupolar array (the
 * dipole vector is, as nearly as the core sites allow, half the diagonal of the cell, so that
 * every dislocation sits at a centre of inversion of the array of the others: Bulatov &amp; Cai,
 * Computer Simulations of Dislocations, 2006, §5.5; Ventelon &amp; Willaime 2007; Clouet, Ventelon
 * &amp; Willaime 2009). The in-plane cell vectors are tilted along the line by
 * δᵢ = −b (ẑ × d)·Lᵢ / A to absorb the plastic strain of the dipole ({@link PeriodicDipoleField}),
 * and the displacement is the periodic, stress-free (zero mean strain) elastic solution.
 *
 * <p>For a pure screw no atom is added or removed: the structure has the atoms of the perfect
 * crystal, displaced.</p>
 */
public final class ScrewQuadrupole {

    /** Image shells summed by default (the extrapolation also uses twice as many). */
    public static final int DEFAULT_IMAGES = 12;

    private ScrewQuadrupole() {
    }

    /**
     * The general builder: {@code crystal} (z = line) repeated nx × ny × nz, a screw dislocation of
     * Burgers vector {@code field.burgers()} (along z) at {@code core1} and its opposite at
     * {@code core2} (Å, in the frame of the repeated block).
     *
     * @throws IllegalArgumentException when the Burgers vector has an edge component
     */
    public static Dislocation build(OrientedCrystal crystal, int nx, int ny, int nz, DislocationField field, double[] core1,
                                    double[] core2, int images, String description) {
        double[] b = field.burgers();
        if (Math.abs(b[0]) > 1e-9 || Math.abs(b[1]) > 1e-9) {
            throw new IllegalArgumentException("the periodic dipole builder takes screw dislocations (b along the line), got b = "
                    + java.util.Arrays.toString(b));
        }
        double[] len = crystal.lengths();
        double lx = nx * len[0], ly = ny * len[1], lz = nz * len[2];
        Structure block = crystal.cell().repeat(nx, ny, nz);
        PeriodicDipoleField pf = new PeriodicDipoleField(field, core1, core2, new double[]{lx, 0}, new double[]{0, ly}, images);
        int n = block.size();
        double[] x = block.positions();
        double[] u = new double[3];
        for (int i = 0; i < n; i++) {
            pf.displacement(x[3 * i], x[3 * i + 1], u);
            x[3 * i] += u[0];
            x[3 * i + 1] += u[1];
            x[3 * i + 2] += u[2];
        }
        double[] d1 = pf.tilt1(), d2 = pf.tilt2();
        Cell cell = Cell.periodic(new double[]{lx + d1[0], d1[1], d1[2], d2[0], ly + d2[1], d2[2], 0, 0, lz});
        Structure s = new Structure(cell, block.numbers(), x, block.masses(), null).withInfo("dislocation", description);
        return new Dislocation(s, block, b, new double[][]{core1.clone(), core2.clone()}, crystal.zLabel(), description);
    }

    /**
     * The bcc ½[111] screw dipole in x = [11-2], y = [-110], z = [111]: cell nx·a√6 × ny·a√2 ×
     * nz·a√3/2 with 6·nx·ny·nz atoms. The +b core is the {@code core}-type triangle centroid
     * nearest (Lx/4, Ly/4); the −b core the one (of the same type for −b) nearest to that plus
     * (Lx/2, Ly/2). Columns form a triangular lattice, so the dipole vector differs from the
     * exact half-diagonal by less than one column spacing (it is reported in the cores).
     *
     * @param model isotropic or anisotropic elasticity (cube-frame constants)
     */
    public static Dislocation bcc(String element, double a, ElasticModel model, int nx, int ny, int nz, CoreType core) {
        return bcc(element, a, model, nx, ny, nz, core, 0.0);
    }

    /**
     * The same dipole with both cores moved by {@code shift} Å along x = [11-2] from their
     * {@code core}-type sites (unrelaxed elastic field): a shift of a√6/3 is the next easy site,
     * so fractions of it sample the Peierls path.
     */
    public static Dislocation bcc(String element, double a, ElasticModel model, int nx, int ny, int nz, CoreType core, double shift) {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("cell repeats must be ≥ 1, got " + nx + "×" + ny + "×" + nz);
        }
        int[] x = {1, 1, -2}, y = {-1, 1, 0}, zz = {1, 1, 1};
        OrientedCrystal crystal = OrientedCrystal.cubic(LatticeType.BCC, new String[]{element}, a, x, y, zz);
        double b = a * Math.sqrt(3) / 2;
        DislocationField field = model.field(crystal.rotation(), new double[]{a / 2, a / 2, a / 2});
        double[] len = crystal.lengths();
        double lx = nx * len[0], ly = ny * len[1];
        Structure perfect = crystal.cell().repeat(nx, ny, 1);
        double[] c1 = ScrewCores.centre(perfect, b, new double[]{0.25 * lx, 0.25 * ly}, core);
        double[] c2 = ScrewCores.centre(perfect, -b, new double[]{c1[0] + 0.5 * lx, c1[1] + 0.5 * ly}, core);
        c1[0] += shift;
        c2[0] += shift;
        return build(crystal, nx, ny, nz, field, c1, c2, DEFAULT_IMAGES, "bcc 1/2[111] screw dipole, " + core.name().toLowerCase()
                + " cores" + (shift == 0 ? "" : String.format(java.util.Locale.ROOT, " shifted %.3f Å along x", shift))
                + ", quadrupolar, " + (model.anisotropic() ? "Stroh" : "isotropic"));
    }
}
