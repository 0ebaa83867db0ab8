package org.peierls.potential;

import java.nio.file.Path;
import java.util.List;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;
import org.peierls.potential.eam.EamPotential;

/** Scratch benchmark driver (not a test): java -cp ... org.peierls.potential.BenchMain threads steps skin */
public final class BenchMain {
    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        int steps = Integer.parseInt(args[1]);
        double skin = Double.parseDouble(args[2]);
        double a = 3.615;
        Structure unit = new Structure(Cell.orthorhombic(a, a, a), new int[]{29, 29, 29, 29},
                new double[]{0, 0, 0, 0, a / 2, a / 2, a / 2, 0, a / 2, a / 2, a / 2, 0});
        Structure s = unit.repeat(20, 20, 20);
        Potential p = EamPotential.funcfl(List.of(Path.of("/usr/share/lammps/potentials/Cu_u3.eam")));
        for (int rep = 0; rep < 3; rep++) {
            ForceBenchmark.Result r = ForceBenchmark.run(p, s, new ForceBenchmark.Options(steps, 20, threads, skin));
            System.out.println(r);
        }
    }
}
