package org.peierls.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.MtpDescriptor;
import org.peierls.descriptor.MtpParameters;
import org.peierls.model.MlPotential;
import org.peierls.potential.Results;
import org.peierls.util.InputException;
import org.peierls.util.Parallel;

/**
 * The MTP fit: the exact gradient of the reduced (variable-projection) loss against finite
 * differences, recovery of a teacher MTP by the linear part, the consistency of the design rows
 * with the potential they define, determinism, a monotone loss, and input errors.
 */
class MtpFitTest {

    private static final int MO = 42, NB = 41;

    static MtpSettings settings(int[] z, int level, int maxIter, double ridge) {
        return new MtpSettings(z, level, 6, 1.8, 4.6, Reference.NONE, maxIter, 1e-4, ridge, true);
    }

    /** Labelled data of two elements, all row kinds weighted (stress 2 per GPa). */
    static Dataset twoElementData() {
        return FitTestData.data(6, MO, NB, 7).withWeights(new Weights(30, 1, 2));
    }

    @Test
    void reducedLossGradientMatchesFiniteDifferences() {
        MtpTrainer tr = new MtpTrainer(twoElementData(), settings(new int[]{MO, NB}, 10, 0, 1e-6));
        double[] y = tr.start();
        Random r = new Random(3);
        for (int q = 0; q < y.length; q++) {
            y[q] += 0.2 * r.nextGaussian();
        }
        double[] g = new double[y.length];
        double l = tr.evaluate(y, g);
        assertTrue(l > 0);
        double gmax = 0;
        for (double v : g) {
            gmax = Math.max(gmax, Math.abs(v));
        }
        // central differences with h = 1e-5 on order-one unknowns: truncation ~h²·L''' and round-off
        // ~1e-16·L/h stay below 1e-6 of the largest gradient component
        double h = 1e-5, worst = 0;
        for (int q = 0; q < y.length; q++) {
            double[] yp = y.clone(), ym = y.clone();
            yp[q] += h;
            ym[q] -= h;
            double fd = (tr.evaluate(yp, null) - tr.evaluate(ym, null)) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - g[q]));
        }
        System.out.printf("MTP reduced loss: %d radial coefficients, max|g| = %.3e, max|g - fd| = %.3e%n", y.length, gmax, worst);
        assertTrue(worst < 1e-6 * gmax, "max |g - fd| = " + worst + " vs max |g| = " + gmax);
    }

    /**
     * Labels made by an MTP whose radial functions are the fit's starting ones: the linear solve
     * alone (no iterations, no ridge) recovers its species and moment coefficients and reproduces
     * every label (1e-8 relative: a well-conditioned least-squares problem with an exact solution).
     */
    @Test
    void linearPartRecoversATeacherMtp() {
        MtpSettings s = settings(new int[]{MO, NB}, 8, 0, 0);
        Dataset shape = FitTestData.data(8, MO, NB, 11);
        MtpTrainer tr = new MtpTrainer(shape, s);
        MtpParameters p = tr.parameters(tr.start());
        Random r = new Random(5);
        double[] x = new double[2 + p.basis().size()];
        x[0] = -3.1;
        x[1] = -2.4;
        for (int q = 2; q < x.length; q++) {
            x[q] = 0.05 * r.nextGaussian();
        }
        MlPotential teacher = MtpFit.potential(p, x, s);
        List<Configuration> labelled = new ArrayList<>();
        for (int k = 0; k < shape.size(); k++) {
            Configuration c = shape.get(k);
            Results res = teacher.compute(c.structure());
            labelled.add(new Configuration(c.name(), c.structure(), new Labels(res.energy(), res.forces(), res.stress()),
                    c.group(), Role.TRAIN, Configuration.ALL_STRESS));
        }
        Dataset data = Dataset.of(labelled).withWeights(new Weights(100, 1, 1));
        MtpFit fit = MtpFit.run(data, s, null);
        double[] got = new double[x.length];
        System.arraycopy(fit.speciesCoefficients(), 0, got, 0, 2);
        System.arraycopy(fit.momentCoefficients(), 0, got, 2, x.length - 2);
        for (int q = 0; q < x.length; q++) {
            assertEquals(x[q], got[q], 1e-8 * Math.max(1, Math.abs(x[q])), "coefficient " + q);
        }
        assertTrue(fit.metrics().train().energyMae() < 1e-6, "E mae " + fit.metrics().train().energyMae() + " meV/atom");
        assertTrue(fit.metrics().train().forceMae() < 1e-8, "F mae " + fit.metrics().train().forceMae());
    }

    /**
     * The rows the fit solves (energy Σ_i B_i with the per-element counts, forces, stress in GPa) are
     * the predictions of the potential the fit writes: A·x + reference equals a direct evaluation
     * (1e-9 relative: two evaluation paths, the forward Jacobian and the adjoint).
     */
    @Test
    void designRowsPredictWhatThePotentialComputes() {
        Dataset data = twoElementData();
        MtpSettings s = settings(new int[]{MO, NB}, 10, 0, 1e-6);
        MtpTrainer tr = new MtpTrainer(data, s);
        double[] y = tr.start();
        for (int q = 0; q < y.length; q++) {
            y[q] *= 1 + 0.1 * Math.sin(q);
        }
        tr.evaluate(y, null);
        MtpParameters p = tr.parameters(y);
        MlPotential pot = MtpFit.potential(p, tr.lastX, s);
        MtpDescriptor d = new MtpDescriptor(p);
        DesignMatrix.Block[] blocks = new DesignMatrix.Block[data.size()];
        for (int k = 0; k < data.size(); k++) {
            blocks[k] = tr.block(k, d);
        }
        DesignMatrix dm = DesignMatrix.of(data, tr.columns, blocks);
        for (int k = 0; k < data.size(); k++) {
            Structure st = data.get(k).structure();
            Prediction direct = Prediction.of(pot, st);
            Prediction rows = Prediction.ofRows(dm, k, tr.lastX);
            assertEquals(direct.energy(), rows.energy(), 1e-9 * Math.abs(direct.energy()));
            assertArrayEquals(direct.forces(), rows.forces(), 1e-9);
            assertArrayEquals(direct.stress(), rows.stress(), 1e-9);
        }
    }

    @Test
    void fitIsDeterministicLowersTheLossAndLogsEveryIteration() {
        Dataset data = FitTestData.data(6, MO, 0, 9);
        MtpSettings s = settings(new int[]{MO}, 8, 6, 1e-8);
        StringWriter log = new StringWriter();
        MtpFit a = MtpFit.run(data, s, new PrintWriter(log));
        int threads = Parallel.threads();
        MtpFit b;
        try {
            Parallel.setThreads(1);
            b = MtpFit.run(data, s, null);
        } finally {
            Parallel.setThreads(threads);
        }
        // per-configuration work is summed in a fixed order: thread counts change nothing
        assertArrayEquals(a.momentCoefficients(), b.momentCoefficients(), 0);
        assertArrayEquals(a.parameters().radialCoefficients(), b.parameters().radialCoefficients(), 0);
        List<MtpFit.Step> h = a.history();
        assertEquals(0, h.get(0).iteration());
        for (int k = 1; k < h.size(); k++) {
            assertTrue(h.get(k).loss() <= h.get(k - 1).loss(), "accepted steps decrease the loss (Armijo)");
        }
        assertTrue(h.get(h.size() - 1).loss() < 0.9 * h.get(0).loss(), "loss " + h.get(0).loss() + " → "
                + h.get(h.size() - 1).loss());
        assertTrue(log.toString().contains("iteration    0: loss"), log.toString());
        assertTrue(log.toString().contains("BFGS: "), log.toString());
    }

    /**
     * Weight selection cross-validates the linear step on one design matrix: held-out predictions
     * must equal those of the fit itself (no BFGS iterations) trained on each fold's complement.
     * Tolerance 1e-8 relative: the same least-squares problems, reduced in another order.
     */
    @Test
    void crossValidationOfTheLinearStepEqualsFittingEachFoldsComplement() {
        Dataset data = FitTestData.data(6, MO, 0, 9).withWeights(new Weights(30, 1, 0));
        MtpSettings s = settings(new int[]{MO}, 8, 0, 1e-8);
        DesignMatrix dm = MtpTrainer.startDesign(data, s);
        int k = 3;
        long seed = 5;
        MetricsReport cv = CrossValidation.reports(dm, k, seed, List.of(new ColumnScaledRidge(s.ridge(), dm.columnInfo())))
                .get(0);
        int[] fold = CrossValidation.folds(data, k, seed);
        List<Prediction> held = new ArrayList<>(java.util.Collections.nCopies(data.size(), (Prediction) null));
        Role[] all = new Role[data.size()];
        for (int f = 0; f < k; f++) {
            Role[] roles = new Role[data.size()];
            for (int i = 0; i < roles.length; i++) {
                roles[i] = fold[i] == f ? Role.TEST : fold[i] >= 0 ? Role.TRAIN : Role.UNUSED;
                all[i] = fold[i] >= 0 ? Role.TRAIN : Role.UNUSED;
            }
            MtpFit fit = MtpFit.run(data.withRoles(roles), s, null);
            for (int i = 0; i < roles.length; i++) {
                if (fold[i] == f) {
                    held.set(i, fit.predictions().get(i));
                }
            }
        }
        Metrics manual = MetricsReport.of(data.withRoles(all), held).train();
        Metrics got = cv.train();
        assertTrue(manual.energyMae() > 0 && manual.forceMae() > 0);
        assertEquals(manual.energyMae(), got.energyMae(), 1e-8 * manual.energyMae());
        assertEquals(manual.forceMae(), got.forceMae(), 1e-8 * manual.forceMae());
    }

    @Test
    void badInputIsAClearError() {
        Dataset data = FitTestData.data(3, MO, NB, 2);
        InputException e = assertThrows(InputException.class, () -> MtpFit.run(data, settings(new int[]{MO}, 8, 0, 0), null));
        assertTrue(e.getMessage().contains("Nb") && e.getMessage().contains("not among"), e.getMessage());
        e = assertThrows(InputException.class, () -> settings(new int[]{MO}, 30, 0, 0));
        assertTrue(e.getMessage().contains("--level"), e.getMessage());
        e = assertThrows(InputException.class, () -> new MtpSettings(new int[]{MO}, 10, 8, 5.0, 4.0, Reference.NONE, 0, 0, 0, true));
        assertTrue(e.getMessage().contains("--min-dist"), e.getMessage());
    }
}
