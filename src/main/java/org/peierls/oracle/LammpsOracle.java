package org.peierls.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.export.ExampleInput;
import org.peierls.export.LammpsRunner;
import org.peierls.util.InputException;

/**
 * Labels with LAMMPS as an external process: {@code lammps:PAIRFILE[:EL,EL…]} names a file of pair
 * commands (e.g. the {@code pair.lmp} of {@code peierls export}, or any {@code pair_style}/
 * {@code pair_coeff} lines) whose potential files are named relative to its folder, and the
 * elements of LAMMPS types 1, 2, … (default: the structure's, in ascending atomic number). The files
 * of that folder are linked into a scratch folder, the structure written as a data file (rotated
 * into LAMMPS's frame), {@code run 0} done, and energy, forces and virial rotated back. The
 * executable is {@code $PEIERLS_LMP}, else {@code lmp}.
 */
public final class LammpsOracle implements Oracle {

    private final Path pairFile;
    private final List<String> types;
    private final Path scratch;

    public LammpsOracle(Path pairFile, List<String> types, Path scratch) {
        if (!Files.isRegularFile(pairFile)) {
            throw new InputException("lammps oracle: " + pairFile + " is not a file");
        }
        for (String t : types) {
            if (!Element.isSymbol(t)) {
                throw new InputException("lammps oracle: '" + t + "' is not an element symbol");
            }
        }
        this.pairFile = pairFile.toAbsolutePath();
        this.types = List.copyOf(types);
        this.scratch = scratch;
    }

    @Override
    public String describe() {
        String digest;
        try {
            digest = LabelCache.sha256(Files.readString(pairFile)).substring(0, 12);
        } catch (IOException e) {
            digest = "?";
        }
        return "lammps " + pairFile + (types.isEmpty() ? "" : " types " + String.join(",", types)) + " (sha256 " + digest + ")";
    }

    @Override
    public Frame label(Structure structure, String group) {
        int[] z;
        if (types.isEmpty()) {
            z = structure.species();
        } else {
            z = new int[types.size()];
            for (int t = 0; t < z.length; t++) {
                z[t] = Element.number(types.get(t));
            }
            for (int e : structure.species()) {
                if (!types.contains(Element.symbol(e))) {
                    throw new InputException("lammps oracle: the structure holds " + Element.symbol(e) + ", not among the types "
                            + String.join(",", types));
                }
            }
        }
        Path dir;
        try {
            Path root = scratch != null ? Files.createDirectories(scratch) : Path.of(System.getProperty("java.io.tmpdir"));
            dir = Files.createTempDirectory(root, "lmp-");
            try (var files = Files.list(pairFile.getParent())) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f)) {
                        Files.createSymbolicLink(dir.resolve(f.getFileName()), f.toAbsolutePath());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("lammps oracle: cannot prepare a scratch folder: " + e.getMessage(), e);
        }
        Structure clean = structure.withVelocities(null).withArrays(Map.of());
        double[] q = clean.cell().rotationToLammps();
        ExampleInput.write(dir, clean, z, describe(), "in.label", pairFile.getFileName().toString(), false);
        String screen = LammpsRunner.run(LammpsRunner.executable(null), dir, "in.label", 1, 3600);
        LammpsRunner.Result r = LammpsRunner.parse(screen, dir);
        ExternalProcess.delete(dir);
        // back from LAMMPS's frame: r = r'·Qᵀ for row vectors, W = Q W' Qᵀ
        double[] f = new double[r.forces().length];
        for (int i = 0; i < f.length / 3; i++) {
            for (int c = 0; c < 3; c++) {
                f[3 * i + c] = r.forces()[3 * i] * q[3 * c] + r.forces()[3 * i + 1] * q[3 * c + 1] + r.forces()[3 * i + 2] * q[3 * c + 2];
            }
        }
        double[] stress = null;
        if (clean.cell().fullyPeriodic()) {
            double[] w = r.virial();
            double[] wm = {w[0], w[5], w[4], w[5], w[1], w[3], w[4], w[3], w[2]};
            double[] back = Mat3.mul(Mat3.mul(q, wm), Mat3.transpose(q));
            double v = clean.cell().volume();
            stress = new double[]{-back[0] / v, -back[4] / v, -back[8] / v, -back[5] / v, -back[2] / v, -back[1] / v};
        }
        return new Frame(clean, new Labels(r.energy(), f, stress), group);
    }

    /** Parses {@code PAIRFILE[:EL,EL…]}. */
    static LammpsOracle parse(String arg, Path scratch) {
        int colon = arg.lastIndexOf(':');
        List<String> types = new ArrayList<>();
        String file = arg;
        if (colon > 0 && !Files.exists(Path.of(arg))) {
            file = arg.substring(0, colon);
            for (String t : arg.substring(colon + 1).split(",")) {
                if (!t.isBlank()) {
                    types.add(t.trim());
                }
            }
        }
        return new LammpsOracle(Path.of(file), types, scratch);
    }
}
