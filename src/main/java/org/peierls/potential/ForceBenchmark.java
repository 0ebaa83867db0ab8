package org.peierls.potential;

import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.util.InputException;
import org.peierls.util.Parallel;

/**
 * Times repeated energy/force/virial evaluations of one structure with the neighbor list built
 * once and reused (as in an MD run between list rebuilds), after a warm-up that lets the JIT
 * compile the kernels.
 */
public final class ForceBenchmark {

    private ForceBenchmark() {
    }

    /**
     * @param steps   timed evaluations (≥ 1)
     * @param warmup  untimed evaluations before them (≥ 0)
     * @param threads worker threads (≥ 1)
     * @param skin    extra neighbor-list radius beyond the cutoff, Å (≥ 0); pairs in the skin are
     *                listed and skipped by the potential, as in an MD code that rebuilds lazily
     */
    public record Options(int steps, int warmup, int threads, double skin) {
        public Options {
            if (steps < 1) {
                throw new InputException("--steps must be at least 1, got " + steps);
            }
            if (warmup < 0) {
                throw new InputException("--warmup must be at least 0, got " + warmup);
            }
            if (threads < 1) {
                throw new InputException("--threads must be at least 1, got " + threads);
            }
            if (!(skin >= 0) || !Double.isFinite(skin)) {
                throw new InputException("--skin must be a non-negative length in Å, got " + skin);
            }
        }
    }

    /**
     * @param usPerAtomStep     mean wall time per evaluation per atom, µs
     * @param bestUsPerAtomStep the fastest single evaluation, per atom, µs
     * @param natoms            atoms
     * @param threads           worker threads used
     * @param steps             timed evaluations
     * @param neighborsPerAtom  list entries per atom (full list)
     * @param energy            energy of the structure, eV (a check that the work was done)
     * @param cpuUsPerAtomStep  process CPU time per evaluation per atom, µs (all threads; NaN when
     *                          the JVM cannot tell): with {@code usPerAtomStep} it shows how many
     *                          cores the run really got on a shared machine
     */
    public record Result(double usPerAtomStep, double bestUsPerAtomStep, int natoms, int threads, int steps,
                         double neighborsPerAtom, double energy, double cpuUsPerAtomStep) {

        /** Cores busy on average during the timed evaluations (CPU time / wall time). */
        public double coresUsed() {
            return cpuUsPerAtomStep / usPerAtomStep;
        }
    }

    /** CPU time of this process, ns, or −1 when unavailable. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** Runs the benchmark; the thread count is restored afterwards. */
    public static Result run(Potential potential, Structure structure, Options options) {
        int before = Parallel.threads();
        Parallel.setThreads(options.threads());
        try {
            NeighborList list = NeighborList.build(structure, potential.cutoff() + options.skin(), potential.preferredList());
            Results r = null;
            for (int w = 0; w < options.warmup(); w++) {
                r = potential.compute(structure, list, Potential.Output.TOTALS);
            }
            long best = Long.MAX_VALUE;
            long cpu0 = processCpuNanos();
            long start = System.nanoTime();
            for (int s = 0; s < options.steps(); s++) {
                long t0 = System.nanoTime();
                r = potential.compute(structure, list, Potential.Output.TOTALS);
                best = Math.min(best, System.nanoTime() - t0);
            }
            long total = System.nanoTime() - start;
            long cpu1 = processCpuNanos();
            int n = Math.max(1, structure.size());
            double cpu = cpu0 < 0 || cpu1 < 0 ? Double.NaN : (cpu1 - cpu0) * 1e-3 / options.steps() / n;
            return new Result(total * 1e-3 / options.steps() / n, best * 1e-3 / n, structure.size(), options.threads(),
                    options.steps(), (double) list.size() / n, r.energy(), cpu);
        } finally {
            Parallel.setThreads(before);
        }
    }
}
