package org.peierls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peierls learn}: a short run end to end, and bad settings as one clear line before any work. */
class LearnCommandTest {

    @TempDir
    Path tmp;

    @Test
    void learnsAVacancyHopInASmallCell() throws Exception {
        Path out = tmp.resolve("learn");
        IoCommandsTest.Run r = IoCommandsTest.run("learn", "--oracle", "teacher:zhou2004:Ta", "--task", "vacancy-hop", "--element", "Ta",
                "--a0", "3.303", "--size", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : new String[]{"learn.json", "labelled.extxyz", "model/model.json", "model/uncertainty.json", "grade.png", "calls.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(r.err().contains("learn: barrier"), r.err());
    }

    @Test
    void badSettingsAreOneClearLine() {
        IoCommandsTest.Run r = IoCommandsTest.run("learn", "--oracle", "teacher:zhou2004:Ta", "--task", "md", "--element", "Ta",
                "--temp", "-5", "--out", tmp.resolve("x").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("--task md needs --temp"), r.err());
        r = IoCommandsTest.run("learn", "--oracle", "teacher:zhou2004:Ta", "--task", "mdx", "--element", "Ta", "--out", tmp.resolve("x").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("vacancy-hop, md, screw-glide"), r.err());
        r = IoCommandsTest.run("learn", "--oracle", "teacher:zhou2004:Ta", "--task", "vacancy-hop", "--element", "Ta", "--threshold", "3,1",
                "--out", tmp.resolve("x").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("--threshold"), r.err());
        r = IoCommandsTest.run("learn", "--oracle", "teacher:zhou2004:Ta", "--task", "vacancy-hop", "--element", "Ta", "--weights", "1,x,0",
                "--out", tmp.resolve("x").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("--weights"), r.err());
    }
}
