package org.peierls.report;

import static org.peierls.report.Html.esc;
import static org.peierls.report.Html.join;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.active.Family;
import org.peierls.study.Study;

/**
 * The battery's own plots side by side: one table per plot kind (screw-core DD map, γ-surface,
 * GSF, …), rows the students, columns the rungs, the teacher's first. A plot kind appears only
 * when the teacher's plot is on disk ({@code plots/teacher/}); a rung without its plot shows why
 * (the battery's error) instead.
 */
final class BatteryGalleries {

    private static final String KIND = """
            <h3>%s</h3>
            <div style="overflow-x:auto"><table><tr><th class=l>teacher</th>%s</tr>
            <tr><td><img src="%s" alt="teacher" style="width:260px"></td><td colspan=%d class=l>%s</td></tr>
            %s</table></div>
            """;
    private static final String STUDENT = "<tr><td class=l><b>%s</b></td>%s</tr>\n";
    private static final String PLOT = "<td><img src=\"%s\" alt=\"%s\" style=\"width:260px\"></td>";
    private static final String NO_PLOT = "<td style=\"background:#ddd\">%s</td>";

    private BatteryGalleries() {
    }

    /** The galleries section, or "" when the teacher has no plots. */
    static String html(StudySummary s, Path out) {
        Map<String, String> teacherPlots = s.result().teacher().plots();
        if (teacherPlots.isEmpty()) {
            return "";
        }
        List<Family> ladder = s.result().experiment().families();
        String header = join(ladder, f -> "<th>+" + esc(f.key()) + "</th>");
        StringBuilder h = new StringBuilder("<h2>Defect battery plots</h2>\n");
        for (Map.Entry<String, String> kind : teacherPlots.entrySet()) {
            String teacherImg = "plots/teacher/" + kind.getValue();
            if (!Files.isRegularFile(out.resolve(teacherImg))) {
                continue;
            }
            String students = join(s.students(), student -> String.format(Locale.ROOT, STUDENT, esc(student),
                    join(s.rowsOf(student), row -> cell(row, kind.getKey(), out))));
            h.append(String.format(Locale.ROOT, KIND, esc(kind.getKey().replace('_', ' ')), header, esc(teacherImg), ladder.size(),
                    esc(s.result().experiment().teacher()), students));
        }
        return h.toString();
    }

    private static String cell(Study.Row row, String kind, Path out) {
        String f = row.properties().plots().get(kind);
        String img = f == null ? null : "plots/" + Study.safeId(row.rung().id()) + "/" + f;
        if (img != null && Files.isRegularFile(out.resolve(img))) {
            return String.format(Locale.ROOT, PLOT, esc(img), esc(row.rung().id()));
        }
        String why = row.properties().errors().get(kind);
        return String.format(Locale.ROOT, NO_PLOT, esc(why == null ? "no plot" : why));
    }
}
