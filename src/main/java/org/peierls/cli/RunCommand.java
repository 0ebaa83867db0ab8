package org.peierls.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.peierls.report.StudyReport;
import org.peierls.study.Experiment;
import org.peierls.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code peierls run}: the teacher–student defect study (label defect configurations with a
 * teacher, fit students on a ladder of training sets, run the defect battery on each, report).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The main job: build defect data with a teacher, fit students on a ladder of training sets, "
                + "run the defect battery on every model and write OUT/index.html and OUT/summary.json.",
                "Without EXPERIMENT.yaml the embedded default runs (Ta, teacher zhou2004:Ta, SNAP and qSNAP students; "
                + "schema in docs/experiment.md). Stages are cached in OUT: running again resumes."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ThreadsOption threads;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXPERIMENT.yaml", description = "Experiment file (default: the embedded Ta study).")
    Path experiment;

    @Option(names = "--out", defaultValue = "report", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "A reduced study: smaller cells and fewer configurations (about 2 minutes).")
    boolean quick;

    @Override
    public Integer call() {
        threads.apply();
        Experiment e = experiment == null ? Experiment.embeddedDefault() : Experiment.read(experiment);
        if (quick) {
            e = e.withQuick(true);
        }
        long t0 = System.nanoTime();
        System.err.println("peierls run: " + e.name() + (e.quick() ? " (quick)" : "") + " → " + out);
        Study.Result r = new Study(e, out, line -> System.err.println("  " + line)).run();
        StudyReport.write(r, out);
        System.out.printf("peierls run: wrote %s and %s in %.0f s%n", out.resolve("index.html"), out.resolve("summary.json"),
                (System.nanoTime() - t0) * 1e-9);
        return 0;
    }
}
