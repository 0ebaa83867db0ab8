package org.peierls.properties;

import java.util.LinkedHashMap;
import java.util.Map;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.potential.Potential;

/**
 * Elastic constants C_ij from stress–strain: for each Voigt strain component j the cell is
 * deformed by ±ε (F = I + ε, symmetric; shear components as engineering strain, F_yz = F_zy = ε/2),
 * the ions relaxed at that cell, and C_ij = [σ_i(+ε_j) − σ_i(−ε_j)] / 2ε (central differences:
 * the error is O(ε²)). Stress positive = tensile, GPa. The crystal must be at zero stress (its
 * relaxed lattice constant), so that the Cauchy-stress derivative is the elastic constant.
 *
 * <p>Cubic crystals use the conventional cube (x, y, z = [100], [010], [001]) and report
 * C11 = ⟨C11, C22, C33⟩, C12 = ⟨C12, C13, C23⟩, C44 = ⟨C44, C55, C66⟩; hcp the orthohexagonal
 * cell (x = [2-1-10], z = [0001]) and C11, C12, C13, C33, C44, C66.</p>
 */
public final class ElasticConstants {

    /**
     * @param strain     the strain amplitude ε (e.g. 0.002)
     * @param relaxIons  relax the atoms at every strain (needed for hcp; a no-op by symmetry for
     *                   monatomic bcc and fcc)
     * @param relax      relaxation settings (a tight tolerance: stress errors scale with it)
     */
    public record Options(double strain, boolean relaxIons, RelaxSettings relax) {
        public Options {
            if (!(strain > 0 && strain < 0.05)) {
                throw new IllegalArgumentException("strain amplitude must lie in (0, 0.05), got " + strain);
            }
        }

        /** ε = 0.002, ions relaxed to 10⁻⁶ eV/Å. */
        public static Options defaults() {
            return new Options(0.002, true, RelaxSettings.defaults().withFmax(1e-6));
        }
    }

    /**
     * @param cGpa   the 6×6 matrix C_ij, GPa (row i = stress component, column j = strain), as computed
     * @param c11    see the class comment, GPa
     * @param c12    GPa
     * @param c44    GPa
     * @param c13    GPa (hcp; NaN for cubic)
     * @param c33    GPa (hcp; NaN for cubic)
     * @param c66    GPa (hcp: ⟨C66⟩; cubic: NaN)
     * @param strain the strain amplitude used
     */
    public record Result(double[][] cGpa, double c11, double c12, double c44, double c13, double c33, double c66, double strain) {

        /** Voigt-average bulk modulus (C11 + C22 + C33 + 2(C12 + C13 + C23))/9, GPa. */
        public double bulkModulusGpa() {
            double[][] c = cGpa;
            return (c[0][0] + c[1][1] + c[2][2] + 2 * (c[0][1] + c[0][2] + c[1][2])) / 9;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("c11_gpa", c11);
            m.put("c12_gpa", c12);
            if (!Double.isNaN(c13)) {
                m.put("c13_gpa", c13);
                m.put("c33_gpa", c33);
            }
            m.put("c44_gpa", c44);
            if (!Double.isNaN(c66)) {
                m.put("c66_gpa", c66);
            }
            m.put("voigt_bulk_modulus_gpa", bulkModulusGpa());
            m.put("cij_gpa", cGpa);
            m.put("strain", strain);
            m.put("method", "stress-strain, central differences, relaxed ions");
            return m;
        }
    }

    private ElasticConstants() {
    }

    public static Result compute(ReferenceCrystal crystal, Options options) {
        Structure s0 = crystal.cubic() ? Lattice.cubic(crystal.lattice(), new String[]{crystal.element()}, crystal.a())
                : Lattice.hcpOrthogonal(crystal.element(), crystal.a(), crystal.c());
        return compute(s0, crystal.potential(), options, crystal.cubic());
    }

    /** The 6×6 stiffness of any periodic structure at zero stress. */
    public static Result compute(Structure s0, Potential potential, Options options, boolean cubic) {
        double eps = options.strain();
        double[][] c = new double[6][6];
        for (int j = 0; j < 6; j++) {
            double[] plus = stressAt(s0, potential, j, eps, options);
            double[] minus = stressAt(s0, potential, j, -eps, options);
            for (int i = 0; i < 6; i++) {
                c[i][j] = (plus[i] - minus[i]) / (2 * eps);
            }
        }
        if (cubic) {
            double c11 = (c[0][0] + c[1][1] + c[2][2]) / 3;
            double c12 = (c[0][1] + c[1][0] + c[0][2] + c[2][0] + c[1][2] + c[2][1]) / 6;
            double c44 = (c[3][3] + c[4][4] + c[5][5]) / 3;
            return new Result(c, c11, c12, c44, Double.NaN, Double.NaN, Double.NaN, eps);
        }
        double c11 = (c[0][0] + c[1][1]) / 2;
        double c12 = (c[0][1] + c[1][0]) / 2;
        double c13 = (c[0][2] + c[2][0] + c[1][2] + c[2][1]) / 4;
        double c33 = c[2][2];
        double c44 = (c[3][3] + c[4][4]) / 2;
        return new Result(c, c11, c12, c44, c13, c33, c[5][5], eps);
    }

    /** Stress (GPa, Voigt, tensile positive) after straining component j by e and relaxing the ions. */
    static double[] stressAt(Structure s0, Potential potential, int j, double e, Options options) {
        double[] v = new double[6];
        v[j] = j < 3 ? e : e / 2;
        double[] f = Mat3.fromVoigt(v);
        for (int k = 0; k < 3; k++) {
            f[4 * k] += 1;
        }
        Structure s = s0.withCellScaled(s0.cell().deformed(f));
        if (options.relaxIons()) {
            s = options.relax().relax(s, potential).structure();
        }
        double[] sigma = potential.compute(s).stress();
        for (int k = 0; k < 6; k++) {
            sigma[k] *= Units.EV_PER_A3_TO_GPA;
        }
        return sigma;
    }
}
