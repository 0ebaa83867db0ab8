package org.peierls.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.fit.Weights;
import org.peierls.io.Json;
import org.peierls.oracle.Oracle;
import org.peierls.oracle.TeacherOracle;
import org.peierls.potential.PotentialSpecs;

/**
 * On-the-fly learning of the vacancy hop in bcc Ta (2×2×2 cell, 15 atoms) with the Zhou 2004 EAM
 * as the oracle, from six labelled bulk cells: the learned barrier matches the oracle's own NEB,
 * and a second run in the same folder resumes without computing a single label again.
 */
class ActiveLearningTest {

    @TempDir
    Path tmp;

    /** The teacher, counting the structures it really labels. */
    private static final class Counting implements Oracle {
        final TeacherOracle teacher = new TeacherOracle(PotentialSpecs.parse("zhou2004:Ta"));
        final AtomicInteger labels = new AtomicInteger();

        @Override
        public String describe() {
            return teacher.describe();
        }

        @Override
        public Frame label(Structure structure, String group) {
            labels.incrementAndGet();
            return teacher.label(structure, group);
        }
    }

    private ActiveLearning.Settings settings() {
        return new ActiveLearning.Settings("vacancy-hop", "Ta", LatticeType.BCC, 3.303, "qsnap", Map.of(), "zbl:1.8,2.3", List.of(),
                1.5, 3.0, 50, 3, 2, 1, 1, 0.01, new Weights(1000, 1, 0.01), tmp);
    }

    @Test
    void learnsTheHopBarrierAndResumesWithoutRelabelling() {
        Counting oracle = new Counting();
        List<String> log = new ArrayList<>();
        Map<String, Object> doc = new ActiveLearning(settings(), oracle, oracle.teacher.teacher(), log::add).run();
        JsonNode d = Json.mapper().valueToTree(doc);
        double barrier = d.get("result").get("barrier_ev").asDouble(), reference = d.get("result").get("reference_barrier_ev").asDouble();
        // the bar: the oracle's barrier within 10 meV (the teacher's NEB: same cell, images and tolerances)
        assertEquals(reference, barrier, 0.010, String.join("\n", log));
        int labels = d.get("labels").asInt();
        assertTrue(labels < 50, "labels " + labels);
        assertTrue(d.get("oracle_calls").asInt() >= 1, "the bulk-only start must need labels");
        assertTrue(d.get("verdict").asText().startsWith("converged"), d.get("verdict").asText());
        // every label the loop asked for went through the oracle once: start cells, selections and verifications
        int computed = oracle.labels.get();
        assertTrue(computed >= labels, computed + " computed for " + labels + " kept");

        Counting again = new Counting();
        Map<String, Object> second = new ActiveLearning(settings(), again, again.teacher.teacher(), log::add).run();
        JsonNode e = Json.mapper().valueToTree(second);
        assertEquals(0, again.labels.get(), "a resumed run computed labels again");
        assertEquals(labels, e.get("labels").asInt());
        assertEquals(d.get("oracle_calls").asInt(), e.get("oracle_calls").asInt());
        assertEquals(barrier, e.get("result").get("barrier_ev").asDouble(), 1e-9);
    }

    /**
     * The screw-glide task on the battery's quick cylinder (168 atoms), labelled through carved
     * cells and the oracle's check of the model's own glide path: the learned Peierls barrier
     * within 10 % of the teacher's NEB (measured +5.5 %: 0.0451 against 0.0428 eV/b; the model's
     * path under the oracle gives 0.0456), with fewer than 50 labels, and a rerun resumes with no
     * label computed again. Without the check the loop stopped at 0.0113 eV/b once γ was content.
     */
    @Test
    void learnsThePeierlsBarrierThroughCarvedCellsAndChecksOfItsPath() {
        Path dir = tmp.resolve("glide");
        ActiveLearning.Settings glide = new ActiveLearning.Settings("screw-glide", "Ta", LatticeType.BCC, 3.303, "qsnap", Map.of(),
                "zbl:1.8,2.3", List.of(), 1.5, 3.0, 50, 3, 2, 1, 1, 0.01, new Weights(1000, 1, 0.01), dir);
        Counting oracle = new Counting();
        List<String> log = new ArrayList<>();
        JsonNode d = Json.mapper().valueToTree(new ActiveLearning(glide, oracle, oracle.teacher.teacher(), log::add).run());
        assertTrue(d.get("result").get("values").has("peierls_barrier_ev_per_b"), d.get("verdict") + "\n" + String.join("\n", log));
        double model = d.get("result").get("values").get("peierls_barrier_ev_per_b").asDouble();
        double teacher = d.get("result").get("reference_values").get("peierls_barrier_ev_per_b").asDouble();
        assertEquals(teacher, model, 0.1 * teacher, String.join("\n", log));
        assertTrue(d.get("verdict").asText().contains("verified by the oracle"), d.get("verdict").asText());
        assertTrue(d.get("labels").asInt() < 50);
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("property.png")), "barrier against labels");
        Counting again = new Counting();
        JsonNode e = Json.mapper().valueToTree(new ActiveLearning(glide, again, again.teacher.teacher(), log::add).run());

        assertEquals(0, again.labels.get(), "a resumed run computed labels again");
        assertEquals(model, e.get("result").get("values").get("peierls_barrier_ev_per_b").asDouble(), 1e-9);
    }

    /**
     * The md task: a vacancy in 2×2×2 bcc Ta at 2000 K for 400 steps, from the bulk start. It must
     * ask for labels (the bulk model extrapolates at the vacancy), put most of them early, end with
     * γ content, and a rerun in the same folder computes no label again.
     */
    @Test
    void learnsAlongMdAndResumesWithoutRelabelling() {
        Path dir = tmp.resolve("md");
        ActiveLearning.Settings md = new ActiveLearning.Settings("md", "Ta", LatticeType.BCC, 3.303, "qsnap", Map.of(), "zbl:1.8,2.3",
                List.of(), 1.5, 3.0, 50, 3, 2, 1, 1, 0.01, new Weights(1000, 1, 0.01), dir, 2000, 400);
        Counting oracle = new Counting();
        List<String> log = new ArrayList<>();
        JsonNode d = Json.mapper().valueToTree(new ActiveLearning(md, oracle, oracle.teacher.teacher(), log::add).run());
        assertTrue(d.get("oracle_calls").asInt() >= 1, String.join("\n", log));
        assertTrue(d.get("verdict").asText().startsWith("converged"), d.get("verdict").asText());
        int loop = d.get("labels").asInt() - 6;
        assertTrue(d.get("result").get("labels_in_first_quarter").asInt() * 2 >= loop, "most labels early: " + d.get("result"));
        Counting again = new Counting();
        JsonNode e = Json.mapper().valueToTree(new ActiveLearning(md, again, again.teacher.teacher(), log::add).run());
        assertEquals(0, again.labels.get(), "a resumed run computed labels again");
        assertEquals(d.get("labels").asInt(), e.get("labels").asInt());
    }
}
