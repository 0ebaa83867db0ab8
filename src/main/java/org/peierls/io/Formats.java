package org.peierls.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peierls.atoms.Frame;
import org.peierls.util.InputException;

/**
 * The registry of structure file formats: picks the format from an explicit name or from the
 * file name, and reads or writes frames.
 *
 * <table>
 * <caption>Formats</caption>
 * <tr><th>name</th><th>chosen for</th><th>frames</th><th>write</th></tr>
 * <tr><td>extxyz</td><td>*.extxyz, *.xyz</td><td>many</td><td>yes</td></tr>
 * <tr><td>poscar</td><td>POSCAR*, CONTCAR*, *.poscar, *.vasp</td><td>one</td><td>yes</td></tr>
 * <tr><td>lammps-data</td><td>*.data, *.lmp</td><td>one</td><td>yes</td></tr>
 * <tr><td>lammps-dump</td><td>*.dump, *.lammpstrj</td><td>many</td><td>yes</td></tr>
 * <tr><td>mlearn</td><td>*.json holding a list</td><td>many</td><td>no</td></tr>
 * <tr><td>fitsnap</td><td>other *.json, directories</td><td>many</td><td>no</td></tr>
 * </table>
 */
public final class Formats {

    private static final List<FileFormat> ALL = List.of(
            ExtendedXyz.FORMAT, Poscar.FORMAT, LammpsData.FORMAT, LammpsDump.FORMAT, MlearnJson.FORMAT, FitSnapJson.FORMAT);

    private Formats() {
    }

    /** Every registered format. */
    public static List<FileFormat> all() {
        return ALL;
    }

    /** Names of every format, or of the writable ones. */
    public static List<String> names(boolean writableOnly) {
        List<String> out = new ArrayList<>();
        for (FileFormat f : ALL) {
            if (!writableOnly || f.canWrite()) {
                out.add(f.name());
            }
        }
        return out;
    }

    /**
     * The format called {@code name} (case-insensitive).
     *
     * @throws InputException listing the known names when there is none
     */
    public static FileFormat byName(String name) {
        for (FileFormat f : ALL) {
            if (f.name().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new InputException("unknown format '" + name + "' (known: " + String.join(", ", names(false)) + ")");
    }

    /**
     * The format of {@code path} from its name (extension, or names such as POSCAR).
     *
     * @throws InputException when the name says nothing; the message asks for an explicit format
     */
    public static FileFormat forPath(Path path) {
        if (Files.isDirectory(path)) {
            return FitSnapJson.FORMAT;
        }
        String name = path.getFileName() == null ? "" : lower(path.getFileName().toString());
        if (name.endsWith(".json")) {
            return firstChar(path) == '[' ? MlearnJson.FORMAT : FitSnapJson.FORMAT;
        }
        for (FileFormat f : ALL) {
            if (f.matchesName(path)) {
                return f;
            }
        }
        String n = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        throw new InputException("cannot tell the format of '" + n + "' from its name; give it explicitly (one of "
                + String.join(", ", names(false)) + ")");
    }

    private static FileFormat choose(Path path, String format) {
        return format == null || format.isBlank() ? forPath(path) : byName(format);
    }

    /** Reads every frame of {@code path}, the format chosen by its name. */
    public static List<Frame> read(Path path) {
        return read(path, null, IoOptions.DEFAULT);
    }

    /** Reads every frame of {@code path} in the named format (null: by the file name). */
    public static List<Frame> read(Path path, String format) {
        return read(path, format, IoOptions.DEFAULT);
    }

    /** Reads every frame of {@code path} in the named format (null: by the file name) with options. */
    public static List<Frame> read(Path path, String format, IoOptions options) {
        FileFormat f = choose(path, format);
        if (!Files.exists(path)) {
            throw new InputException("no such file: " + path);
        }
        return f.read(path, options == null ? IoOptions.DEFAULT : options);
    }

    /** Writes frames to {@code path}, the format chosen by its name. */
    public static void write(Path path, List<Frame> frames) {
        write(path, frames, null, IoOptions.DEFAULT);
    }

    /** Writes frames to {@code path} in the named format (null: by the file name). */
    public static void write(Path path, List<Frame> frames, String format) {
        write(path, frames, format, IoOptions.DEFAULT);
    }

    /**
     * Writes frames to {@code path} in the named format (null: by the file name) with options.
     *
     * @throws InputException when the format is read-only, or holds one frame and several are given
     */
    public static void write(Path path, List<Frame> frames, String format, IoOptions options) {
        FileFormat f = choose(path, format);
        if (!f.canWrite()) {
            throw new InputException("format " + f.name() + " is read-only (writable: " + String.join(", ", names(true)) + ")");
        }
        if (!f.multiFrame() && frames.size() != 1) {
            throw new InputException("format " + f.name() + " holds one frame, " + frames.size() + " given (choose one, e.g. convert --frame K)");
        }
        f.write(path, frames, options == null ? IoOptions.DEFAULT : options);
    }

    /** First non-blank character of a file (0 when empty or unreadable). */
    private static int firstChar(Path path) {
        try (java.io.Reader r = Files.newBufferedReader(path)) {
            int c;
            while ((c = r.read()) >= 0) {
                if (!Character.isWhitespace(c)) {
                    return c;
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return 0;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
