package org.peierls.potential;

import java.nio.file.Path;
import java.util.List;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.eam.EamPotential;

/** Scratch: full vs half list timing. args: threads reps */
public final class BenchMain2 {
    public static void main(String[] args) {
        double a = 3.615;
        Structure unit = new Structure(Cell.orthorhombic(a, a, a), new int[]{29, 29, 29, 29},
                new double[]{0, 0, 0, 0, a / 2, a / 2, a / 2, 0, a / 2, a / 2, a / 2, 0});
        Structure s = unit.repeat(20, 20, 20);
        org.peierls.util.Parallel.setThreads(Integer.parseInt(args[0]));
        Potential p = EamPotential.funcfl(List.of(Path.of("/usr/share/lammps/potentials/Cu_u3.eam")));
        NeighborList full = NeighborList.build(s, p.cutoff(), NeighborList.Kind.FULL);
        NeighborList half = NeighborList.build(s, p.cutoff(), NeighborList.Kind.HALF);
        System.out.println(p.compute(s, full, Potential.Output.TOTALS).energy() + " " + p.compute(s, half, Potential.Output.TOTALS).energy());
        for (int rep = 0; rep < Integer.parseInt(args[1]); rep++) {
            for (NeighborList l : new NeighborList[]{full, half}) {
                long best = Long.MAX_VALUE;
                for (int k = 0; k < 30; k++) {
                    long t0 = System.nanoTime();
                    p.compute(s, l, Potential.Output.TOTALS);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                System.out.printf("%s best %.3f us/atom-step%n", l.kind(), best / 1e3 / s.size());
            }
        }
    }
}
