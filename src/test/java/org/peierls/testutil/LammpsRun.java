package org.peierls.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;

/**
 * Runs the installed LAMMPS ({@code lmp}) on a structure with given pair commands ({@code run 0})
 * and reads back the energy, the pressure tensor and the forces. The structure's cell must be in
 * LAMMPS's lower-triangular form (a ∥ x, b in the xy plane) so that no rotation is involved.
 *
 * @param energy      potential energy, eV
 * @param pressureBar pressure tensor, bar, Voigt (xx yy zz yz xz xy), LAMMPS sign (positive = compressive)
 * @param forces      {@code [3N]} eV/Å in the structure's atom order
 */
public record LammpsRun(double energy, double[] pressureBar, double[] forces) {

    /** LAMMPS metal units: bar per eV/Å³ (nktv2p). */
    public static final double NKTV2P = 1.6021765e6;

    /**
     * @param s        the structure (lower-triangular cell, fully periodic)
     * @param types    the element of LAMMPS types 1, 2, … (every atom's element must be listed)
     * @param pairLines LAMMPS commands that define the interactions (pair_style, pair_coeff, …)
     * @param work     a scratch folder
     */
    public static LammpsRun run(Structure s, int[] types, List<String> pairLines, Path work) throws IOException, InterruptedException {
        if (!s.cell().isLammpsForm()) {
            throw new IllegalArgumentException("cell is not in LAMMPS form: " + s.cell());
        }
        writeData(s, types, work.resolve("data.lmp"));
        StringBuilder in = new StringBuilder();
        in.append("units metal\natom_style atomic\nboundary p p p\nbox tilt large\nread_data data.lmp\n");
        for (String l : pairLines) {
            in.append(l).append('\n');
        }
        in.append("neighbor 1.0 bin\n");
        in.append("thermo_style custom step pe pxx pyy pzz pyz pxz pxy\nthermo_modify format float %.15g\nrun 0\n");
        in.append("print \"RESULT $(pe:%.15g) $(pxx:%.15g) $(pyy:%.15g) $(pzz:%.15g) $(pyz:%.15g) $(pxz:%.15g) $(pxy:%.15g)\"\n");
        in.append("write_dump all custom forces.dump id fx fy fz modify format float %.17g sort id\n");
        String screen = lmp(work, in.toString());
        double energy = Double.NaN;
        double[] pressure = new double[6];
        for (String line : screen.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] t = line.trim().split("\\s+");
                energy = Double.parseDouble(t[1]);
                for (int v = 0; v < 6; v++) {
                    pressure[v] = Double.parseDouble(t[2 + v]);
                }
            }
        }
        if (Double.isNaN(energy)) {
            throw new IOException("no RESULT line from lmp in " + work + ":\n" + screen);
        }
        List<String> dump = Files.readAllLines(work.resolve("forces.dump"));
        double[] f = new double[3 * s.size()];
        int start = dump.indexOf(dump.stream().filter(l -> l.startsWith("ITEM: ATOMS")).findFirst().orElseThrow()) + 1;
        for (int k = start; k < dump.size(); k++) {
            String[] t = dump.get(k).trim().split("\\s+");
            int id = Integer.parseInt(t[0]) - 1;
            for (int c = 0; c < 3; c++) {
                f[3 * id + c] = Double.parseDouble(t[1 + c]);
            }
        }
        return new LammpsRun(energy, pressure, f);
    }

    /** Writes {@code s} as a LAMMPS data file (atom_style atomic, types in the order of {@code types}). */
    public static void writeData(Structure s, int[] types, Path file) throws IOException {
        double[] h = s.cell().matrix();
        double[] x = s.cell().wrap(s.positions());
        StringBuilder d = new StringBuilder("# written by a Peierls test\n\n");
        d.append(s.size()).append(" atoms\n").append(types.length).append(" atom types\n\n");
        d.append(String.format(Locale.ROOT, "0 %.17g xlo xhi%n0 %.17g ylo yhi%n0 %.17g zlo zhi%n%.17g %.17g %.17g xy xz yz%n%n",
                h[0], h[4], h[8], h[3], h[6], h[7]));
        d.append("Masses\n\n");
        for (int t = 0; t < types.length; t++) {
            d.append(t + 1).append(' ').append(Element.mass(types[t])).append('\n');
        }
        d.append("\nAtoms # atomic\n\n");
        for (int i = 0; i < s.size(); i++) {
            int t = -1;
            for (int q = 0; q < types.length; q++) {
                if (types[q] == s.number(i)) {
                    t = q + 1;
                }
            }
            if (t < 0) {
                throw new IllegalArgumentException("no LAMMPS type for " + s.symbol(i));
            }
            d.append(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g%n", i + 1, t, x[3 * i], x[3 * i + 1], x[3 * i + 2]));
        }
        Files.writeString(file, d.toString());
    }

    /**
     * Runs {@code lmp} on {@code in} (an input script) in {@code work}; returns the screen output.
     *
     * @throws IOException when LAMMPS fails or takes more than 300 s
     */
    public static String lmp(Path work, String in) throws IOException, InterruptedException {
        Path lmp = SharedData.lmp();
        Files.writeString(work.resolve("in.test"), in);
        Process p = new ProcessBuilder(lmp.toString(), "-in", "in.test", "-log", "log.lammps", "-screen", "screen.txt")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("stdout.txt").toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("lmp did not finish in 300 s in " + work);
        }
        String screen = Files.readString(work.resolve("screen.txt"), StandardCharsets.ISO_8859_1);
        if (p.exitValue() != 0) {
            throw new IOException("lmp failed (exit " + p.exitValue() + ") in " + work + ":\n" + screen);
        }
        return screen;
    }
}
