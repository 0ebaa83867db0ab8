package org.peierls.io;

import java.nio.file.Path;
import java.util.List;
import org.peierls.atoms.Frame;

/**
 * One structure file format (one class per format, listed in {@link Formats}). Readers throw
 * {@link org.peierls.util.InputException} naming the file and line for malformed input and
 * {@link java.io.UncheckedIOException} for I/O failures; writers write a temporary file in the
 * target's directory and rename it atomically over the target.
 */
public interface FileFormat {

    /** Short name used on the command line ({@code --format extxyz}). */
    String name();

    /** One-line description for help texts. */
    String description();

    /** File-name endings (lower case, with the dot) that select this format. */
    List<String> extensions();

    /** True when the format is chosen for this path by its name alone (e.g. POSCAR, CONTCAR). */
    default boolean matchesName(Path path) {
        String n = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (String e : extensions()) {
            if (n.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@link #write} is supported. */
    boolean canWrite();

    /** True when one file can hold several frames (when writing). */
    boolean multiFrame();

    /** Reads every frame of {@code path}. */
    List<Frame> read(Path path, IoOptions options);

    /**
     * Writes {@code frames} to {@code path} (replaced atomically).
     *
     * @throws IllegalArgumentException when the format cannot hold the frames (several frames in a
     *                                  single-frame format, a property it cannot represent)
     */
    void write(Path path, List<Frame> frames, IoOptions options);
}
