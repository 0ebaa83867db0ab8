package org.peierls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.io.Formats;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.Results;
import org.peierls.testutil.TestCells;

/**
 * {@code peierls label}: a teacher labels every frame of several files with their groups; a
 * counting script shows that a run interrupted after two labels resumes by labelling only the
 * third, and that a repeated run labels nothing; a failing structure is reported by index with the
 * others written (exit 1).
 */
class LabelCommandTest {

    @TempDir
    Path tmp;

    private Path cells(String name, int n, long seed) {
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            frames.add(new Frame(TestCells.rattled(new int[]{29}, 3.615, true, 2, 2, 2, 0.02, 0.08, seed + k, false)));
        }
        Path p = tmp.resolve(name);
        Formats.write(p, frames);
        return p;
    }

    @Test
    void teacherLabelsEveryFrameWithItsGroup() {
        Path a = cells("bulk.extxyz", 2, 1), b = cells("hot.extxyz", 1, 9);
        Path out = tmp.resolve("data.extxyz");
        IoCommandsTest.Run r = IoCommandsTest.run("label", "--oracle", "teacher:zhou2004:Cu", "--structures", a.toString(), b.toString(),
                "--out", out.toString(), "--jobs", "2");
        assertEquals(0, r.code(), r.err());
        List<Frame> got = Formats.read(out);
        assertEquals(3, got.size());
        assertEquals(List.of("bulk", "bulk", "hot"), got.stream().map(Frame::group).toList());
        Results ref = PotentialSpecs.parse("zhou2004:Cu").compute(Formats.read(b).get(0).structure());
        assertEquals(ref.energy(), got.get(2).labels().energy(), 1e-9 * Math.abs(ref.energy()));
        assertTrue(r.out().contains("labelled 3 of 3"), r.out());
        assertEquals("teacher zhou2004:Cu", got.get(0).structure().info().get("labelled_by"), "provenance");
    }

    @Test
    void interruptedRunResumesAndFailuresAreReported() throws Exception {
        Path count = tmp.resolve("count.txt");
        // a script oracle that counts its calls and labels with a fixed number; it fails on a marked structure
        Path script = tmp.resolve("oracle.sh");
        Files.writeString(script, "#!/bin/bash\nset -e\necho x >> " + count + "\n"
                + "if grep -q 'fail=T' \"$1\"; then echo 'cannot label this one' >&2; exit 3; fi\n"
                + "awk 'NR==1{print; next} NR==2{sub(/Properties=species:S:1:pos:R:3/, \"Properties=species:S:1:pos:R:3:forces:R:3\");"
                + " print $0 \" energy=-1.5\"; next} {print $0 \" 0 0 0\"}' \"$1\" > \"$2\"\n");
        script.toFile().setExecutable(true);
        Path all = cells("all.extxyz", 3, 20);
        List<Frame> frames = Formats.read(all);
        Path firstTwo = tmp.resolve("two.extxyz");
        Formats.write(firstTwo, frames.subList(0, 2));
        Path out = tmp.resolve("labels.extxyz");
        Path cache = tmp.resolve("cache");
        // "killed" after two labels: they are in the cache
        IoCommandsTest.Run r1 = IoCommandsTest.run("label", "--oracle", "command:" + script, "--structures", firstTwo.toString(),
                "--out", out.toString(), "--cache", cache.toString());
        assertEquals(0, r1.code(), r1.err());
        assertEquals(2, Files.readAllLines(count).size());
        IoCommandsTest.Run r2 = IoCommandsTest.run("label", "--oracle", "command:" + script, "--structures", all.toString(),
                "--out", out.toString(), "--cache", cache.toString());
        assertEquals(0, r2.code(), r2.err());
        assertEquals(3, Files.readAllLines(count).size(), "only the third structure was labelled again");
        assertTrue(r2.out().contains("2 from the cache"), r2.out());
        IoCommandsTest.Run r3 = IoCommandsTest.run("label", "--oracle", "command:" + script, "--structures", all.toString(),
                "--out", out.toString(), "--cache", cache.toString());
        assertEquals(0, r3.code());
        assertEquals(3, Files.readAllLines(count).size(), "a repeated run labels nothing");
        assertEquals(3, Formats.read(out).size());

        // structure 1 of a new batch fails: reported with its index, the others written, exit 1
        Structure marked = frames.get(1).structure().withInfo("fail", Boolean.TRUE);
        List<Frame> batch = List.of(new Frame(frames.get(0).structure().withPositions(shift(frames.get(0).structure()))), new Frame(marked));
        Path mixed = tmp.resolve("mixed.extxyz");
        Formats.write(mixed, batch);
        Path out2 = tmp.resolve("mixed-labels.extxyz");
        IoCommandsTest.Run r4 = IoCommandsTest.run("label", "--oracle", "command:" + script, "--structures", mixed.toString(),
                "--out", out2.toString());
        assertEquals(1, r4.code(), r4.out() + r4.err());
        assertTrue(r4.err().contains("structure 1 (" + mixed + " frame 1)"), r4.err());
        assertTrue(r4.err().contains("cannot label this one"), r4.err());
        assertEquals(1, Formats.read(out2).size());
    }

    private static double[] shift(Structure s) {
        double[] x = s.positions();
        x[0] += 0.01;
        return x;
    }

    @Test
    void badInput() {
        Path a = cells("a.extxyz", 1, 1);
        IoCommandsTest.Run r = IoCommandsTest.run("label", "--oracle", "teacher:zhou2004:Cu", "--structures", a.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out is required"), r.err());
        IoCommandsTest.Run j = IoCommandsTest.run("label", "--oracle", "teacher:zhou2004:Cu", "--structures", a.toString(), "--out",
                tmp.resolve("o.extxyz").toString(), "--jobs", "0");
        assertEquals(2, j.code());
        assertTrue(j.err().contains("--jobs"), j.err());
        IoCommandsTest.Run c = IoCommandsTest.run("label", "--oracle", "teacher:zhou2004:Cu", "--structures", a.toString(), "--converge", "cutoff");
        assertEquals(2, c.code());
        assertTrue(c.err().contains("--converge needs --oracle cp2k"), c.err());
    }
}
