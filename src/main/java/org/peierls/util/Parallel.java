package org.peierls.util;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * The thread pool of Peierls. Kernels split work over atoms into contiguous chunks whose
 * boundaries depend only on the problem size (never on the thread count), so results are the
 * same whatever the number of threads, up to the order of floating-point reductions.
 */
public final class Parallel {

    private static volatile ForkJoinPool pool = new ForkJoinPool(defaultThreads());

    private Parallel() {
    }

    private static int defaultThreads() {
        String env = System.getenv("PEIERLS_THREADS");
        if (env != null && !env.isBlank()) {
            try {
                return Math.max(1, Integer.parseInt(env.trim()));
            } catch (NumberFormatException e) {
                throw new InputException("PEIERLS_THREADS='" + env + "' is not a whole number");
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Number of worker threads. */
    public static int threads() {
        return pool.getParallelism();
    }

    /** Use {@code n} worker threads from now on (≥ 1). */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new InputException("--threads must be at least 1, got " + n);
        }
        if (n != pool.getParallelism()) {
            ForkJoinPool old = pool;
            pool = new ForkJoinPool(n);
            old.shutdown();
        }
    }

    /** Work on a half-open range of chunk indices. */
    @FunctionalInterface
    public interface ChunkBody {
        void run(int chunk);
    }

    /**
     * Runs {@code body.run(c)} for every chunk c in [0, chunks), in parallel. With one thread (or
     * one chunk) it runs inline.
     */
    public static void forEachChunk(int chunks, ChunkBody body) {
        if (chunks <= 0) {
            return;
        }
        if (chunks == 1 || threads() == 1) {
            for (int c = 0; c < chunks; c++) {
                body.run(c);
            }
            return;
        }
        pool.invoke(new Task(body, 0, chunks));
    }

    /**
     * Number of chunks for {@code n} work items of roughly {@code grain} items each: a function of
     * n alone, so chunk boundaries (and reductions over chunks) do not depend on the thread count.
     */
    public static int chunks(int n, int grain) {
        return Math.max(1, (n + grain - 1) / grain);
    }

    /** First item of chunk {@code c} when {@code n} items are split into {@code chunks} chunks. */
    public static int chunkStart(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    private static final class Task extends RecursiveAction {
        private final ChunkBody body;
        private final int lo;
        private final int hi;

        Task(ChunkBody body, int lo, int hi) {
            this.body = body;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo == 1) {
                body.run(lo);
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Task(body, lo, mid), new Task(body, mid, hi));
        }
    }
}
