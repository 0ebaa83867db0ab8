package org.peierls.sim.md;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.io.FileFormat;
import org.peierls.io.Formats;
import org.peierls.io.IoOptions;
import org.peierls.util.InputException;

/**
 * An MD trajectory file that grows one frame at a time, in a format whose frames simply follow
 * one another (extended XYZ, LAMMPS dump): each frame is written by the io package to a temporary
 * file and appended. The file can be cut back to a byte length recorded in a checkpoint, so a
 * resumed run continues it without duplicate frames.
 */
public final class Trajectory {

    private final Path path;
    private final FileFormat format;
    private final IoOptions options;

    /**
     * @param append false to start a new (empty) file; true to keep the first {@code keepBytes}
     *               bytes of an existing one
     * @throws InputException when the format cannot be appended frame by frame
     */
    public Trajectory(Path path, String format, IoOptions options, boolean append, long keepBytes) {
        this.path = path;
        this.format = format == null ? Formats.forPath(path) : Formats.byName(format);
        this.options = options == null ? IoOptions.DEFAULT : options;
        if (!this.format.canWrite() || !this.format.multiFrame()) {
            throw new InputException("trajectory " + path + ": format " + this.format.name()
                    + " cannot hold a sequence of frames (use .extxyz or a LAMMPS dump, .lammpstrj/.dump)");
        }
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (append && Files.exists(path)) {
                try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    if (ch.size() > keepBytes) {
                        ch.truncate(keepBytes);
                    }
                }
            } else {
                Files.write(path, new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("trajectory " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The frame an MD state becomes: wrapped positions, velocities, info {@code step} (and
     * {@code timestep}, which a LAMMPS dump writes as its TIMESTEP), {@code time_ps},
     * {@code temperature_K}; energy, forces and the potential's stress as labels.
     */
    public static Frame frame(MdState s, Integrator integrator) {
        Structure st = s.structure().wrapped().withInfo("step", s.step()).withInfo("timestep", s.step()).withInfo("time_ps", s.time())
                .withInfo("temperature_K", integrator.temperature(s));
        double v = s.volume();
        double[] stress = null;
        if (v > 0) {
            stress = new double[6];
            for (int k = 0; k < 6; k++) {
                stress[k] = -s.virial()[k] / v;
            }
        }
        return new Frame(st, new Labels(s.potentialEnergy(), s.forces(), stress), "md");
    }

    /** Appends one frame. */
    public void append(Frame frame) {
        try {
            Path tmp = Files.createTempFile(path.toAbsolutePath().getParent(), "." + path.getFileName(), ".frame");
            try {
                format.write(tmp, List.of(frame), options);
                try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.APPEND)) {
                    Files.copy(tmp, out);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("trajectory " + path + ": " + e.getMessage(), e);
        }
    }

    /** Current length of the file, bytes (for checkpoints). */
    public long bytes() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return path;
    }
}
