package org.peierls.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.util.InputException;

/**
 * What {@link AtomicWrite} leaves behind: a file with the permissions any new file of this process
 * gets (the umask's; e.g. group- and world-readable under 022), not the 0600 of
 * {@code Files.createTempFile}; a symbolic link still a link to the rewritten target; a folder at
 * the target refused with one line, untouched.
 */
class AtomicWritePermissionsTest {

    @TempDir
    Path dir;

    @Test
    void writtenFilesHaveTheUmasksPermissions() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        Path written = dir.resolve("written.txt");
        AtomicWrite.text(written, w -> w.write("x"));
        assertEquals(expected, Files.getPosixFilePermissions(written));
        AtomicWrite.bytes(written, new byte[]{1, 2});
        assertEquals(expected, Files.getPosixFilePermissions(written), "and after replacing it");
    }

    @Test
    void aSymbolicLinkIsFollowedAndKept() throws Exception {
        Path real = Files.writeString(dir.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("real.txt"));
        AtomicWrite.text(link, w -> w.write("new"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void aFolderIsNotOverwritten() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out.json"));
        Files.writeString(folder.resolve("keep.txt"), "keep");
        InputException e = assertThrows(InputException.class, () -> AtomicWrite.text(folder, w -> w.write("x")));
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
        assertEquals("keep", Files.readString(folder.resolve("keep.txt")));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }
}
