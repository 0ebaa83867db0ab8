package org.peierls.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.io.Formats;
import org.peierls.util.InputException;

/**
 * Labels with any external code through a script: Peierls writes the structure as extended XYZ
 * ({@code in.extxyz}) in a scratch folder, runs {@code SCRIPT in.extxyz out.extxyz} there, and
 * reads the labels from {@code out.extxyz} (energy, forces, stress as ASE writes them). The
 * protocol fits a five-line ASE script with any calculator (VASP, Quantum ESPRESSO, …; see
 * {@code docs/label.md}). The output must hold the same atoms in the same order.
 */
public final class CommandOracle implements Oracle {

    private final Path script;
    private final int timeoutSeconds;
    private final Path scratch;

    public CommandOracle(Path script, int timeoutSeconds, Path scratch) {
        if (!Files.isRegularFile(script)) {
            throw new InputException("command oracle: " + script + " is not a file");
        }
        if (!Files.isExecutable(script)) {
            throw new InputException("command oracle: " + script + " is not executable (chmod +x)");
        }
        this.script = script.toAbsolutePath();
        this.timeoutSeconds = timeoutSeconds;
        this.scratch = scratch;
    }

    @Override
    public String describe() {
        String digest;
        try {
            digest = LabelCache.sha256(Files.readString(script)).substring(0, 12);
        } catch (IOException e) {
            digest = "?";
        }
        return "command " + script + " (sha256 " + digest + ")";
    }

    @Override
    public Frame label(Structure structure, String group) {
        Path dir;
        try {
            Path root = scratch != null ? Files.createDirectories(scratch) : Path.of(System.getProperty("java.io.tmpdir"));
            dir = Files.createTempDirectory(root, "label-");
        } catch (IOException e) {
            throw new UncheckedIOException("command oracle: cannot make a scratch folder: " + e.getMessage(), e);
        }
        Structure clean = structure.withVelocities(null).withArrays(Map.of());
        Formats.write(dir.resolve("in.extxyz"), List.of(new Frame(clean)));
        ExternalProcess.run(List.of(script.toString(), "in.extxyz", "out.extxyz"), dir, Map.of(), timeoutSeconds, "log.txt");
        Path out = dir.resolve("out.extxyz");
        if (!Files.isRegularFile(out)) {
            throw new InputException("command oracle: " + script.getFileName() + " wrote no out.extxyz (in " + dir + ")");
        }
        List<Frame> frames = Formats.read(out);
        if (frames.size() != 1) {
            throw new InputException(out + ": expected one frame, found " + frames.size());
        }
        Frame f = frames.get(0);
        Structure s = f.structure();
        if (s.size() != clean.size() || !java.util.Arrays.equals(s.numbers(), clean.numbers())) {
            throw new InputException(out + ": the atoms differ from in.extxyz (count or species order)");
        }
        if (!f.labels().hasEnergy() || !f.labels().hasForces()) {
            throw new InputException(out + ": no energy or forces (write them as ASE's extxyz does: energy=… and a forces column)");
        }
        ExternalProcess.delete(dir);
        double[] stress = clean.cell().fullyPeriodic() ? f.labels().stress() : null;
        return new Frame(clean, new org.peierls.atoms.Labels(f.labels().energy(), f.labels().forces(), stress), group);
    }
}
