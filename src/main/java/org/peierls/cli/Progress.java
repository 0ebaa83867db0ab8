package org.peierls.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command: a progress bar (me.tongfei progressbar) on an interactive terminal,
 * otherwise a plain line on standard error every tenth of the work (and at the end), so logs stay
 * readable. Not thread-safe.
 */
final class Progress implements AutoCloseable {

    private final String task;
    private final long total;
    private final ProgressBar bar;
    private final PrintStream plain;
    private final long startNanos = System.nanoTime();
    private long nextReport;
    private String extra = "";

    private Progress(String task, long total, long start, boolean interactive, PrintStream plain) {
        this.task = task;
        this.total = Math.max(1, total);
        this.plain = plain;
        this.nextReport = start + Math.max(1, this.total / 10);
        if (interactive) {
            this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(this.total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500).showSpeed().build();
            bar.stepTo(start);
        } else {
            this.bar = null;
        }
    }

    /** A progress display for {@code total} units starting at {@code start}; a bar only on a terminal. */
    static Progress start(String task, long total, long start) {
        return new Progress(task, total, start, System.console() != null && !"dumb".equals(System.getenv("TERM")), System.err);
    }

    /** A progress display that never draws a bar (tests, quiet runs). */
    static Progress plain(String task, long total, long start, PrintStream out) {
        return new Progress(task, total, start, false, out);
    }

    /** Text shown after the counter (e.g. "fmax 0.03 eV/Å"). */
    void extra(String text) {
        extra = text;
        if (bar != null) {
            bar.setExtraMessage(" " + text);
        }
    }

    void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(Math.min(done, total));
        } else if (plain != null && done >= nextReport) {
            report(done);
            while (nextReport <= done) {
                nextReport += Math.max(1, total / 10);
            }
        }
    }

    private void report(long done) {
        double s = (System.nanoTime() - startNanos) * 1e-9;
        plain.printf(Locale.ROOT, "%s: %d/%d (%.0f%%) %.1f s%s%n", task, done, total, 100.0 * done / total, s,
                extra.isEmpty() ? "" : ", " + extra);
        plain.flush();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
