package org.peierls.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.peierls.atoms.Frame;
import org.peierls.io.FileFormat;
import org.peierls.io.Formats;
import org.peierls.io.IoOptions;
import org.peierls.util.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code peierls convert IN OUT}: reads any readable format and writes any writable one, every
 * frame where the target holds several, else the frame chosen with {@code --frame}.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert between structure file formats (by file name, or --in-format/--out-format).",
            "Readable: extxyz, poscar, lammps-data, lammps-dump, mlearn, fitsnap. Writable: extxyz, poscar, lammps-data, lammps-dump."})
public final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Input file (or FitSNAP JSON directory).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output file (replaced atomically).")
    Path out;

    @Option(names = "--in-format", paramLabel = "F", description = "Input format (default: from the name).")
    String inFormat;

    @Option(names = "--out-format", paramLabel = "F", description = "Output format (default: from the name).")
    String outFormat;

    @Option(names = "--types", paramLabel = "A,B", description = "Element symbols of LAMMPS atom types 1, 2, … (reading LAMMPS files or VASP 4 POSCARs; type order when writing LAMMPS files).")
    String types;

    @Option(names = "--frame", paramLabel = "K", description = "Convert only frame K (0-based; negative counts from the end).")
    Integer frame;

    /** Index of frame {@code k} (negative: from the end) among {@code count}, or an error. */
    static int frameIndex(int k, int count) {
        int i = k < 0 ? count + k : k;
        if (i < 0 || i >= count) {
            throw new InputException("--frame " + k + " is out of range: the file has " + count + " frame" + (count == 1 ? "" : "s")
                    + " (0.." + (count - 1) + ", or negative from the end)");
        }
        return i;
    }

    @Override
    public Integer call() {
        IoOptions options = IoOptions.withTypes(types);
        FileFormat target = outFormat == null ? Formats.forPath(out) : Formats.byName(outFormat);
        if (!target.canWrite()) {
            throw new InputException("format " + target.name() + " is read-only (writable: " + String.join(", ", Formats.names(true)) + ")");
        }
        List<Frame> frames = CliSupport.readAll(in, inFormat, options);
        if (frame != null) {
            frames = List.of(frames.get(frameIndex(frame, frames.size())));
        } else if (frames.size() > 1 && !target.multiFrame()) {
            throw new InputException(in + " has " + frames.size() + " frames but " + target.name()
                    + " holds one: choose one with --frame K (0-based, -1 = last)");
        }
        Formats.write(out, frames, target.name(), options);
        long atoms = 0;
        for (Frame f : frames) {
            atoms += f.structure().size();
        }
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf(Locale.ROOT, "wrote %d frame%s (%d atoms) to %s (%s)%n", frames.size(), frames.size() == 1 ? "" : "s", atoms, out, target.name());
        pw.flush();
        return 0;
    }
}
