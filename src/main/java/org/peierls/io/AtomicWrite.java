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

/**
 * Writes a file through a temporary file in the same directory, renamed over the target when
 * complete: readers never see a half-written file, and a failed write leaves the old file.
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

    private static void write(Path path, TempWriter body) {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
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
