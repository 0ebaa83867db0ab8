package org.peierls.util;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long task of a known number of steps: a progress bar (me.tongfei progressbar) when
 * standard error is an interactive terminal, plain lines ("descriptors: 120/363 (33%) 4.2 s")
 * about every tenth of the work otherwise, or nothing ({@link #silent}). The environment variable
 * {@code PEIERLS_PROGRESS=none} silences it, {@code =lines} forces lines. A task may show a short
 * status after the counter ({@link #extra}, e.g. "fmax 0.03 eV/Å"), count from a resumed step
 * ({@link #start(String, long, long)}) and move to an absolute count ({@link #stepTo}).
 * Thread-safe: workers may call {@link #step} concurrently.
 */
public final class Progress implements AutoCloseable {

    private final String task;
    private final long total;
    private final AtomicLong done;
    private final ProgressBar bar;
    private final PrintStream lines;
    private final long started = System.nanoTime();
    private volatile long nextLine;
    private volatile String extra = "";

    private Progress(String task, long total, long first, ProgressBar bar, PrintStream lines) {
        this.task = task;
        this.total = Math.max(total, 0);
        this.done = new AtomicLong(first);
        this.bar = bar;
        this.lines = lines;
        this.nextLine = first + Math.max(1, this.total / 10);
    }

    /** No output at all. */
    public static Progress silent() {
        return new Progress("", 0, 0, null, null);
    }

    /** Progress over {@code total} steps from 0, on standard error. */
    public static Progress start(String task, long total) {
        return start(task, total, 0);
    }

    private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> false);

    /**
     * Runs {@code body} with every progress started on this thread silent: the inner stages of a
     * loop that reports its own progress (the refits of active learning).
     */
    public static <T> T quietly(java.util.function.Supplier<T> body) {
        boolean before = QUIET.get();
        QUIET.set(true);
        try {
            return body.get();
        } finally {
            QUIET.set(before);
        }
    }

    /** Progress over {@code total} steps starting at {@code first} (a resumed run), on standard error. */
    public static Progress start(String task, long total, long first) {
        String mode = System.getenv().getOrDefault("PEIERLS_PROGRESS", "");
        if (mode.equalsIgnoreCase("none") || QUIET.get()) {
            return silent();
        }
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM")) && !mode.equalsIgnoreCase("lines");
        if (terminal) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, total))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate().showSpeed().build();
            bar.stepTo(first);
            return new Progress(task, total, first, bar, null);
        }
        return new Progress(task, total, first, null, System.err);
    }

    /** Plain lines to {@code out}, never a bar (tests, logs). */
    public static Progress lines(String task, long total, PrintStream out) {
        return new Progress(task, total, 0, null, out);
    }

    /** One step done. */
    public void step() {
        stepBy(1);
    }

    /** {@code n} steps done. */
    public void stepBy(long n) {
        report(done.addAndGet(n), n);
    }

    /** The count reached {@code count} (steps of an iteration counter); never moves back. */
    public void stepTo(long count) {
        long before = done.getAndAccumulate(count, Math::max);
        if (count > before) {
            report(count, count - before);
        }
    }

    private void report(long now, long by) {
        if (bar != null) {
            bar.stepBy(by);
        } else if (lines != null && now >= nextLine && now < total) {
            synchronized (this) {
                if (now >= nextLine) {
                    nextLine = now + Math.max(1, total / 10);
                    lines.printf(Locale.ROOT, "%s: %d/%d (%d%%) %.1f s%s%n", task, now, total, 100 * now / Math.max(total, 1),
                            seconds(), extra.isEmpty() ? "" : ", " + extra);
                }
            }
        }
    }

    /** A short status shown after the counter (e.g. "T 301.2 K"). */
    public void extra(String text) {
        extra = text == null ? "" : text;
        if (bar != null) {
            bar.setExtraMessage(" " + extra);
        }
    }

    /** Steps done so far. */
    public long done() {
        return done.get();
    }

    private double seconds() {
        return (System.nanoTime() - started) * 1e-9;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        } else if (lines != null) {
            lines.printf(Locale.ROOT, "%s: %d/%d done in %.1f s%s%n", task, done.get(), total, seconds(),
                    extra.isEmpty() ? "" : ", " + extra);
        }
    }
}
