package org.peierls.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.io.IoOptions;
import org.peierls.io.LammpsData;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.sim.ForceField;
import org.peierls.sim.md.Kinetics;
import org.peierls.sim.md.MdState;
import org.peierls.sim.md.VelocityVerlet;
import org.peierls.testutil.SharedData;
import org.peierls.testutil.TestCells;

/**
 * The exported ZBL + SNAP tungsten run by LAMMPS under {@code mpirun -np 2} (domain decomposition,
 * ghost atoms across ranks): NVE from 600 K conserves the total energy to 1e-5 eV/atom over 1000
 * steps of 1 fs (drift: the least-squares slope of E(t) times the run length; velocity Verlet's
 * bounded O(dt²) fluctuation about the trend is printed, not bounded), and the first 100 steps follow Peierls's own velocity Verlet trajectory from the
 * same data file to 1e-6 Å (forces agree to ~1e-14 eV/Å, so the trajectories separate only by
 * round-off amplified by the dynamics, far below 1e-6 Å in 0.1 ps).
 */
class ExportedMdTest {

    @Test
    void mpiNveConservesEnergyAndFollowsPeierls(@TempDir Path dir) throws Exception {
        Path lmp = SharedData.snapLmp();
        Potential p = PotentialSpecs.parse("snap:" + SharedData.data("potentials/W_2940_2017_2.snap"));
        int[] w = {Element.number("W")};
        Structure s = TestCells.rattled(w, 3.165, false, 4, 4, 4, 0.01, 0.03, 77, false);
        s = Kinetics.maxwellBoltzmann(s, 600, 91);
        int[] types = LammpsPotential.types(p, s);
        LammpsPotential.write(p, types, dir, "W");
        Structure ready = ExampleInput.lammpsReady(s);
        LammpsData.FORMAT.write(dir.resolve("md.data"), List.of(new Frame(ready)), new IoOptions(List.of("W")));
        Structure start = LammpsData.read(dir.resolve("md.data"), List.of("W"));
        assertTrue(start.hasVelocities());
        String in = """
                units metal
                atom_style atomic
                boundary p p p
                read_data md.data
                include pair.lmp
                neighbor 1.0 bin
                neigh_modify every 1 delay 0 check yes
                timestep 0.001
                fix nve all nve
                thermo 100
                fix e all print 10 "$(step) $(etotal:%.15e)" file energy.txt screen no
                dump d all custom 100 traj.dump id xu yu zu
                dump_modify d sort id format float %.17g
                run 1000
                """;
        Files.writeString(dir.resolve("in.md"), in);
        LammpsRunner.run(lmp, dir, "in.md", 2, 900);
        List<double[]> energy = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("energy.txt"))) {
            if (!l.startsWith("#") && !l.isBlank()) {
                String[] t = l.trim().split("\\s+");
                energy.add(new double[]{Double.parseDouble(t[0]), Double.parseDouble(t[1])});
            }
        }
        assertTrue(energy.size() >= 100, "energy lines: " + energy.size());
        double mt = 0, me = 0;
        for (double[] e : energy) {
            mt += e[0] / energy.size();
            me += e[1] / energy.size();
        }
        double sxy = 0, sxx = 0, fluct = 0;
        for (double[] e : energy) {
            sxy += (e[0] - mt) * (e[1] - me);
            sxx += (e[0] - mt) * (e[0] - mt);
            fluct = Math.max(fluct, Math.abs(e[1] - energy.get(0)[1]) / s.size());
        }
        double steps = energy.get(energy.size() - 1)[0] - energy.get(0)[0];
        double drift = Math.abs(sxy / sxx * steps) / s.size();
        System.out.printf("mpirun -np 2 NVE, %d atoms, %.0f steps: drift %.2e eV/atom, max |E - E0| %.2e eV/atom%n", s.size(), steps,
                drift, fluct);
        assertTrue(drift < 1e-5, "energy drift " + drift + " eV/atom");

        // step 100 of the dump against Peierls's velocity Verlet from the same data file
        List<String> dump = Files.readAllLines(dir.resolve("traj.dump"));
        double[] x100 = null;
        for (int k = 0; k < dump.size(); k++) {
            if (dump.get(k).startsWith("ITEM: TIMESTEP") && Long.parseLong(dump.get(k + 1).trim()) == 100) {
                int n = Integer.parseInt(dump.get(k + 3).trim());
                x100 = new double[3 * n];
                for (int q = 0; q < n; q++) {
                    String[] t = dump.get(k + 9 + q).trim().split("\\s+");
                    int id = Integer.parseInt(t[0]) - 1;
                    for (int c = 0; c < 3; c++) {
                        x100[3 * id + c] = Double.parseDouble(t[1 + c]);
                    }
                }
            }
        }
        assertTrue(x100 != null, "step 100 in traj.dump");
        VelocityVerlet vv = new VelocityVerlet(new ForceField(p, 1.0), 0.001);
        MdState st = vv.init(start);
        for (int k = 0; k < 100; k++) {
            st = vv.step(st);
        }
        double[] ours = st.structure().positions();
        double dx = 0;
        for (int q = 0; q < ours.length; q++) {
            dx = Math.max(dx, Math.abs(ours[q] - x100[q]));
        }
        System.out.printf("NVE step 100: max |x_Peierls - x_LAMMPS| = %.2e Å%n", dx);
        assertEquals(0, dx, 1e-6, "trajectory difference after 100 steps, Å");
    }
}
