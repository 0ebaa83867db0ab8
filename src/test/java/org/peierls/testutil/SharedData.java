package org.peierls.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates what tests need from outside the project: {@code ../shared/data} (overridable with
 * PEIERLS_SHARED_DATA), LAMMPS's {@code lmp} and its potential files. Locally a test that lacks
 * one is skipped with a message; in CI (CI=true) it fails instead, so nothing is silently skipped.
 */
public final class SharedData {
    private SharedData() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static Path projectRoot() {
        String root = System.getenv("PEIERLS_PROJECT_ROOT");
        return root != null ? Paths.get(root) : Paths.get("").toAbsolutePath();
    }

    /** Skips (locally) or fails (CI) with {@code what} when {@code ok} is false. */
    public static void require(boolean ok, String what) {
        if (!ok) {
            if (inCi()) {
                throw new AssertionError("CI=true but " + what + " is missing");
            }
            assumeTrue(false, "skipped: " + what + " is missing");
        }
    }

    /** The shared data folder ({@code ../shared/data}). */
    public static Path dataDir() {
        String env = System.getenv("PEIERLS_SHARED_DATA");
        Path p = env != null && !env.isBlank() ? Paths.get(env) : projectRoot().resolve("../shared/data").normalize();
        require(Files.isDirectory(p), "shared data folder " + p + " (set PEIERLS_SHARED_DATA)");
        return p;
    }

    /** A file or folder inside the shared data folder, which must exist. */
    public static Path data(String relative) {
        Path p = dataDir().resolve(relative);
        require(Files.exists(p), "shared data file " + p);
        return p;
    }

    /** The {@code lmp} executable (Debian's lammps package). */
    public static Path lmp() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Paths.get(dir, "lmp");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        require(false, "LAMMPS executable lmp (apt-get install -y lammps)");
        return null;
    }

    /**
     * A LAMMPS with ML-SNAP and ML-IAP: {@code $PEIERLS_LMP}, else the prefix of
     * {@code scripts/build-lammps.sh} ({@code /opt/peierls-lammps/bin/lmp}).
     */
    public static Path snapLmp() {
        String env = System.getenv("PEIERLS_LMP");
        Path p = env != null && !env.isBlank() ? Paths.get(env) : Paths.get("/opt/peierls-lammps/bin/lmp");
        require(Files.isExecutable(p), "SNAP-enabled LAMMPS " + p + " (scripts/build-lammps.sh; set PEIERLS_LMP)");
        return p;
    }

    /** CP2K ({@code cp2k.psmp} or {@code cp2k} on the PATH) with its data ({@code /usr/share/cp2k}). */
    public static void requireCp2k() {
        boolean exe = false;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            exe |= Files.isExecutable(Paths.get(dir, "cp2k.psmp")) || Files.isExecutable(Paths.get(dir, "cp2k"));
        }
        require(exe, "CP2K executable cp2k.psmp (apt-get install -y cp2k cp2k-data)");
        require(Files.isRegularFile(Paths.get("/usr/share/cp2k/BASIS_MOLOPT")) || System.getenv("CP2K_DATA_DIR") != null,
                "CP2K data /usr/share/cp2k (apt-get install -y cp2k-data)");
    }

    /** Debian's Python 3 ({@code /usr/bin/python3}, the interpreter of docs/examples/ase_oracle.py) with ASE ({@code python3-ase}). */
    public static void requireAse() {
        boolean ok;
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import ase").redirectErrorStream(true).start();
            ok = p.waitFor() == 0;
        } catch (java.io.IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        require(ok, "python3 with ASE (apt-get install -y python3-ase)");
    }

    /** A file from {@code /usr/share/lammps/potentials}. */
    public static Path lammpsPotential(String name) {
        Path p = Paths.get("/usr/share/lammps/potentials", name);
        require(Files.exists(p), "LAMMPS potential file " + p + " (apt-get install -y lammps)");
        return p;
    }
}
