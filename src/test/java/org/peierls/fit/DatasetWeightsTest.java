package org.peierls.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Labels;
import org.peierls.util.InputException;
import org.peierls.util.Progress;

/** Weights, stress masks, splits and label checks of data sets. */
class DatasetWeightsTest {

    private static final int MO = FitTestData.z("Mo");

    private static double[] solve(Dataset d) {
        SnapSettings s = new SnapSettings(FitTestData.bispectrum(MO), false, true, Reference.NONE, new SvdSolver(1e-13));
        return SnapFit.run(d, s, Progress.silent()).solution().coefficients();
    }

    private static void assertClose(double[] a, double[] b, double rel) {
        assertEquals(a.length, b.length);
        double scale = 0;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k], b[k], rel * scale, "coefficient " + k);
        }
    }

    /**
     * Weights multiply residuals: weight 2 on group A equals every A configuration taken 4 times;
     * scaling every weight leaves the fit unchanged; weight 0 equals leaving the group out.
     * Tolerance 1e-8 of the largest coefficient: the design matrix has condition ~1e4, so the two
     * orderings of the same least-squares problem agree to ~cond·ε.
     */
    @Test
    void weightsMultiplyResiduals() {
        Dataset d = FitTestData.data(12, MO, 0, 11);
        Weights base = new Weights(50, 1, 0.2);
        double[] ref = solve(d.withWeights(base, Map.of("A", new Weights(100, 2, 0.4))));
        List<Configuration> four = new ArrayList<>();
        for (Configuration c : d.configurations()) {
            int copies = c.group().equals("A") ? 4 : 1;
            for (int k = 0; k < copies; k++) {
                four.add(c);
            }
        }
        assertClose(ref, solve(Dataset.of(four).withWeights(base)), 1e-8);
        assertClose(ref, solve(d.withWeights(new Weights(5, 0.1, 0.02), Map.of("A", new Weights(10, 0.2, 0.04)))), 1e-8);

        double[] noB = solve(d.withWeights(base, Map.of("B", new Weights(0, 0, 0))));
        Role[] roles = new Role[d.size()];
        for (int k = 0; k < roles.length; k++) {
            roles[k] = d.get(k).group().equals("B") ? Role.UNUSED : Role.TRAIN;
        }
        assertClose(noB, solve(d.withRoles(roles).withWeights(base)), 1e-8);
    }

    /** Stress components outside a configuration's mask carry no weight: changing their labels changes nothing. */
    @Test
    void maskedStressComponentsAreIgnored() {
        Dataset d = FitTestData.data(8, MO, 0, 12).withWeights(new Weights(50, 1, 1));
        List<Configuration> masked = new ArrayList<>(), scrambled = new ArrayList<>();
        for (Configuration c : d.configurations()) {
            masked.add(new Configuration(c.name(), c.structure(), c.labels(), c.group(), c.role(), Configuration.NO_YZ_XZ));
            double[] s = c.labels().stress();
            s[3] += 0.05;
            s[4] -= 0.07;
            Labels l = new Labels(c.labels().energy(), c.labels().forces(), s);
            scrambled.add(new Configuration(c.name(), c.structure(), l, c.group(), c.role(), Configuration.NO_YZ_XZ));
        }
        double[] a = solve(d.withConfigurations(masked));
        double[] b = solve(d.withConfigurations(scrambled));
        assertArrayEquals(a, b, 0);
        assertFalse(java.util.Arrays.equals(a, solve(d)), "the mask must matter");
    }

    @Test
    void splitIsReproducibleAndPerGroup() {
        Dataset d = FitTestData.data(40, MO, 0, 13);
        Dataset s1 = d.split(Map.of("A", 0.25), 0.5, 42);
        Dataset s2 = d.split(Map.of("A", 0.25), 0.5, 42);
        Dataset s3 = d.split(Map.of("A", 0.25), 0.5, 43);
        int testA = 0, testB = 0;
        boolean differs = false;
        for (int k = 0; k < d.size(); k++) {
            assertEquals(s1.get(k).role(), s2.get(k).role());
            differs |= s1.get(k).role() != s3.get(k).role();
            if (s1.get(k).role() == Role.TEST) {
                if (s1.get(k).group().equals("A")) {
                    testA++;
                } else {
                    testB++;
                }
            }
        }
        assertEquals(5, testA); // round(0.25·20)
        assertEquals(10, testB); // round(0.5·20)
        assertTrue(differs, "another seed gives another split");
        // group A's split does not depend on group B's fraction
        Dataset s4 = d.split(Map.of("A", 0.25, "B", 0.1), 0.5, 42);
        for (int k = 0; k < d.size(); k++) {
            if (d.get(k).group().equals("A")) {
                assertEquals(s1.get(k).role(), s4.get(k).role());
            }
        }
    }

    @Test
    void badLabelsAndGroupsAreClearErrors() {
        Dataset d = FitTestData.data(3, MO, 0, 14);
        Configuration c = d.get(1);
        double[] f = c.labels().forces();
        f[7] = Double.NaN;
        List<Configuration> list = new ArrayList<>(d.configurations());
        list.set(1, new Configuration("bad.extxyz#1", c.structure(), new Labels(c.labels().energy(), f, null), "A",
                Role.TRAIN, Configuration.ALL_STRESS));
        InputException e = assertThrows(InputException.class, () -> d.withConfigurations(list).checkLabels());
        assertTrue(e.getMessage().contains("bad.extxyz#1") && e.getMessage().contains("atom 2"), e.getMessage());

        InputException g = assertThrows(InputException.class,
                () -> d.withWeights(Weights.DEFAULT, Map.of("Vacancy", Weights.DEFAULT)));
        assertTrue(g.getMessage().contains("Vacancy") && g.getMessage().contains("no configurations"), g.getMessage());

        Dataset noTrain = d.withWeights(new Weights(0, 0, 0));
        InputException z = assertThrows(InputException.class, () -> solve(noTrain));
        assertTrue(z.getMessage().contains("non-zero weight"), z.getMessage());
    }

    /** A fixed composition makes the two β0 columns equal: QR names them, SVD fits anyway. */
    @Test
    void rankDeficientDesignNamesColumns() {
        int nb = FitTestData.z("Nb");
        Dataset d = FitTestData.data(6, MO, nb, 15, false);
        SnapSettings s = new SnapSettings(FitTestData.bispectrum(MO, nb), false, true, Reference.NONE, new QrSolver());
        InputException e = assertThrows(InputException.class, () -> SnapFit.run(d, s, Progress.silent()));
        assertTrue(e.getMessage().contains("rank-deficient") && e.getMessage().contains("β0"), e.getMessage());
        SnapFit svd = SnapFit.run(d, s.withSolver(new SvdSolver(1e-13)), Progress.silent());
        assertEquals(svd.design().columns() - 1, svd.solution().rank());
    }
}
