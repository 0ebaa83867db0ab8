package org.peierls.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.analysis.Centrosymmetry;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.io.ExtendedXyz;
import org.peierls.io.Json;

/**
 * {@code peierls analyze}: the per-atom columns come back in the extended XYZ it writes (one
 * column per analysis, as ASE and OVITO read them), the JSON counts add up, every frame of a
 * multi-frame file is analysed with {@code --frame all}, and bad input is one line.
 */
class AnalyzeCommandTest {

    @TempDir
    Path tmp;

    static Structure vacancy(double a) {
        Structure s = Lattice.fcc("Cu", a).repeat(3, 3, 3);
        boolean[] keep = new boolean[s.size()];
        java.util.Arrays.fill(keep, true);
        keep[0] = false;
        return s.select(keep);
    }

    @Test
    void columnsAndCountsOfEveryFrame() throws Exception {
        Structure v = vacancy(3.615);
        Structure perfect = Lattice.fcc("Cu", 3.615).repeat(3, 3, 3);
        Path in = tmp.resolve("in.extxyz");
        ExtendedXyz.write(in, List.of(new Frame(v), new Frame(perfect)));
        Path out = tmp.resolve("out.extxyz"), json = tmp.resolve("a.json");
        IoCommandsTest.Run r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--frame", "all", "--compute", "cna,acna,csp,coord,q6",
                "--cutoff", "3.09", "--out", out.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        List<Frame> back = ExtendedXyz.read(out);
        assertEquals(2, back.size());
        String[] cna = (String[]) back.get(0).structure().arrays().get("cna");
        long other = java.util.Arrays.stream(cna).filter("other"::equals).count();
        assertEquals(12, other, "the 12 neighbours of the vacancy are not fcc");
        assertArrayEquals(Centrosymmetry.compute(v, 12), (double[]) back.get(0).structure().arrays().get("csp"), 1e-12);
        JsonNode j = Json.read(json);
        assertEquals(2, j.get("frames").size());
        assertEquals(95, j.get("frames").get(0).get("counts").get("cna").get("fcc").asInt());
        assertEquals(108, j.get("frames").get(1).get("counts").get("acna").get("fcc").asInt());
        List<Integer> coord = new ArrayList<>();
        j.get("frames").get(1).get("per_atom").get("coord").forEach(n -> coord.add(n.asInt()));
        assertTrue(coord.stream().allMatch(c -> c == 12), "perfect fcc: 12 neighbours each");
    }

    @Test
    void badInputIsOneLine() throws Exception {
        Path in = tmp.resolve("in.extxyz");
        ExtendedXyz.write(in, List.of(new Frame(vacancy(3.615))));
        IoCommandsTest.Run r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "cna");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cna needs --cutoff"), r.err());
        r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "vorono");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown analysis 'vorono'"), r.err());
        r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "acna", "--frame", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("out of range"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
