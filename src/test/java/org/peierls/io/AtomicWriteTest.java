package org.peierls.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    @TempDir
    Path tmp;

    /** A write that fails half-way leaves the old content and removes its temporary file. */
    @Test
    void failureKeepsTheOldFile() throws IOException {
        Path p = tmp.resolve("a.txt");
        Files.writeString(p, "old");
        assertThrows(UncheckedIOException.class, () -> AtomicWrite.text(p, out -> {
            out.write("new half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(p));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
        AtomicWrite.text(p, out -> out.write("new"));
        assertEquals("new", Files.readString(p));
    }
}
