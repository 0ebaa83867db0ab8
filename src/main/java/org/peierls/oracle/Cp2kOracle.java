package org.peierls.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

/**
 * Density-functional labels from CP2K (Quickstep GPW, PBE; {@link Cp2kInput}), run as a real
 * process ({@code cp2k.psmp}, {@code cp2k.ssmp} or {@code cp2k} on the PATH, or
 * {@code $PEIERLS_CP2K}) in a scratch folder with {@code OMP_NUM_THREADS} = the settings' threads.
 * A run that fails, does not converge or prints no forces is an {@link InputException} and gives no
 * label. Overlapping atoms (closer than 0.5 Å) are refused before CP2K starts.
 */
public final class Cp2kOracle implements Oracle {

    private final Cp2kSettings settings;
    private final Path scratch;

    /**
     * @param scratch folder for the run folders (null: the system temporary folder)
     */
    public Cp2kOracle(Cp2kSettings settings, Path scratch) {
        this.settings = settings;
        this.scratch = scratch;
    }

    public Cp2kSettings settings() {
        return settings;
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    /** The CP2K executable. */
    public static String executable() {
        String env = System.getenv("PEIERLS_CP2K");
        if (env != null && !env.isBlank()) {
            return env;
        }
        for (String name : List.of("cp2k.psmp", "cp2k.ssmp", "cp2k")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new InputException("cp2k: no CP2K executable on the PATH (apt-get install cp2k cp2k-data, or set PEIERLS_CP2K)");
    }

    /** Basis and pseudopotential of each element of the structure: the settings', else the defaults. */
    Map<String, Cp2kSettings.Kind> kinds(Structure s) {
        Map<String, Cp2kSettings.Kind> kinds = new TreeMap<>();
        for (int z : s.species()) {
            String el = org.peierls.atoms.Element.symbol(z);
            Cp2kSettings.Kind k = settings.elements().get(el);
            if (k == null) {
                k = Cp2kData.defaultKind(el);
            } else {
                Cp2kData.check(el, k);
            }
            kinds.put(el, k);
        }
        return kinds;
    }

    @Override
    public Frame label(Structure structure, String group) {
        Overlaps.check(structure, 0.5);
        Map<String, Cp2kSettings.Kind> kinds = kinds(structure);
        String exe = executable();
        Path dir;
        try {
            Path root = scratch != null ? Files.createDirectories(scratch) : Path.of(System.getProperty("java.io.tmpdir"));
            dir = Files.createTempDirectory(root, "cp2k-");
            Files.writeString(dir.resolve("in.inp"), Cp2kInput.text(structure, settings, kinds));
        } catch (IOException e) {
            throw new UncheckedIOException("cp2k: cannot write the input: " + e.getMessage(), e);
        }
        String text = ExternalProcess.run(List.of(exe, "-i", "in.inp"), dir,
                Map.of("OMP_NUM_THREADS", Integer.toString(settings.threads())), settings.timeoutSeconds(), "out.log");
        Cp2kOutput out = Cp2kOutput.parse(text, structure.size(), dir.resolve("out.log").toString());
        ExternalProcess.delete(dir);
        Structure clean = structure.withVelocities(null).withArrays(Map.of());
        double[] stress = structure.cell().fullyPeriodic() ? out.stress() : null;
        return new Frame(clean, new Labels(out.energy(), out.forces(), stress), group);
    }
}
