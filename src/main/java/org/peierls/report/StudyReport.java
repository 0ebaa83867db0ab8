package org.peierls.report;

import java.nio.file.Path;
import java.util.Map;
import org.peierls.io.AtomicWrite;
import org.peierls.io.Json;
import org.peierls.study.Study;

/**
 * Writes the report of a finished study into a folder that opens from disk: {@code summary.json}
 * (the numbers, {@link StudySummary}), the PNGs beside it ({@link StudyPlots}) and
 * {@code index.html} ({@link ReportPage}) — the Table-I-style matrix of defect properties, the
 * ablation curves, parity plots, the battery's own plots, cost vs error with the Pareto front,
 * and timings.
 */
public final class StudyReport {

    private StudyReport() {
    }

    /** Writes summary.json, index.html and the plots into {@code out}. */
    public static void write(Study.Result result, Path out) {
        StudySummary summary = new StudySummary(result);
        Map<String, Object> json = summary.toJson();
        Json.write(out.resolve("summary.json"), json);
        StudyPlots.Written plots = StudyPlots.write(summary, out);
        String html = ReportPage.html(summary, plots, out);
        AtomicWrite.text(out.resolve("index.html"), w -> w.write(html));
    }
}
