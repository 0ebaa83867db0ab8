package org.peierls.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;
import org.peierls.util.Progress;

/**
 * Labels a batch with an oracle, {@code jobs} at a time (each an external process for CP2K, a
 * script or LAMMPS; threads for a teacher), through a {@link LabelCache}: a structure labelled
 * before (same oracle settings, same structure) is read back, a new label is stored the moment it
 * is done, with the oracle's description as its {@code labelled_by} info (provenance). A structure that cannot be labelled is reported with its index and message; the others
 * are still labelled.
 */
public final class Labeller {

    /**
     * The outcome of one structure.
     *
     * @param index  its position in the batch
     * @param frame  the labelled frame, or null when it failed
     * @param error  why it failed, or null
     * @param cached whether the label came from the cache
     */
    public record Outcome(int index, Frame frame, String error, boolean cached) {
    }

    private Labeller() {
    }

    /**
     * @param cache null for none
     * @param jobs  labels computed at once (≥ 1)
     */
    public static List<Outcome> label(Oracle oracle, List<Structure> structures, List<String> groups, LabelCache cache,
                                      int jobs, Progress progress) {
        if (jobs < 1) {
            throw new InputException("--jobs must be ≥ 1, got " + jobs);
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "label");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int k = 0; k < structures.size(); k++) {
                int index = k;
                futures.add(pool.submit(() -> one(oracle, structures.get(index), groups.get(index), index, cache, progress)));
            }
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InputException("interrupted");
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome one(Oracle oracle, Structure s, String group, int index, LabelCache cache, Progress progress) {
        String key = cache == null ? null : LabelCache.key(oracle, s);
        try {
            Frame hit = cache == null ? null : cache.get(key, group);
            if (hit != null) {
                return new Outcome(index, hit, null, true);
            }
            Frame f = oracle.label(s, group);
            checkFinite(f);
            // provenance: the oracle and its settings travel with the label (an info key of the extxyz)
            f = new Frame(f.structure().withInfo("labelled_by", oracle.describe()), f.labels(), f.group());
            if (cache != null) {
                cache.put(key, f);
            }
            return new Outcome(index, f, null, false);
        } catch (InputException | java.io.UncheckedIOException e) {
            return new Outcome(index, null, e.getMessage(), false);
        } finally {
            synchronized (progress) {
                progress.step();
            }
        }
    }

    private static void checkFinite(Frame f) {
        if (!Double.isFinite(f.labels().energy())) {
            throw new InputException("non-finite energy: not labelled");
        }
        if (f.labels().hasForces()) {
            for (double v : f.labels().forces()) {
                if (!Double.isFinite(v)) {
                    throw new InputException("non-finite forces: not labelled");
                }
            }
        }
    }
}
