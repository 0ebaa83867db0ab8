package org.peierls.cli;

import org.peierls.util.Parallel;
import picocli.CommandLine.Option;

/** {@code --threads T}, shared by the commands that compute (a picocli mixin). */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores, or PEIERLS_THREADS).")
    Integer threads;

    /** Sets the worker threads when the option was given. */
    void apply() {
        if (threads != null) {
            Parallel.setThreads(threads);
        }
    }
}
