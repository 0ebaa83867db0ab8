package org.peierls.util;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long task of a known number of steps: a progress bar (me.tongfei progressbar) when
 * standard error is an interactive terminal, plain lines ("descriptors: 120/363 (33%)") about
 * every tenth of the work otherwise, or nothing ({@link #silent}). Thread-safe: workers may call
 * {@link #step} concurrently.
 */
public final class Progress implements AutoCloseable {

    private final String task;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final ProgressBar bar;
    private final PrintStream lines;
    private final long started = System.nanoTime();
    private volatile long nextLine;

    private Progress(String task, long total, ProgressBar bar, PrintStream lines) {
        this.task = task;
        this.total = Math.max(total, 0);
        this.bar = bar;
        this.lines = lines;
        this.nextLine = Math.max(1, this.total / 10);
    }

    /** No output at all. */
    public static Progress silent() {
        return new Progress("", 0, null, null);
    }

    /**
     * A progress report on standard error: a bar on a terminal, plain lines otherwise. The
     * environment variable {@code PEIERLS_PROGRESS=none} silences it, {@code =lines} forces lines.
     */
    public static Progress start(String task, long total) {
        String mode = System.getenv().getOrDefault("PEIERLS_PROGRESS", "");
        if (mode.equalsIgnoreCase("none")) {
            return silent();
        }
        boolean terminal = System.console() != null && !mode.equalsIgnoreCase("lines");
        if (terminal) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate().build();
            return new Progress(task, total, bar, null);
        }
        return new Progress(task, total, null, System.err);
    }

    /** One step done. */
    public void step() {
        stepBy(1);
    }

    /** {@code n} steps done. */
    public void stepBy(long n) {
        long now = done.addAndGet(n);
        if (bar != null) {
            bar.stepBy(n);
        } else if (lines != null && now >= nextLine && now < total) {
            synchronized (this) {
                if (now >= nextLine) {
                    nextLine = now + Math.max(1, total / 10);
                    lines.printf("%s: %d/%d (%d%%)%n", task, now, total, 100 * now / Math.max(total, 1));
                }
            }
        }
    }

    /** Steps done so far. */
    public long done() {
        return done.get();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        } else if (lines != null) {
            lines.printf("%s: %d/%d done in %.1f s%n", task, done.get(), total, (System.nanoTime() - started) * 1e-9);
        }
    }
}
