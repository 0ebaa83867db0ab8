package org.peierls.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.peierls.util.InputException;

/**
 * Writes a file through a temporary file in the same directory, renamed over the target when
 * complete: readers never see a half-written file, and a failed write leaves the old file. The
 * temporary file is created with the default permissions (the user's umask, e.g. 0644 under 022,
 * unlike {@code Files.createTempFile}'s 0600), so that LAMMPS under another account, a colleague or
 * a web server can read what Peierls writes. A symbolic link is followed (its target is replaced,
 * the link stays), and an existing target that is not a regular file (a folder, a device) is
 * refused before anything is written.
 */
public final class AtomicWrite {

    private AtomicWrite() {
    }

    /** What writes the content. */
    @FunctionalInterface
    public interface Body {
        void write(Writer out) throws IOException;
    }

    /**
     * Writes {@code path} atomically (UTF-8 text).
     *
     * @throws UncheckedIOException when the directory is not writable or the write fails
     */
    public static void text(Path path, Body body) {
        write(path, tmp -> {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(out);
            }
        });
    }

    /** Writes {@code bytes} to {@code path} atomically (e.g. a PNG). */
    public static void bytes(Path path, byte[] bytes) {
        write(path, tmp -> Files.write(tmp, bytes));
    }

    private interface TempWriter {
        void write(Path tmp) throws IOException;
    }

    /**
     * The file a write to {@code path} replaces: {@code path} itself, or the file a symbolic link at
     * {@code path} points to (followed through chains of links).
     *
     * @throws InputException when it exists and is not a regular file
     */
    public static Path target(Path path) {
        Path t = path.toAbsolutePath();
        try {
            for (int hops = 0; Files.isSymbolicLink(t); hops++) {
                if (hops > 40) {
                    throw new InputException(path + ": too many levels of symbolic links");
                }
                t = t.resolveSibling(Files.readSymbolicLink(t)).normalize();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the link " + path + ": " + e.getMessage(), e);
        }
        if (Files.exists(t) && !Files.isRegularFile(t)) {
            throw new InputException(path + " exists and is not a regular file (" + (Files.isDirectory(t) ? "a folder" : "a device or socket")
                    + "): not overwritten");
        }
        return t;
    }

    /**
     * A new, empty temporary file {@code .NAME.RANDOM.tmp} in {@code dir} with the default
     * permissions (the umask's), for a write that is renamed into place.
     */
    public static Path temporary(Path dir, String name) throws IOException {
        java.util.concurrent.ThreadLocalRandom rnd = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; ; attempt++) {
            Path p = (dir == null ? Path.of("") : dir).resolve("." + name + "." + Long.toHexString(rnd.nextLong() >>> 1) + ".tmp");
            try {
                return Files.createFile(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static void write(Path path, TempWriter body) {
        Path target = target(path);
        Path dir = target.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = temporary(dir, target.getFileName().toString());
            body.write(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + path + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is what matters
                }
            }
        }
    }

}
