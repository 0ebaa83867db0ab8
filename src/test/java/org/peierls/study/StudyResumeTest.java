package org.peierls.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.io.Json;

/**
 * The stage caches of a study: a run interrupted after its first family (the later files deleted,
 * as a kill leaves them) resumes to the same data, bit for bit, and the same models and battery
 * numbers as an uninterrupted run; a changed experiment clears the caches instead of mixing them.
 */
class StudyResumeTest {

    @TempDir
    Path tmp;

    static Experiment experiment(long seed) {
        return new Experiment("resume test", "Ta", "bcc", null, "zhou2004:Ta", seed, 0.25, List.of("bulk", "point"),
                List.of(new Experiment.Student("snap", "snap", null, Map.of("twojmax", "4"))), null, List.of("lattice", "vacancy"), true, null, null, null);
    }

    private static List<String> log = new ArrayList<>();

    private static Study.Result run(Experiment e, Path out) {
        return new Study(e, out, line -> log.add(line)).run();
    }

    @Test
    void anInterruptedRunResumesToTheSameResult() throws Exception {
        Path whole = tmp.resolve("whole"), resumed = tmp.resolve("resumed");
        Study.Result a = run(experiment(5), whole);
        // the "interrupted" run: its first family was written, nothing after it
        run(experiment(5), resumed);
        Files.delete(resumed.resolve("data").resolve("point.extxyz"));
        deleteTree(resumed.resolve("models"));
        deleteTree(resumed.resolve("battery"));
        log.clear();
        Study.Result b = run(experiment(5), resumed);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("bulk:") && l.endsWith("(cached)")), "bulk came from the cache: " + log);
        assertFalse(log.stream().anyMatch(l -> l.startsWith("point:") && l.endsWith("(cached)")), "point was made again: " + log);
        for (String family : List.of("bulk", "point")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve("data").resolve(family + ".extxyz")),
                    Files.readAllBytes(resumed.resolve("data").resolve(family + ".extxyz")), family + " data");
        }
        for (String id : List.of("snap@bulk", "snap@point")) {
            JsonNode ma = Json.read(whole.resolve("models").resolve(id).resolve("model.json"));
            JsonNode mb = Json.read(resumed.resolve("models").resolve(id).resolve("model.json"));
            assertEquals(ma.get("coefficients"), mb.get("coefficients"), id + " coefficients");
        }
        assertEquals(a.rows().size(), b.rows().size());
        for (int k = 0; k < a.rows().size(); k++) {
            assertEquals(a.rows().get(k).properties().scalars(), b.rows().get(k).properties().scalars(), "battery of row " + k);
        }
        assertEquals(a.teacher().scalars(), b.teacher().scalars());
    }

    @Test
    void aChangedExperimentStartsAfresh() {
        Path out = tmp.resolve("changed");
        run(experiment(5), out);
        log.clear();
        run(experiment(6), out);
        assertTrue(log.stream().anyMatch(l -> l.contains("experiment changed")), "said why: " + log);
        assertFalse(log.stream().anyMatch(l -> l.endsWith("(cached)")), "no stage reused: " + log);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
