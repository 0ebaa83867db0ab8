package org.peierls.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peierls.active.DefectCandidates;
import org.peierls.active.Family;
import org.peierls.atoms.Frame;
import org.peierls.atoms.LatticeType;
import org.peierls.fit.Metrics;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.Results;

/**
 * The ladder: every rung fits its families, a family's held-out error drops when it joins, the
 * returned potential predicts what the rows predicted; MTP and a model kind of the test tree
 * ({@code fit.RadialKind}) climb it through the same kind session.
 */
class LadderFitTest {

    /** The quick teacher data of bcc Ta (Zhou 2004 EAM at its lattice constant) for these families, seed 3. */
    static List<Frame> quickTaData(List<Family> ladder) {
        Potential teacher = PotentialSpecs.parse("zhou2004:Ta");
        double a0 = 2 * 2.860082 / Math.sqrt(3);
        TeacherData data = new TeacherData(teacher, new DefectCandidates.Options("Ta", LatticeType.BCC, a0, true, 3, 300));
        List<Frame> frames = new ArrayList<>();
        for (Family f : ladder) {
            frames.addAll(data.generate(f, s -> { }));
        }
        return frames;
    }

    @Test
    void everyRungFitsItsFamiliesAndLearnsWhatItIsShown() {
        List<Family> ladder = List.of(Family.values());
        List<Frame> frames = quickTaData(ladder);
        boolean[] test = TrainTestSplit.testMask(frames, 0.25, 1);
        Experiment.Student student = new Experiment.Student("snap", "snap", null, java.util.Map.of("twojmax", "6", "rcutfac", "5.0"));
        List<LadderFit.Rung> rungs = LadderFit.fit(student, "Ta", frames, test, ladder, new Experiment.FitWeights(100.0, 1.0, 0.0));
        assertEquals(ladder.size(), rungs.size());
        for (LadderFit.Rung r : rungs) {
            System.out.printf("%-12s train %3d  E %.2f meV/at  F %.3f | test E %.2f F %.3f | per family %s%n", r.id(), r.trainConfigs(),
                    r.train().energyMae(), r.train().forceMae(), r.testAll().energyMae(), r.testAll().forceMae(),
                    r.test().entrySet().stream().map(e -> e.getKey().key() + "=" + String.format("%.1f", e.getValue().energyMae())).toList());
        }
        for (int k = 1; k < ladder.size(); k++) {
            Family joins = ladder.get(k);
            Metrics before = rungs.get(k - 1).test().get(joins), after = rungs.get(k).test().get(joins);
            System.out.printf("%s joins: test E %.2f → %.2f meV/atom, F %.3f → %.3f eV/Å%n", joins.key(), before.energyMae(),
                    after.energyMae(), before.forceMae(), after.forceMae());
            // what the ladder is for: a family's held-out error falls when the family joins the training set
            assertTrue(after.energyMae() < before.energyMae(), joins.key() + " energy MAE " + before.energyMae() + " → " + after.energyMae());
            assertTrue(after.forceMae() < before.forceMae(), joins.key() + " force MAE " + before.forceMae() + " → " + after.forceMae());
        }
        // the model the fit returns predicts what the rows predict (rows = potential)
        LadderFit.Rung last = rungs.get(rungs.size() - 1);
        Frame f0 = frames.get(0);
        Results r = last.potential().compute(f0.structure());
        assertEquals(last.predictions().get(0).energy(), r.energy(), 1e-8 * Math.abs(r.energy()));
        // Training error of the full ladder on bulk is small in absolute terms (teacher is smooth EAM)
        Metrics bulkTest = last.test().get(Family.BULK);
        assertTrue(bulkTest.energyMae() < 20, "bulk test energy MAE " + bulkTest.energyMae());
    }

    /**
     * An MTP student (each rung its own variable-projection fit, warm-started): the potential the
     * rung returns reproduces the predictions its metrics were computed from (rows = potential, to
     * round-off), and a level-10 MTP with the ZBL wall learns the bulk of a smooth EAM to a few
     * meV/atom on held-out bulk configurations.
     */
    @Test
    void mtpStudentClimbsTheLadderToo() {
        List<Family> ladder = List.of(Family.BULK, Family.POINT);
        List<Frame> frames = quickTaData(ladder);
        boolean[] test = TrainTestSplit.testMask(frames, 0.25, 1);
        Experiment.Student student = new Experiment.Student("mtp", "mtp", "zbl:1.8,2.3", java.util.Map.of("rcutfac", "5.0", "level", "8"));
        List<LadderFit.Rung> rungs = LadderFit.fit(student, "Ta", frames, test, ladder, new Experiment.FitWeights(100.0, 1.0, 0.0));
        assertEquals(2, rungs.size());
        for (LadderFit.Rung r : rungs) {
            System.out.printf("%-10s train E %.2f meV/at F %.3f | test E %.2f F %.3f%n", r.id(), r.train().energyMae(), r.train().forceMae(),
                    r.testAll().energyMae(), r.testAll().forceMae());
            for (int k = 0; k < frames.size(); k++) {
                if (r.predictions().get(k) != null) {
                    Results e = r.potential().compute(frames.get(k).structure());
                    assertEquals(r.predictions().get(k).energy(), e.energy(), 1e-8 * Math.abs(e.energy()), r.id() + " config " + k);
                    break;
                }
            }
            assertEquals("mtp", String.valueOf(r.model().get("kind")), "model.json kind");
        }
        assertTrue(rungs.get(1).test().get(Family.BULK).energyMae() < 20, "bulk test MAE " + rungs.get(1).test().get(Family.BULK).energyMae());
    }

    /** A kind that exists only in the test tree is a student like any other. */
    @Test
    void aPluginKindIsAStudent() {
        List<Family> ladder = List.of(Family.BULK, Family.POINT);
        List<Frame> frames = quickTaData(ladder);
        boolean[] test = TrainTestSplit.testMask(frames, 0.25, 1);
        Experiment.Student student = new Experiment.Student("radial", "radial", "zbl:1.8,2.3", java.util.Map.of("shells", "8"));
        List<LadderFit.Rung> rungs = LadderFit.fit(student, "Ta", frames, test, ladder, new Experiment.FitWeights(100.0, 1.0, 0.0));
        assertEquals(2, rungs.size());
        assertEquals("radial", String.valueOf(rungs.get(1).model().get("kind")));
        assertTrue(rungs.get(1).testAll().forceMae() < 0.5, "force MAE " + rungs.get(1).testAll().forceMae());
    }
}
