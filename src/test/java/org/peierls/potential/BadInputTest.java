package org.peierls.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.testutil.SharedData;
import org.peierls.testutil.TestCells;
import org.peierls.util.InputException;

/** Bad potential files and specs give one clear line naming the file and line or the parameter. */
class BadInputTest {

    @TempDir
    Path tmp;

    private static void assertOneLine(InputException e, String... parts) {
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        for (String p : parts) {
            assertTrue(m.contains(p), "'" + m + "' should mention '" + p + "'");
        }
    }

    private Path truncated(String name, int keepLines) throws Exception {
        List<String> lines = Files.readAllLines(SharedData.lammpsPotential(name));
        Path p = tmp.resolve(name);
        Files.write(p, lines.subList(0, keepLines));
        return p;
    }

    @Test
    void truncatedFilesNameTheFileAndWhatIsMissing() throws Exception {
        Path funcfl = truncated("Cu_u3.eam", 150);
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("eam:" + funcfl)),
                funcfl.toString(), "ends early", "Z(r) value 236 of 500");
        Path setfl = truncated("CuTa.eam.alloy", 2000);
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("eam/alloy:" + setfl)),
                setfl.toString(), "ends early");
        Path fs = truncated("Fe_mm.eam.fs", 5);
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("eam/fs:" + fs)), fs.toString(), "ends early");
    }

    @Test
    void nonNumericValuesNameTheLine() throws Exception {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(SharedData.lammpsPotential("Cu_u3.eam")));
        lines.set(9, lines.get(9).replaceFirst("\\S+", "1.2.3x"));
        Path p = tmp.resolve("bad.eam");
        Files.write(p, lines);
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("eam:" + p)),
                "line 10 of " + p, "1.2.3x", "expected a number");
        Path header = tmp.resolve("header.eam.alloy");
        List<String> h = new java.util.ArrayList<>(Files.readAllLines(SharedData.lammpsPotential("Cu_mishin1.eam.alloy")));
        h.set(4, "10001 abc 10001 0.0009 5.5");
        Files.write(header, h);
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("eam/alloy:" + header)),
                "line 5 of " + header, "drho", "abc");
    }

    @Test
    void unknownElementsInFilesAndSpecs() throws Exception {
        List<String> h = new java.util.ArrayList<>(Files.readAllLines(SharedData.lammpsPotential("Cu_mishin1.eam.alloy")));
        h.set(3, "1 Qq");
        Path p = tmp.resolve("qq.eam.alloy");
        Files.write(p, h);
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("eam/alloy:" + p)), "line 4", "Qq");
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("zhou2004:Cu,Unobtainium")), "Unobtainium");
    }

    @Test
    void aSpeciesThePotentialLacksIsNamed() {
        Potential p = PotentialSpecs.parse("eam/alloy:" + SharedData.lammpsPotential("CuTa.eam.alloy"));
        InputException e = assertThrows(InputException.class,
                () -> p.compute(TestCells.cubic(26, 2.86, false, 2, 2, 2)));
        assertOneLine(e, "Fe", "Cu,Ta");
    }

    @Test
    void badSpecs() {
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("snapx:foo")), "snapx", "known");
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("Cu_u3.eam")), "no prefix");
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("lj:1,2")), "lj", "3 numbers");
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("lj:1,x,3")), "'x'");
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("lj:-1,2,3")), "positive");
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("zbl:4.8,4.0")), "inner < outer");
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("eam:" + tmp.resolve("none.eam"))),
                "does not exist");
        assertOneLine(assertThrows(InputException.class, () -> PotentialSpecs.parse("eam/alloy:")), "nothing after");
    }

    @Test
    void theMissingSpeciesMessageNamesThePotentialAsSuch() {
        Potential p = PotentialSpecs.parse("zhou2004:Cu,Ta");
        InputException e = assertThrows(InputException.class, () -> p.compute(TestCells.cubic(26, 2.86, false, 2, 2, 2)));
        assertEquals("structure has Fe but potential zhou2004:Cu,Ta describes only Cu,Ta", e.getMessage());
    }

    @Test
    void specsBuildWhatTheyName() {
        assertTrue(PotentialSpecs.parse("lj:0.01,3.4,8.5") instanceof org.peierls.potential.pair.LennardJones);
        Potential sum = PotentialSpecs.parse("zbl:4.0,4.8 + lj:0.01,3.4,8.5");
        assertTrue(sum instanceof SumPotential s && s.parts().size() == 2 && s.cutoff() == 8.5, sum.describe());
        Potential z = PotentialSpecs.parse("zhou2004:Cu,Ta");
        assertTrue(z.describe().equals("zhou2004:Cu,Ta") && z.species().length == 2);
    }
}
