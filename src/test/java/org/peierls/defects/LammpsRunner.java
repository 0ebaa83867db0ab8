package org.peierls.defects;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peierls.atoms.LammpsBox;
import org.peierls.atoms.Structure;
import org.peierls.testutil.SharedData;

/**
 * Test helper: energy of a structure after an optional LAMMPS minimization at fixed cell, with
 * an EAM potential from /usr/share/lammps/potentials (one element).
 */
final class LammpsRunner {

    enum Relax { NONE, ALL, Z_ONLY }

    private LammpsRunner() {
    }

    /** Potential energy (eV) of {@code s} with {@code pair_style eam/alloy} and the given file, after relaxation. */
    static double energy(Structure s, String eamAlloyFile, String element, Relax relax) throws IOException, InterruptedException {
        return energy(s, "eam/alloy", eamAlloyFile, element, relax);
    }

    /** Potential energy (eV) with {@code pair_style eam/fs} (Finnis–Sinclair form, e.g. Fe_mm.eam.fs), unrelaxed. */
    static double energyFs(Structure s, String file, String element) throws IOException, InterruptedException {
        return energy(s, "eam/fs", file, element, Relax.NONE);
    }

    static double energy(Structure s, String style, String eamAlloyFile, String element, Relax relax) throws IOException, InterruptedException {
        Path lmp = SharedData.lmp();
        Path pot = SharedData.lammpsPotential(eamAlloyFile);
        Path dir = Files.createTempDirectory("peierls-defects-lmp");
        LammpsBox box = s.cell().toLammpsBox();
        double[] q = s.cell().rotationToLammps();
        StringBuilder sb = new StringBuilder("peierls defects test\n\n");
        sb.append(s.size()).append(" atoms\n1 atom types\n\n");
        sb.append(String.format(Locale.ROOT, "0 %.12f xlo xhi\n0 %.12f ylo yhi\n0 %.12f zlo zhi\n", box.lx(), box.ly(), box.lz()));
        sb.append(String.format(Locale.ROOT, "%.12f %.12f %.12f xy xz yz\n\n", box.xy(), box.xz(), box.yz()));
        sb.append("Masses\n\n1 ").append(s.mass(0)).append("\n\nAtoms # atomic\n\n");
        for (int i = 0; i < s.size(); i++) {
            double[] r = {s.position(i, 0), s.position(i, 1), s.position(i, 2)};
            double[] p = new double[3];
            for (int k = 0; k < 3; k++) {
                p[k] = r[0] * q[k] + r[1] * q[3 + k] + r[2] * q[6 + k];
            }
            sb.append(String.format(Locale.ROOT, "%d 1 %.12f %.12f %.12f\n", i + 1, p[0], p[1], p[2]));
        }
        Files.writeString(dir.resolve("data.lmp"), sb.toString(), StandardCharsets.UTF_8);
        boolean[] pbc = s.cell().pbc();
        List<String> in = new ArrayList<>();
        in.add("units metal");
        in.add("atom_style atomic");
        in.add("boundary " + (pbc[0] ? "p" : "f") + " " + (pbc[1] ? "p" : "f") + " " + (pbc[2] ? "p" : "f"));
        in.add("box tilt large");
        in.add("read_data data.lmp");
        in.add("pair_style " + style);
        in.add("pair_coeff * * " + pot + " " + element);
        in.add("thermo_style custom step pe");
        if (relax == Relax.Z_ONLY) {
            in.add("fix hold all setforce 0.0 0.0 NULL");
        }
        if (relax != Relax.NONE) {
            in.add("min_style cg");
            in.add("minimize 0 1e-8 5000 50000");
        } else {
            in.add("run 0");
        }
        in.add("variable e equal pe");
        in.add("print \"ENERGY ${e}\" file energy.txt");
        Files.write(dir.resolve("in.lmp"), in, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(lmp.toString(), "-in", "in.lmp", "-log", "log.lammps", "-screen", "none")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("lmp failed: " + out + "\n" + Files.readString(dir.resolve("log.lammps")));
        }
        String e = Files.readString(dir.resolve("energy.txt")).trim();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        return Double.parseDouble(e.substring(e.indexOf(' ') + 1).trim());
    }
}
