package org.peierls.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.peierls.util.InputException;

/**
 * Finds and runs a LAMMPS executable: {@code --lmp PATH}, else {@code $PEIERLS_LMP} (the SNAP/ML-IAP
 * build of {@code scripts/build-lammps.sh}), else {@code lmp} on the PATH (Debian's, which lacks
 * ML-SNAP and ML-IAP). Parses the {@code PEIERLS_RESULT} line and the force dump of
 * {@link ExampleInput}.
 */
public final class LammpsRunner {

    /** LAMMPS metal units: bar per eV/Å³ (nktv2p). */
    public static final double NKTV2P = 1.6021765e6;

    private LammpsRunner() {
    }

    /**
     * The LAMMPS executable to use.
     *
     * @param given the user's choice, or null
     * @throws InputException when none is found, saying how to get one
     */
    public static Path executable(String given) {
        if (given != null && !given.isBlank()) {
            Path p = Paths.get(given);
            if (!Files.isExecutable(p)) {
                throw new InputException("--lmp " + given + ": not an executable file");
            }
            return p;
        }
        String env = System.getenv("PEIERLS_LMP");
        if (env != null && !env.isBlank()) {
            Path p = Paths.get(env);
            if (!Files.isExecutable(p)) {
                throw new InputException("PEIERLS_LMP=" + env + " is not an executable file (build one with scripts/build-lammps.sh)");
            }
            return p;
        }
        Path onPath = onPath("lmp");
        if (onPath == null) {
            throw new InputException("no LAMMPS found: set PEIERLS_LMP (scripts/build-lammps.sh builds one with ML-SNAP/ML-IAP),"
                    + " pass --lmp PATH, or apt-get install lammps");
        }
        return onPath;
    }

    /** An executable of that name on the PATH, or null. */
    public static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Paths.get(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The pair styles the executable has, from {@code lmp -h}. */
    public static Set<String> pairStyles(Path lmp) {
        String help = capture(List.of(lmp.toString(), "-h"), null, 60);
        Set<String> styles = new LinkedHashSet<>();
        boolean in = false;
        for (String line : help.split("\n")) {
            if (line.startsWith("* ")) {
                in = line.startsWith("* Pair styles");
                continue;
            }
            if (in) {
                for (String t : line.trim().split("\\s+")) {
                    if (!t.isEmpty()) {
                        styles.add(t);
                    }
                }
            }
        }
        return styles;
    }

    /** The styles of {@code needed} that {@code lmp} lacks (hybrid/overlay counts as present). */
    public static List<String> missingStyles(Path lmp, List<String> needed) {
        Set<String> have = pairStyles(lmp);
        List<String> missing = new ArrayList<>();
        for (String s : needed) {
            if (!have.contains(s)) {
                missing.add(s);
            }
        }
        return missing;
    }

    /**
     * Runs {@code lmp -in INPUT} in {@code dir}, under {@code mpirun -np ranks} when ranks &gt; 1.
     *
     * @return the screen output
     * @throws InputException when LAMMPS fails, with the last lines of its output
     */
    public static String run(Path lmp, Path dir, String input, int ranks, int timeoutSeconds) {
        return run(lmp, dir, input, ranks, timeoutSeconds, List.of());
    }

    /**
     * The same with extra command-line arguments for LAMMPS (e.g. {@code -var nrun 100}, which
     * overrides an {@code index} variable of the input).
     */
    public static String run(Path lmp, Path dir, String input, int ranks, int timeoutSeconds, List<String> extra) {
        List<String> cmd = new ArrayList<>();
        if (ranks > 1) {
            Path mpirun = onPath("mpirun");
            if (mpirun == null) {
                throw new InputException("mpirun is not on the PATH (apt-get install openmpi-bin)");
            }
            cmd.addAll(List.of(mpirun.toString(), "-np", Integer.toString(ranks)));
            if ("root".equals(System.getProperty("user.name"))) {
                cmd.add("--allow-run-as-root");
            }
            cmd.add("--oversubscribe");
        }
        cmd.addAll(List.of(lmp.toString(), "-in", input, "-log", "log.lammps"));
        cmd.addAll(extra);
        return capture(cmd, dir, timeoutSeconds);
    }

    private static String capture(List<String> cmd, Path dir, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("peierls-lmp", ".out");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
                if (dir != null) {
                    pb.directory(dir.toFile());
                }
                pb.environment().putIfAbsent("OMPI_MCA_rmaps_base_oversubscribe", "1");
                Process p = pb.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new InputException(String.join(" ", cmd) + ": did not finish in " + timeoutSeconds + " s");
                }
                String text = Files.readString(out, StandardCharsets.ISO_8859_1);
                if (p.exitValue() != 0) {
                    throw new InputException(String.join(" ", cmd) + (dir == null ? "" : " (in " + dir + ")") + " failed with exit "
                            + p.exitValue() + ": " + lastLines(text, 6));
                }
                return text;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while running " + cmd.get(0));
        }
    }

    private static String lastLines(String text, int n) {
        String[] l = text.strip().split("\n");
        StringBuilder sb = new StringBuilder();
        for (int k = Math.max(0, l.length - n); k < l.length; k++) {
            sb.append(k == Math.max(0, l.length - n) ? "" : " | ").append(l[k].strip());
        }
        return sb.toString();
    }

    /**
     * What LAMMPS computed in {@code run 0} of {@link ExampleInput}.
     *
     * @param energy      potential energy, eV
     * @param pressureBar pressure tensor (virial only: no velocities at run 0), bar, Voigt, positive = compressive
     * @param volume      box volume, Å³
     * @param forces      {@code [3N]} eV/Å in atom-id order
     */
    public record Result(double energy, double[] pressureBar, double volume, double[] forces) {

        /** The virial W = P·V (LAMMPS sign, Voigt), eV. */
        public double[] virial() {
            double[] w = new double[6];
            for (int v = 0; v < 6; v++) {
                w[v] = pressureBar[v] * volume / NKTV2P;
            }
            return w;
        }
    }

    /** Parses the result line from {@code screen} and the forces from {@code dir/forces.dump}. */
    public static Result parse(String screen, Path dir) {
        double[] v = null;
        for (String line : screen.split("\n")) {
            if (line.startsWith("PEIERLS_RESULT ")) {
                String[] t = line.trim().split("\\s+");
                v = new double[t.length - 1];
                for (int k = 1; k < t.length; k++) {
                    v[k - 1] = Double.parseDouble(t[k]);
                }
            }
        }
        if (v == null || v.length < 9) {
            throw new InputException("LAMMPS printed no PEIERLS_RESULT line in " + dir + " (was in.example edited?)");
        }
        int n = (int) v[8];
        double[] f = new double[3 * n];
        try {
            List<String> dump = Files.readAllLines(dir.resolve(ExampleInput.FORCES));
            int start = -1;
            for (int k = 0; k < dump.size(); k++) {
                if (dump.get(k).startsWith("ITEM: ATOMS")) {
                    start = k + 1;
                }
            }
            if (start < 0 || dump.size() - start != n) {
                throw new InputException(dir.resolve(ExampleInput.FORCES) + ": expected " + n + " atoms");
            }
            for (int k = start; k < dump.size(); k++) {
                String[] t = dump.get(k).trim().split("\\s+");
                int id = Integer.parseInt(t[0]) - 1;
                for (int c = 0; c < 3; c++) {
                    f[3 * id + c] = Double.parseDouble(t[5 + c]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(ExampleInput.FORCES) + ": " + e.getMessage(), e);
        }
        double[] p = {v[1], v[2], v[3], v[4], v[5], v[6]};
        return new Result(v[0], p, v[7], f);
    }
}
