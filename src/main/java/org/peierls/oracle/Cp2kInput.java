package org.peierls.oracle;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.Structure;

/**
 * The CP2K input of one energy + forces (+ analytic stress) calculation: Quickstep GPW with PBE,
 * MOLOPT basis sets and GTH pseudopotentials, diagonalisation with Broyden mixing and Fermi–Dirac
 * smearing (metals need it; for a gapped system it changes nothing at 1000 K beyond ~1e-5 eV), a
 * Monkhorst–Pack mesh n<sub>i</sub> = max(1, ⌈|b<sub>i</sub>|/Δk⌉) from the reciprocal vectors
 * b<sub>i</sub> (2π included) and the spacing Δk, reduced by time-reversal symmetry only (k ≡ −k:
 * no magnetism; rattled defect cells have no other symmetry). Cells are periodic in all three directions in
 * CP2K; a slab's vacuum gap stands in for its open direction (and it gets no stress label).
 */
public final class Cp2kInput {

    /** The project name: CP2K's side files start with it. */
    public static final String PROJECT = "peierls";

    private Cp2kInput() {
    }

    /** The Monkhorst–Pack mesh of a cell for a k-point spacing in Å⁻¹ (2π included; 0: Γ only). */
    public static int[] mesh(Structure s, double spacing) {
        int[] n = {1, 1, 1};
        if (spacing <= 0) {
            return n;
        }
        double[] inv = s.cell().inverse();   // columns of H⁻¹ are the reciprocal vectors / 2π
        for (int i = 0; i < 3; i++) {
            if (!s.cell().periodic(i)) {
                continue;
            }
            double bx = inv[i], by = inv[3 + i], bz = inv[6 + i];
            double len = 2 * Math.PI * Math.sqrt(bx * bx + by * by + bz * bz);
            n[i] = Math.max(1, (int) Math.ceil(len / spacing - 1e-9));
        }
        return n;
    }

    /**
     * The input text.
     *
     * @param kinds basis and pseudopotential per element symbol present
     */
    public static String text(Structure s, Cp2kSettings st, Map<String, Cp2kSettings.Kind> kinds) {
        int[] mesh = mesh(s, st.kpointSpacing());
        boolean gamma = mesh[0] * mesh[1] * mesh[2] == 1;
        double[] h = s.cell().matrix();
        StringBuilder in = new StringBuilder();
        in.append("&GLOBAL\n  PROJECT ").append(PROJECT).append("\n  RUN_TYPE ENERGY_FORCE\n  PRINT_LEVEL LOW\n&END GLOBAL\n");
        in.append("&FORCE_EVAL\n  METHOD Quickstep\n  STRESS_TENSOR ANALYTICAL\n  &DFT\n");
        in.append("    BASIS_SET_FILE_NAME ").append(Cp2kData.BASIS_FILE).append('\n');
        in.append("    POTENTIAL_FILE_NAME ").append(Cp2kData.POTENTIAL_FILE).append('\n');
        in.append(String.format(Locale.ROOT, "    &MGRID%n      CUTOFF %s%n      REL_CUTOFF %s%n    &END MGRID%n",
                num(st.cutoffRy()), num(st.relCutoffRy())));
        in.append("    &QS\n      EPS_DEFAULT 1.0E-12\n    &END QS\n");
        in.append("    &SCF\n");
        in.append(String.format(Locale.ROOT, "      EPS_SCF %.3e%n      MAX_SCF %d%n", st.epsScf(), st.maxScf()));
        int added = Math.max(8, s.size() * 2);
        if (st.smearingK() > 0) {
            in.append("      ADDED_MOS ").append(added).append('\n');
            in.append(String.format(Locale.ROOT, "      &SMEAR ON%n        METHOD FERMI_DIRAC%n        ELECTRONIC_TEMPERATURE [K] %s%n      &END SMEAR%n",
                    num(st.smearingK())));
        }
        in.append("      &DIAGONALIZATION ON\n        ALGORITHM STANDARD\n      &END DIAGONALIZATION\n");
        in.append("      &MIXING\n        METHOD BROYDEN_MIXING\n        ALPHA 0.3\n        NBROYDEN 8\n      &END MIXING\n");
        in.append("    &END SCF\n");
        if (!gamma) {
            in.append(String.format(Locale.ROOT, "    &KPOINTS%n      SCHEME MONKHORST-PACK %d %d %d%n      SYMMETRY OFF%n      FULL_GRID OFF%n    &END KPOINTS%n",
                    mesh[0], mesh[1], mesh[2]));
        }
        in.append("    &XC\n      &XC_FUNCTIONAL PBE\n      &END XC_FUNCTIONAL\n    &END XC\n  &END DFT\n");
        in.append("  &SUBSYS\n    &CELL\n");
        String[] abc = {"A", "B", "C"};
        for (int i = 0; i < 3; i++) {
            in.append(String.format(Locale.ROOT, "      %s %.12f %.12f %.12f%n", abc[i], h[3 * i], h[3 * i + 1], h[3 * i + 2]));
        }
        in.append("      PERIODIC XYZ\n    &END CELL\n    &COORD\n");
        double[] x = s.positions();
        for (int i = 0; i < s.size(); i++) {
            in.append(String.format(Locale.ROOT, "      %s %.12f %.12f %.12f%n", s.symbol(i), x[3 * i], x[3 * i + 1], x[3 * i + 2]));
        }
        in.append("    &END COORD\n");
        for (Map.Entry<String, Cp2kSettings.Kind> k : new LinkedHashMap<>(kinds).entrySet()) {
            in.append("    &KIND ").append(k.getKey()).append("\n      BASIS_SET ").append(k.getValue().basis())
                    .append("\n      POTENTIAL ").append(k.getValue().potential()).append("\n    &END KIND\n");
        }
        in.append("  &END SUBSYS\n");
        in.append("  &PRINT\n    &FORCES ON\n    &END FORCES\n    &STRESS_TENSOR ON\n    &END STRESS_TENSOR\n  &END PRINT\n");
        in.append("&END FORCE_EVAL\n");
        return in.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
