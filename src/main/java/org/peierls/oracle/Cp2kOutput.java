package org.peierls.oracle;

import java.util.Locale;
import org.peierls.atoms.Units;
import org.peierls.util.InputException;

/**
 * What a CP2K run printed: the total energy ({@code ENERGY| Total FORCE_EVAL ( QS ) energy}),
 * the forces ({@code ATOMIC FORCES in [a.u.]}), the analytic stress ({@code STRESS| Analytical
 * stress tensor [GPa]}) and whether every SCF converged. Converted to metal units with CODATA 2018
 * (the constants CP2K 2023 uses): 1 Hartree = 27.211386245988 eV, 1 Bohr = 0.529177210903 Å.
 * CP2K's stress tensor is pressure-like (positive = compressed; checked against a strained cell's
 * energy derivative in the tests), so the label is its negative.
 *
 * @param energy     eV
 * @param forces     {@code [3N]} eV/Å
 * @param stress     Voigt, eV/Å³, positive = tensile; null when not printed
 * @param scfSteps   SCF iterations of the run
 */
public record Cp2kOutput(double energy, double[] forces, double[] stress, int scfSteps) {

    /** eV per Hartree (CODATA 2018). */
    public static final double HARTREE_EV = 27.211386245988;
    /** Å per Bohr (CODATA 2018). */
    public static final double BOHR_A = 0.529177210903;

    /**
     * Parses the output text of a run with {@code atoms} atoms.
     *
     * @param where the output file, for messages
     * @throws InputException when the SCF did not converge or a block is missing
     */
    public static Cp2kOutput parse(String text, int atoms, String where) {
        if (text.contains("SCF run NOT converged")) {
            throw new InputException(where + ": CP2K's SCF did not converge (raise max_scf, or change smearing/mixing); not labelled");
        }
        double energy = Double.NaN;
        double[] f = null;
        double[] stress = null;
        int steps = -1;
        String[] lines = text.split("\n");
        for (int k = 0; k < lines.length; k++) {
            String l = lines[k];
            if (l.contains("ENERGY| Total FORCE_EVAL ( QS ) energy")) {
                String[] t = l.trim().split("\\s+");
                energy = Double.parseDouble(t[t.length - 1]) * HARTREE_EV;
            } else if (l.contains("*** SCF run converged in")) {
                String[] t = l.trim().split("\\s+");
                steps = Integer.parseInt(t[5]);
            } else if (l.trim().startsWith("ATOMIC FORCES in [a.u.]")) {
                f = new double[3 * atoms];
                int row = k + 3;
                for (int i = 0; i < atoms; i++, row++) {
                    if (row >= lines.length) {
                        throw new InputException(where + ": the force block ends after " + i + " of " + atoms + " atoms");
                    }
                    String[] t = lines[row].trim().split("\\s+");
                    if (t.length < 6 || Integer.parseInt(t[0]) != i + 1) {
                        throw new InputException(where + ": unexpected force line '" + lines[row].trim() + "'");
                    }
                    for (int c = 0; c < 3; c++) {
                        f[3 * i + c] = Double.parseDouble(t[3 + c]) * HARTREE_EV / BOHR_A;
                    }
                }
            } else if (l.contains("STRESS| Analytical stress tensor [GPa]")) {
                double[][] m = new double[3][3];
                for (int r = 0; r < 3; r++) {
                    String[] t = lines[k + 2 + r].trim().split("\\s+");
                    for (int c = 0; c < 3; c++) {
                        m[r][c] = Double.parseDouble(t[t.length - 3 + c]);
                    }
                }
                double g = -1.0 / Units.EV_PER_A3_TO_GPA;
                stress = new double[]{g * m[0][0], g * m[1][1], g * m[2][2], g * m[1][2], g * m[0][2], g * m[0][1]};
            }
        }
        if (Double.isNaN(energy)) {
            throw new InputException(where + ": no 'ENERGY| Total FORCE_EVAL' line (did CP2K finish?)");
        }
        if (f == null) {
            throw new InputException(where + ": no ATOMIC FORCES block");
        }
        for (double v : f) {
            if (!Double.isFinite(v)) {
                throw new InputException(where + ": non-finite forces");
            }
        }
        return new Cp2kOutput(energy, f, stress, steps);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "E = %.8f eV, %d SCF steps", energy, scfSteps);
    }
}
