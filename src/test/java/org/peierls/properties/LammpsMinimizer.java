package org.peierls.properties;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.peierls.atoms.Structure;
import org.peierls.io.LammpsData;
import org.peierls.testutil.SharedData;

/**
 * Test helper: the energy LAMMPS finds for a structure after {@code min_style cg} /
 * {@code minimize 0 1e-10 10000 100000} at fixed cell (optionally only z moving, or the cell's z
 * length relaxed too with {@code fix box/relax z 0}), the data file written by
 * {@link LammpsData#write}. One-element EAM potentials from /usr/share/lammps/potentials.
 */
final class LammpsMinimizer {

    enum Mode { NONE, ATOMS, Z_ONLY, ATOMS_AND_CELL_Z }

    private LammpsMinimizer() {
    }

    /**
     * @param style   pair style ("eam/alloy", "eam/fs")
     * @param file    potential file name in /usr/share/lammps/potentials
     * @param element the element (one type)
     * @return the potential energy after minimization, eV
     */
    static double energy(Structure s, String style, String file, String element, Mode mode) throws IOException, InterruptedException {
        Path lmp = SharedData.lmp();
        Path pot = SharedData.lammpsPotential(file);
        Path dir = Files.createTempDirectory("peierls-props-lmp");
        try {
            LammpsData.write(dir.resolve("data.lmp"), s.wrapped());
            List<String> in = new ArrayList<>();
            in.add("units metal");
            in.add("atom_style atomic");
            in.add("boundary p p p");
            in.add("box tilt large");
            in.add("read_data data.lmp");
            in.add("pair_style " + style);
            in.add("pair_coeff * * " + pot + " " + element);
            in.add("neighbor 1.0 bin");
            in.add("thermo_style custom step pe fmax");
            in.add("thermo_modify format float %.15g");
            switch (mode) {
                case NONE -> in.add("run 0");
                case Z_ONLY -> {
                    in.add("fix hold all setforce 0.0 0.0 NULL");
                    in.add("min_style cg");
                    in.add("minimize 0 1e-10 10000 100000");
                }
                case ATOMS_AND_CELL_Z -> {
                    in.add("fix cell all box/relax z 0.0 vmax 0.001");
                    in.add("min_style cg");
                    in.add("minimize 0 1e-10 10000 100000");
                    in.add("unfix cell");
                    in.add("minimize 0 1e-10 10000 100000");
                }
                default -> {
                    in.add("min_style cg");
                    in.add("minimize 0 1e-10 10000 100000");
                }
            }
            in.add("variable e equal pe");
            in.add("print \"ENERGY $(pe:%.15g)\" file energy.txt");
            Files.write(dir.resolve("in.lmp"), in, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(lmp.toString(), "-in", "in.lmp", "-log", "log.lammps", "-screen", "none")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("lmp failed: " + out + "\n" + Files.readString(dir.resolve("log.lammps")));
            }
            String e = Files.readString(dir.resolve("energy.txt")).trim();
            return Double.parseDouble(e.substring(e.indexOf(' ') + 1).trim());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
