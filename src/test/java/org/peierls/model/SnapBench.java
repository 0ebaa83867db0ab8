package org.peierls.model;

import java.nio.file.Path;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.TestStructures;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.util.Parallel;

/**
 * Speed of SNAP on 16,000-atom bcc (20×20×20 conventional cells), µs per atom-step, the neighbor
 * list (cutoff + skin) built once and reused as between MD rebuilds. Not a test:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:DEPS \
 *      org.peierls.model.SnapBench [Ta06A|W|Ta06A+zbl|W+zbl] threads steps [skin] [cells]
 * </pre>
 *
 * Ta06A: a = 3.316 Å, 2J = 6; W_2940_2017_2: a = 3.1803 Å, 2J = 8 (SNAP part; ZBL is extra).
 */
public final class SnapBench {

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "Ta06A";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        double skin = args.length > 3 ? Double.parseDouble(args[3]) : 1.0;
        int cells = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        Path dir = Path.of("/usr/share/lammps/potentials");
        boolean zbl = which.endsWith("+zbl");
        String file = which.startsWith("W") ? "W_2940_2017_2" : "Ta06A";
        // SNAP alone, or the whole potential of the LAMMPS include file (ZBL + SNAP)
        Potential pot = zbl ? SnapInclude.load(dir.resolve(file + ".snap")) : SnapFiles.load(dir.resolve(file + ".snapcoeff"));
        Structure s = which.startsWith("W") ? TestStructures.bcc(74, 3.1803, cells, cells, cells)
                : TestStructures.bcc(73, 3.316, cells, cells, cells);
        Parallel.setThreads(threads);
        NeighborList nl = NeighborList.build(s, pot.cutoff() + skin, NeighborList.Kind.FULL);
        System.out.printf("%s, %d atoms, %d threads, %.1f list entries/atom%n", pot.describe(), s.size(), threads,
                (double) nl.size() / s.size());
        for (int w = 0; w < 3; w++) {
            pot.compute(s, nl, Potential.Output.TOTALS);
        }
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        double sum = 0;
        Results r = null;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int step = 0; step < steps; step++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            r = pot.compute(s, nl, Potential.Output.TOTALS);
            double us = (System.nanoTime() - t0) * 1e-3 / s.size();
            double cpu = (mx.getCurrentThreadCpuTime() - c0) * 1e-3 / s.size();
            best = Math.min(best, us);
            bestCpu = Math.min(bestCpu, cpu);
            sum += us;
        }
        // with one thread the work runs in this thread, so its CPU time is the work without the
        // time stolen by other processes on a shared machine
        System.out.printf("E/atom = %.6f eV; wall mean %.2f, best %.2f us/atom-step%s%n", r.energy() / s.size(),
                sum / steps, best, threads == 1 ? String.format(", best thread-CPU %.2f", bestCpu) : "");
    }
}
