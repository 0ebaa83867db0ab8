package org.peierls.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peierls.model.SnapFiles;
import org.peierls.testutil.SharedData;
import org.peierls.util.Progress;

/**
 * The key regression test: the Ta SNAP fit of FitSNAP's example (Thompson et al. 2015 data, ZBL
 * subtracted, per-atom energies, SVD) from its own input file must reproduce FitSNAP's stored
 * coefficients and error table.
 */
class TaFitSnapTest {

    private static FitSnapInput input;
    private static SnapFit fit;

    @BeforeAll
    static void fit() {
        input = FitSnapInput.read(SharedData.data("ta-snap/Ta-example.in"), 0);
        fit = SnapFit.run(input.data(), input.settings(), Progress.silent());
    }

    @Test
    void inputIsReadAsFitSnapDoes() {
        assertEquals(363, input.data().size());
        assertEquals(4224, input.data().atoms());
        assertEquals(363, input.data().count(Role.TRAIN));
        assertEquals(12, input.data().groups().size());
        assertEquals("Ta_pot", input.potential());
        Weights liquid = input.data().weights("Liquid");
        assertEquals(467, liquid.energy(), 0);
        assertEquals(1e-8 * 1e4, liquid.stress(), 1e-18); // vweight per bar → per GPa
        assertEquals(31, fit.design().columns());
    }

    /**
     * FitSNAP's coefficients (reference/Ta_pot.snapcoeff, 18 digits) to 1e-6 relative. Both fits
     * are least squares with condition number ≈ 3e5 and large residuals (the Volume groups), so
     * round-off in either (~cond²·ε·|r|/|b|) allows some 1e-7; we see at most 3e-7.
     */
    @Test
    void coefficientsMatchFitSnap() {
        double[] ref = SnapFiles.readCoefficients(SharedData.data("ta-snap/reference/Ta_pot.snapcoeff")).coefficients()[0];
        double[] got = fit.coefficients(0);
        assertEquals(ref.length, got.length);
        for (int k = 0; k < ref.length; k++) {
            assertEquals(ref[k], got[k], 1e-6 * Math.abs(ref[k]), "coefficient " + k);
        }
        assertEquals(31, fit.solution().rank());
    }

    /**
     * Every entry of FitSNAP's error table (reference/Ta_metrics.md, 6 significant digits): MAE
     * and RMSE to 1e-5 relative (the printed digits allow 5e-6; we see at most 3.4e-6), R² to 1e-5.
     * Entries below 1e-9 are round-off in FitSNAP's run (forces of perfect crystals) and skipped.
     */
    @Test
    void groupErrorsMatchFitSnap() throws IOException {
        Map<String, double[]> ref = readTable(SharedData.data("ta-snap/reference/Ta_metrics.md"));
        List<FitSnapMetrics.Line> lines = FitSnapMetrics.of(fit.design(), fit.solution().coefficients(),
                LeastSquares.weightsOf(input.data()));
        int compared = 0;
        double worst = 0;
        for (FitSnapMetrics.Line l : lines) {
            String key = l.group() + "|" + (l.weighted() ? "Weighted" : "Unweighted") + "|" + kind(l.kind());
            double[] r = ref.get(key);
            assertTrue(r != null, "FitSNAP's table has no line " + key);
            assertEquals(r[0], l.count(), 0, key + " count");
            if (r[1] < 1e-9) {
                continue;
            }
            assertEquals(r[1], l.mae(), 1e-5 * r[1], key + " mae");
            assertEquals(r[2], l.rmse(), 1e-5 * r[2], key + " rmse");
            assertEquals(r[3], l.rsq(), 1e-5, key + " rsq");
            worst = Math.max(worst, Math.max(Math.abs(l.mae() / r[1] - 1), Math.abs(l.rmse() / r[2] - 1)));
            compared++;
        }
        System.out.printf("FitSNAP error table: %d entries compared, worst relative deviation %.2e%n", compared, worst);
        assertEquals(ref.size(), lines.size());
        assertTrue(compared >= 65, "compared " + compared);
    }

    private static String kind(RowKind k) {
        return switch (k) {
            case ENERGY -> "Energy";
            case FORCE -> "Force";
            case STRESS -> "Stress";
        };
    }

    static Map<String, double[]> readTable(Path file) throws IOException {
        Pattern p = Pattern.compile("\\|\\s*\\('([^']+)', '(\\w+)', '(\\w+)'\\)\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\S+)\\s*\\|\\s*(\\S+)\\s*\\|\\s*(\\S+)\\s*\\|");
        Map<String, double[]> out = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                out.put(m.group(1) + "|" + m.group(2) + "|" + m.group(3), new double[]{Double.parseDouble(m.group(4)),
                    Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)), Double.parseDouble(m.group(7))});
            }
        }
        return out;
    }
}
