package org.peierls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.study.Experiment;
import picocli.CommandLine;

/**
 * The acceptance check of {@code peierls run --quick} (issue 8): the command runs end to end on the
 * embedded default, every image index.html references exists and decodes as a PNG, and
 * summary.json holds one row per student × rung with a value (or an explicit null for a failed
 * calculation) for every property the teacher has.
 */
class RunCommandTest {

    @Test
    void quickRunWritesACompleteReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        StringWriter err = new StringWriter();
        CommandLine cli = Peierls.commandLine();
        cli.setErr(new PrintWriter(err));
        int rc = cli.execute("run", "--quick", "--out", out.toString());
        assertEquals(0, rc, err.toString());

        String html = Files.readString(out.resolve("index.html"));
        Matcher m = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        List<String> images = new ArrayList<>();
        while (m.find()) {
            images.add(m.group(1));
        }
        assertTrue(images.size() >= 5, "index.html shows only " + images.size() + " images");
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        for (String img : images) {
            Path p = out.resolve(img);
            assertTrue(Files.isRegularFile(p), "index.html references a missing image: " + img);
            byte[] head = Files.readAllBytes(p);
            for (int k = 0; k < magic.length; k++) {
                assertEquals(magic[k], head[k], img + " is not a PNG (signature)");
            }
            BufferedImage bi = ImageIO.read(p.toFile());
            assertTrue(bi != null && bi.getWidth() > 50 && bi.getHeight() > 50, img + " does not decode as an image");
        }

        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        Experiment e = Experiment.embeddedDefault().withQuick(true);
        int rungs = e.families().size();
        assertEquals(e.students().size() * rungs, s.get("rows").size(), "one row per student × rung");
        List<String> props = new ArrayList<>();
        s.get("properties").forEach(p -> props.add(p.asText()));
        assertFalse(props.isEmpty(), "the teacher's battery gave no properties");
        Set<String> ids = new HashSet<>();
        for (JsonNode row : s.get("rows")) {
            ids.add(row.get("id").asText());
            JsonNode values = row.get("properties");
            for (String p : props) {
                assertTrue(values.has(p), row.get("id").asText() + " lacks property " + p);
            }
            assertTrue(row.get("cost_us_per_atom_step").asDouble() > 0, "cost of " + row.get("id").asText());
        }
        assertEquals(s.get("rows").size(), ids.size(), "row ids are unique");
        assertTrue(s.get("pareto_front").size() >= 1, "the Pareto front has at least one model");
    }
}
