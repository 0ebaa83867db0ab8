package org.peierls.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.study.Study;

/**
 * The report of {@link HandMadeStudy}: summary.json holds the inputs and the numbers derived from
 * them as computed by hand (errors against the teacher, mean relative errors, the Pareto front),
 * every image the page shows is on disk and a PNG, the battery galleries pick up the plots that
 * exist, and names with markup in them ({@code a<b}, "Ta &lt;study&gt; &amp; co", an error
 * message with "&lt;") arrive escaped.
 */
class StudyReportTest {

    @TempDir
    static Path out;
    static JsonNode summary;
    static String html;

    @BeforeAll
    static void write() throws Exception {
        Study.Result r = HandMadeStudy.result();
        // the battery's plots, where the study leaves them
        for (String dir : List.of("teacher", "a_b_point", "snap2_bulk", "snap2_point")) {
            Files.createDirectories(out.resolve("plots").resolve(dir));
            Files.writeString(out.resolve("plots").resolve(dir).resolve("screw_core.png"), "stand-in");
        }
        StudyReport.write(r, out);
        summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        html = Files.readString(out.resolve("index.html"));
    }

    @Test
    void summaryHoldsTheExperimentAndTheData() {
        assertEquals("Ta <study> & co", summary.get("name").asText());
        assertEquals("Ta", summary.get("element").asText());
        assertEquals("bcc", summary.get("lattice").asText());
        assertEquals("zhou2004:Ta", summary.get("teacher").asText());
        assertEquals(3.30, summary.get("lattice_constant_a").asDouble());
        assertTrue(summary.get("quick").asBoolean());
        JsonNode bulk = summary.get("data").get("bulk"), point = summary.get("data").get("point");
        assertEquals(List.of(2, 6, 1), List.of(bulk.get("configs").asInt(), bulk.get("atoms").asInt(), bulk.get("test_configs").asInt()));
        assertEquals(List.of(2, 8, 1), List.of(point.get("configs").asInt(), point.get("atoms").asInt(), point.get("test_configs").asInt()));
        assertEquals(12.25, summary.get("timings_s").get("teacher data").asDouble());
    }

    @Test
    void thePropertyColumnsAreTheTeachersFiniteScalars() {
        List<String> props = new ArrayList<>();
        summary.get("properties").forEach(p -> props.add(p.asText()));
        assertEquals(List.of("lattice_constant_a", "c11_gpa", "vacancy_formation_ev", "surface_energy_j_m2.100", "surface_energy_j_m2.110",
                "gsf.110.unstable_mj_m2", "screw_core.polarity", "screw_core.compact"), props, "the null intrinsic fault is no column");
        assertEquals(260.0, summary.get("teacher_properties").get("c11_gpa").asDouble());
        assertEquals("test", summary.get("teacher_battery").get("potential").asText());
    }

    @Test
    void rowsCarryValuesErrorsAndTheirMeanAgainstTheTeacher() {
        JsonNode rows = summary.get("rows");
        assertEquals(4, rows.size());
        JsonNode first = rows.get(0), second = rows.get(1);
        assertEquals("a<b@bulk", first.get("id").asText());
        assertEquals("a<b", first.get("model").asText());
        assertEquals("bulk", first.get("rung").asText());
        assertEquals("point", second.get("rung").asText());
        JsonNode families = second.get("training_families");
        assertEquals(List.of("bulk", "point"), List.of(families.get(0).asText(), families.get(1).asText()));
        assertEquals(10.0, first.get("cost_us_per_atom_step").asDouble());
        assertEquals(3.0, first.get("metrics").get("test_by_family").get("bulk").get("energy_mae_mev_per_atom").asDouble());
        assertEquals(1.1 * 260.0, first.get("properties").get("c11_gpa").asDouble(), 1e-9);
        assertEquals(0.1 * 260.0, first.get("errors_vs_teacher").get("c11_gpa").asDouble(), 1e-9);
        // the failed vacancy: an explicit null, the battery's message, and a relative error of 1 in the mean
        assertTrue(first.get("properties").get("vacancy_formation_ev").isNull());
        assertTrue(first.get("errors_vs_teacher").get("vacancy_formation_ev").isNull());
        assertEquals("relaxation left E < 0 & diverged", first.get("battery_errors").get("vacancy").asText());
        // six relative properties at 10 % (one failed: 1), compact exact; the polarity (teacher 0) does not count
        assertEquals((5 * 0.10 + 1) / 7, first.get("mean_relative_property_error").asDouble(), 1e-12);
        assertEquals(6 * 0.01 / 7, second.get("mean_relative_property_error").asDouble(), 1e-12);
        assertEquals(3.5, second.get("battery_seconds").asDouble());
    }

    @Test
    void theParetoFrontIsTheCheapestAndTheBest() {
        // a<b@point (10 µs, 0.9 %) beats a<b@bulk and snap2@bulk; snap2@point (40 µs, 0.09 %) is better still
        JsonNode front = summary.get("pareto_front");
        assertEquals(2, front.size());
        assertEquals(List.of("a<b@point", "snap2@point"), List.of(front.get(0).asText(), front.get(1).asText()));
    }

    @Test
    void everyImageThePageShowsIsOnDisk() throws Exception {
        Matcher m = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        List<String> images = new ArrayList<>();
        while (m.find()) {
            images.add(m.group(1));
        }
        // 2 students × (2 ladder + 1 parity + GSF, Peierls overlays) + Pareto + the galleries' teacher and 3 rung plots
        assertEquals(2 * 5 + 1 + 4, images.size(), images.toString());
        for (String img : images) {
            Path p = out.resolve(img.replace("&amp;", "&"));
            assertTrue(Files.isRegularFile(p), "index.html references a missing image: " + img);
            if (!img.startsWith("plots/")) {
                BufferedImage bi = ImageIO.read(p.toFile());
                assertTrue(bi != null && bi.getWidth() == 720 && bi.getHeight() == 480, img + " is not a 720×480 image");
            }
        }
        assertTrue(images.contains("ladder_a_b_energy.png") && images.contains("overlay_gsf_110_snap2.png"), images.toString());
        assertTrue(html.contains("<td style=\"background:#ddd\">no plot</td>"), "the rung without a screw-core plot says so");
    }

    @Test
    void namesWithMarkupAreEscaped() {
        assertFalse(html.contains("a<b"), "a raw student name opens a tag");
        assertFalse(html.contains("<study>"));
        assertTrue(html.contains("<title>Ta &lt;study&gt; &amp; co</title>"));
        assertTrue(html.contains("<td class=l>a&lt;b@bulk</td>"));
        assertTrue(html.contains("<td class=l><b>a&lt;b</b></td>"), "the student's gallery row");
        assertTrue(html.contains("title=\"vacancy: relaxation left E &lt; 0 &amp; diverged\""), "the failure behind a grey cell");
        assertTrue(html.contains("<td class=l>fit &lt;a&gt;</td><td>4.0</td>"), "a timing named with markup");
        assertFalse(html.contains("{{"), "every placeholder is filled");
        assertEquals(count(html, "<tr>") + count(html, "<tr "), count(html, "</tr>"), "rows open and close in pairs");
        assertEquals(count(html, "<td"), count(html, "</td>"), "cells open and close in pairs");
    }

    @Test
    void cellsAreColouredByTheErrorAgainstTheTeacher() {
        // a<b@point: C11 1 % off (green, 262.6 and +2.600); snap2@bulk: 5 % (yellow); a<b@bulk: 10 % (orange)
        assertTrue(html.contains("<td style=\"background:#c8f0c8\">262.6<br><span class=small>+2.600</span></td>"), "1 %");
        assertTrue(html.contains("<td style=\"background:#f7f0a0\">273.0<br><span class=small>+13.000</span></td>"), "5 %");
        assertTrue(html.contains("<td style=\"background:#f8c890\">286.0<br><span class=small>+26.000</span></td>"), "10 %");
        // the polarity (teacher 0) by its absolute difference, 0.05 counting as 10 %: 0.1 off → 20 %, orange; 0.001 → green
        assertTrue(html.contains("<td style=\"background:#f8c890\">0.1000<br><span class=small>+0.1000</span></td>"));
        // (1.001 − 1 falls just below 1e-3, printed with three significant figures)
        assertTrue(html.contains("<td style=\"background:#c8f0c8\">0.00100<br><span class=small>+0.00100</span></td>"));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
