package org.peierls.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peierls.atoms.Structure;
import org.peierls.testutil.LammpsRun;
import org.peierls.testutil.SharedData;
import org.peierls.testutil.TestCells;

/**
 * Runs the installed LAMMPS ({@code lmp}, Debian 20220106) on random rattled triclinic cells we
 * generate — one of 36–96 atoms and one conventional cube of 2–4 atoms, far narrower than twice
 * the cutoff so that atoms see many of their own images — and compares with
 * our potentials: energy to 1e-9 relative, every force component to 1e-7 eV/Å and every stress
 * component to 1e-6 GPa (issue 3). Both sides compute the same formulas in double precision, so
 * the differences are round-off (~1e-13) — these tolerances still catch any error of the model.
 */
class LiveLammpsTest {

    record Case(String name, String spec, int[] types, List<String> lammps, double a, boolean fcc) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        String dir = "/usr/share/lammps/potentials/";
        List<Case> c = new ArrayList<>();
        c.add(new Case("eam Cu_u3", "eam:" + dir + "Cu_u3.eam", new int[]{29},
                List.of("pair_style eam", "pair_coeff 1 1 " + dir + "Cu_u3.eam"), 3.615, true));
        // nearest neighbours at 1.7 Å: host densities beyond the table's rho_max (0.25), where
        // LAMMPS extrapolates F linearly
        c.add(new Case("eam Cu_u3 squeezed past rho_max", "eam:" + dir + "Cu_u3.eam", new int[]{29},
                List.of("pair_style eam", "pair_coeff 1 1 " + dir + "Cu_u3.eam"), 2.4, true));
        c.add(new Case("eam Cu_u3 + Ni_u3 (funcfl mixing)", "eam:" + dir + "Cu_u3.eam," + dir + "Ni_u3.eam", new int[]{29, 28},
                List.of("pair_style eam", "pair_coeff 1 1 " + dir + "Cu_u3.eam", "pair_coeff 2 2 " + dir + "Ni_u3.eam"), 3.57, true));
        c.add(new Case("eam/alloy CuTa", "eam/alloy:" + dir + "CuTa.eam.alloy", new int[]{29, 73},
                List.of("pair_style eam/alloy", "pair_coeff * * " + dir + "CuTa.eam.alloy Cu Ta"), 3.2, false));
        c.add(new Case("eam/alloy Cu_mishin1", "eam/alloy:" + dir + "Cu_mishin1.eam.alloy", new int[]{29},
                List.of("pair_style eam/alloy", "pair_coeff * * " + dir + "Cu_mishin1.eam.alloy Cu"), 3.615, true));
        c.add(new Case("eam/fs AlFe_mm", "eam/fs:" + dir + "AlFe_mm.eam.fs", new int[]{13, 26},
                List.of("pair_style eam/fs", "pair_coeff * * " + dir + "AlFe_mm.eam.fs Al Fe"), 2.88, false));
        c.add(new Case("zbl 2.0 3.0", "zbl:2.0,3.0", new int[]{73, 74},
                List.of("pair_style zbl 2.0 3.0", "pair_coeff 1 1 73 73", "pair_coeff 1 2 73 74", "pair_coeff 2 2 74 74"),
                2.5, false));
        c.add(new Case("lj/cut shifted", "lj:0.0104,3.4,8.5", new int[]{18},
                List.of("pair_style lj/cut 8.5", "pair_coeff * * 0.0104 3.4", "pair_modify shift yes"), 5.26, true));
        c.add(new Case("morse shifted", "morse:0.3429,1.3588,2.866,6.0", new int[]{29},
                List.of("pair_style morse 6.0", "pair_coeff * * 0.3429 1.3588 2.866", "pair_modify shift yes"), 3.615, true));
        c.add(new Case("hybrid/overlay zbl + eam/alloy", "zbl:2.0,3.0 + eam/alloy:" + dir + "CuTa.eam.alloy", new int[]{29, 73},
                List.of("pair_style hybrid/overlay zbl 2.0 3.0 eam/alloy", "pair_coeff * * eam/alloy " + dir + "CuTa.eam.alloy Cu Ta",
                        "pair_coeff 1 1 zbl 29 29", "pair_coeff 1 2 zbl 29 73", "pair_coeff 2 2 zbl 73 73"), 3.1, false));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsLammpsOnRandomTriclinicCells(Case c, @TempDir Path work) throws Exception {
        SharedData.lmp();
        Potential p = PotentialSpecs.parse(c.spec());
        int reps = Math.max(2, (int) Math.ceil(2 * p.cutoff() / c.a()));
        Structure large = TestCells.rattled(c.types(), c.a(), c.fcc(), Math.min(reps, 4), 3, 2, 0.04, 0.12, 101, true);
        Structure small = TestCells.rattled(c.types(), c.a(), c.fcc(), 1, 1, 1, 0.04, 0.12, 102, true);
        int k = 0;
        for (Structure s : new Structure[]{large, small}) {
            Path dir = work.resolve("run" + k++);
            java.nio.file.Files.createDirectories(dir);
            LammpsRun ref = LammpsRun.run(s, c.types(), c.lammps(), dir);
            Results r = p.compute(s);
            double maxF = 0;
            for (int q = 0; q < r.forces().length; q++) {
                maxF = Math.max(maxF, Math.abs(r.forces()[q] - ref.forces()[q]));
            }
            double maxS = 0;
            double[] sigma = r.stress();
            for (int v = 0; v < 6; v++) {
                // ours in LAMMPS's bar (pressure = −stress), difference in GPa
                maxS = Math.max(maxS, Math.abs(-sigma[v] * LammpsRun.NKTV2P - ref.pressureBar()[v]) * 1e-4);
            }
            System.out.printf("%s (%d atoms): E %.12f vs %.12f, dE/E %.1e, max dF %.1e eV/Å, max dS %.1e GPa%n", c.name(),
                    s.size(), r.energy(), ref.energy(), Math.abs(r.energy() - ref.energy()) / Math.max(1e-300, Math.abs(ref.energy())), maxF, maxS);
            assertEquals(ref.energy(), r.energy(), 1e-9 * Math.max(1, Math.abs(ref.energy())), c.name() + " energy");
            assertEquals(0, maxF, 1e-7, c.name() + " largest force difference, eV/Å");
            assertEquals(0, maxS, 1e-6, c.name() + " largest stress difference, GPa");
        }
    }
}
