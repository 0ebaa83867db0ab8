package org.peierls.sim.neb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.optim.Lbfgs;
import org.peierls.optim.Minimization;
import org.peierls.optim.StopCriteria;
import org.peierls.potential.Potential;
import org.peierls.potential.eam.EamPotential;
import org.peierls.sim.ForceField;
import org.peierls.sim.min.AtomsMinimizable;
import org.peierls.testutil.SharedData;
import org.peierls.util.InputException;

/**
 * A vacancy hop in fcc Cu (Mishin 2001 EAM, 107 atoms): the climbing-image barrier of Peierls's
 * NEB against LAMMPS's {@code neb} (REPLICA package, one partition per replica) started from the
 * same relaxed end states.
 */
class VacancyHopNebTest {

    static final double A0 = 3.615;   // Mishin Cu lattice constant, Å

    static Potential mishin() {
        return EamPotential.alloy(SharedData.lammpsPotential("Cu_mishin1.eam.alloy"));
    }

    /** Initial and final states (unrelaxed): a vacancy at a site, then its neighbour moved in. */
    static Structure[] endStates() {
        Structure perfect = Lattice.fcc("Cu", A0).repeat(3, 3, 3);
        // The vacancy at the atom nearest the cell centre; the hopping atom is its neighbour along [110]/2.
        double c = 1.5 * A0;
        int vac = nearest(perfect, c, c, c);
        double[] v = {perfect.position(vac, 0), perfect.position(vac, 1), perfect.position(vac, 2)};
        int hop = nearest(perfect, v[0] + A0 / 2, v[1] + A0 / 2, v[2]);
        boolean[] keep = new boolean[perfect.size()];
        java.util.Arrays.fill(keep, true);
        keep[vac] = false;
        Structure initial = perfect.select(keep);
        int hopNew = hop > vac ? hop - 1 : hop;
        double[] x = initial.positions();
        System.arraycopy(v, 0, x, 3 * hopNew, 3);
        return new Structure[]{initial, initial.withPositions(x)};
    }

    private static int nearest(Structure s, double x, double y, double z) {
        int best = -1;
        double bd = Double.MAX_VALUE;
        for (int i = 0; i < s.size(); i++) {
            double[] d = {s.position(i, 0) - x, s.position(i, 1) - y, s.position(i, 2) - z};
            s.cell().minimumImage(d);
            double r = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            if (r < bd) {
                bd = r;
                best = i;
            }
        }
        return best;
    }

    static Structure relax(Structure s, ForceField ff) {
        AtomsMinimizable m = new AtomsMinimizable(s, ff);
        Minimization r = new Lbfgs().minimize(m, StopCriteria.force(1e-6, 2000));
        assertTrue(r.converged(), "end state relaxation: " + r.termination());
        return m.structureAt(r.x()).wrapped();
    }

    @Test
    void barrierAgreesWithLammpsNeb(@TempDir Path work) throws Exception {
        Path lmp = SharedData.lmp();
        Path potFile = SharedData.lammpsPotential("Cu_mishin1.eam.alloy");
        ForceField ff = new ForceField(mishin(), 1.0);
        Structure[] ends = endStates();
        Structure initial = relax(ends[0], ff);
        Structure fin = relax(ends[1], ff);
        int images = 5;
        NebOptions options = NebOptions.defaults(images).withFmax(1e-3).withMaxSteps(5000);
        long t0 = System.nanoTime();
        AtomisticNeb.Result ours = AtomisticNeb.run(initial, fin, ff, options, (i, v, f, x) -> true);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        assertTrue(ours.neb().converged(), ours.neb().minimization().termination() + " after " + ours.neb().steps());
        assertTrue(ours.neb().climbed());
        double barrier = ours.neb().barrier();
        // Mishin et al. (2001) report 0.69 eV for vacancy migration in Cu with this potential.
        assertEquals(0.69, barrier, 0.03);

        double lammps = lammpsBarrier(lmp, potFile, initial, fin, images + 2, work);
        System.out.printf(Locale.ROOT, "vacancy hop: Peierls %.6f eV (%d FIRE steps, %.1f s), LAMMPS %.6f eV%n",
                barrier, ours.neb().steps(), seconds, lammps);
        // Both climbing images sit on the saddle to fmax = 1e-3 eV/Å; the energy error is second
        // order in the residual force (≪ 1 meV): 1 meV tolerance.
        assertEquals(lammps, barrier, 1e-3);
        // The saddle is symmetric: the reverse barrier equals the forward one for a vacancy hop.
        assertEquals(barrier, ours.neb().reverseBarrier(), 1e-3);
    }

    /** Runs LAMMPS neb with one partition per replica and returns EBF from the last line. */
    static double lammpsBarrier(Path lmp, Path potFile, Structure initial, Structure fin, int replicas, Path work)
            throws IOException, InterruptedException {
        double[] h = initial.cell().matrix();
        StringBuilder d = new StringBuilder("# vacancy hop initial state\n\n");
        d.append(initial.size()).append(" atoms\n1 atom types\n\n");
        d.append(String.format(Locale.ROOT, "0 %.17g xlo xhi%n0 %.17g ylo yhi%n0 %.17g zlo zhi%n%n", h[0], h[4], h[8]));
        d.append("Masses\n\n1 63.546\n\nAtoms # atomic\n\n");
        double[] x = initial.positions();
        for (int i = 0; i < initial.size(); i++) {
            d.append(String.format(Locale.ROOT, "%d 1 %.17g %.17g %.17g%n", i + 1, x[3 * i], x[3 * i + 1], x[3 * i + 2]));
        }
        Files.writeString(work.resolve("data.initial"), d.toString());
        StringBuilder f = new StringBuilder();
        double[] xf = fin.positions();
        f.append(fin.size()).append('\n');
        for (int i = 0; i < fin.size(); i++) {
            f.append(String.format(Locale.ROOT, "%d %.17g %.17g %.17g%n", i + 1, xf[3 * i], xf[3 * i + 1], xf[3 * i + 2]));
        }
        Files.writeString(work.resolve("coords.final"), f.toString());
        String in = String.join("\n",
                "units metal", "atom_style atomic", "atom_modify map array", "boundary p p p",
                "read_data data.initial",
                "pair_style eam/alloy", "pair_coeff * * " + potFile + " Cu",
                "neighbor 1.0 bin",
                "timestep 0.002",
                "fix 1 all neb 1.0 parallel neigh",
                "min_style fire",
                "thermo 100",
                "neb 0.0 0.001 3000 5000 100 final coords.final", "");
        Files.writeString(work.resolve("in.neb"), in);
        ProcessBuilder pb = new ProcessBuilder("mpirun", "--allow-run-as-root", "--oversubscribe", "--mca", "mpi_yield_when_idle", "1",
                "-np", Integer.toString(replicas), lmp.toString(), "-partition", replicas + "x1", "-in", "in.neb",
                "-log", "log.lammps", "-screen", "none")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("mpirun.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("OMPI_ALLOW_RUN_AS_ROOT", "1");
        env.put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        env.put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("LAMMPS neb did not finish in 600 s in " + work);
        }
        String log = Files.exists(work.resolve("log.lammps")) ? Files.readString(work.resolve("log.lammps"), StandardCharsets.ISO_8859_1) : "";
        if (p.exitValue() != 0) {
            throw new IOException("LAMMPS neb failed (exit " + p.exitValue() + "):\n" + Files.readString(work.resolve("mpirun.txt")) + "\n" + log);
        }
        // Universe log: "Step MaxReplicaForce MaxAtomForce GradV0 GradV1 GradVc EBF EBR RDT RD1 PE1 …".
        List<String[]> rows = new ArrayList<>();
        for (String line : log.split("\n")) {
            String[] t = line.trim().split("\\s+");
            if (t.length == 9 + 2 * replicas && t[0].matches("\\d+")) {
                rows.add(t);
            }
        }
        if (rows.isEmpty()) {
            throw new IOException("no NEB progress lines in LAMMPS's log:\n" + log);
        }
        String[] last = rows.get(rows.size() - 1);
        double maxReplicaForce = Double.parseDouble(last[1]);
        assertTrue(maxReplicaForce < 2e-3, "LAMMPS NEB not converged: max replica force " + maxReplicaForce);
        return Double.parseDouble(last[6]);
    }

    @Test
    void mismatchedAtomCountsAreAClearError() {
        Structure[] ends = endStates();
        Structure bigger = Lattice.fcc("Cu", A0).repeat(3, 3, 3);
        InputException e = assertThrows(InputException.class, () -> AtomisticNeb.interpolate(ends[0], bigger, 3));
        assertTrue(e.getMessage().contains("107") && e.getMessage().contains("108"), e.getMessage());
    }

    @Test
    void interpolationUsesMinimumImageDisplacements() {
        Structure[] ends = endStates();
        // Shift the final state's atoms by a lattice vector: the images must not sweep across the cell.
        double[] x = ends[1].positions();
        for (int k = 0; k < x.length; k += 3) {
            x[k] += ends[1].cell().get(0, 0);
        }
        List<Structure> band = AtomisticNeb.interpolate(ends[0], ends[1].withPositions(x), 3);
        assertEquals(5, band.size());
        double[] a = band.get(0).positions();
        double[] mid = band.get(2).positions();
        double maxMove = 0;
        for (int k = 0; k < a.length; k++) {
            maxMove = Math.max(maxMove, Math.abs(mid[k] - a[k]));
        }
        // Only the hopping atom moves, by half of a/√2·(1,1,0)/√2 per component: a/4.
        assertEquals(A0 / 4, maxMove, 1e-9);
    }
}
