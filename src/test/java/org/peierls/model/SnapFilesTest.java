package org.peierls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.TestStructures;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.Results;
import org.peierls.potential.SumPotential;
import org.peierls.testutil.SharedData;
import org.peierls.util.InputException;

/** Reading and writing LAMMPS SNAP files, and the errors bad files give. */
class SnapFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsLammpsParameterFiles() {
        SnapFiles.Param p = SnapFiles.readParam(SharedData.lammpsPotential("Ta06A.snapparam"));
        assertEquals(4.67637, p.rcutfac());
        assertEquals(6, p.twojmax());
        assertEquals(0.99363, p.rfac0());
        assertEquals(0.0, p.rmin0());
        assertTrue(!p.bzeroflag() && !p.quadraticflag() && p.switchflag());
        // Mo_Chen_PRM2017 sets only the two required keywords: LAMMPS's defaults apply (bzeroflag 1)
        SnapFiles.Param chen = SnapFiles.readParam(SharedData.lammpsPotential("Mo_Chen_PRM2017.snapparam"));
        assertTrue(chen.bzeroflag() && chen.switchflag());
        assertEquals(0.99363, chen.rfac0());
        SnapFiles.Coefficients c = SnapFiles.readCoefficients(SharedData.lammpsPotential("Ta06A.snapcoeff"));
        assertEquals(java.util.List.of("Ta"), c.elements());
        assertEquals(31, c.coefficients()[0].length);
        assertEquals(-2.92477, c.coefficients()[0][0]);
    }

    @Test
    void unknownKeywordIsAnErrorNamingItAndItsLine() throws IOException {
        Path p = write("x.snapparam", "# comment\nrcutfac 4.6\ntwojmax 6\n\nrcutoff 5.0\n");
        InputException e = assertThrows(InputException.class, () -> SnapFiles.readParam(p));
        assertTrue(e.getMessage().contains("'rcutoff'") && e.getMessage().contains("line 5"), e.getMessage());
    }

    @Test
    void badParameterFilesAreErrors() throws IOException {
        Path missing = write("m.snapparam", "rcutfac 4.6\n");
        assertTrue(assertThrows(InputException.class, () -> SnapFiles.readParam(missing)).getMessage().contains("twojmax"));
        Path chem = write("c.snapparam", "rcutfac 4.6\ntwojmax 6\nchemflag 1\n");
        assertTrue(assertThrows(InputException.class, () -> SnapFiles.readParam(chem)).getMessage().contains("chemflag"));
        Path flag = write("f.snapparam", "rcutfac 4.6\ntwojmax 6\nbzeroflag 2\n");
        assertTrue(assertThrows(InputException.class, () -> SnapFiles.readParam(flag)).getMessage().contains("line 3"));
        Path num = write("n.snapparam", "rcutfac four\ntwojmax 6\n");
        assertTrue(assertThrows(InputException.class, () -> SnapFiles.readParam(num)).getMessage().contains("line 1"));
        // tuning keywords of LAMMPS are accepted
        Path tuning = write("t.snapparam", "rcutfac 4.6\ntwojmax 6\nchunksize 4096\nwselfallflag 0\n");
        assertEquals(6, SnapFiles.readParam(tuning).twojmax());
    }

    @Test
    void coefficientCountMustMatchTwojmax() throws IOException {
        Path param = write("x.snapparam", "rcutfac 4.6\ntwojmax 8\n");
        Path coeff = dir.resolve("x.snapcoeff");
        Files.copy(SharedData.lammpsPotential("Ta06A.snapcoeff"), coeff);
        InputException e = assertThrows(InputException.class, () -> SnapFiles.load(coeff, param));
        assertTrue(e.getMessage().contains("31") && e.getMessage().contains("56"), e.getMessage());
        Path truncated = write("y.snapcoeff", "1 31\nTa 0.5 1\n1.0\n2.0\n");
        assertTrue(assertThrows(InputException.class, () -> SnapFiles.readCoefficients(truncated)).getMessage()
                .contains("2 of 31"));
    }

    @Test
    void writtenFilesReadBackToTheSamePotential() {
        Structure s = TestStructures.distortedBcc(42, 0, 3.16, 3, 0.1, 7);
        for (String name : new String[]{"Mo_Zuo_JPCA2020.snapcoeff", "Mo_Zuo_JPCA2020.quadratic.snapcoeff"}) {
            MlPotential original = SnapFiles.load(SharedData.lammpsPotential(name));
            Path coeff = dir.resolve("copy-" + name);
            SnapFiles.write(original, coeff, SnapFiles.paramBeside(coeff), "copy of " + name);
            MlPotential copy = SnapFiles.load(coeff);
            Results a = original.compute(s), b = copy.compute(s);
            // 17 significant digits: the same doubles, the same results
            assertEquals(a.energy(), b.energy(), 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.forces(), b.forces(), 0.0);
        }
    }

    @Test
    void includeFileGivesZblPlusSnap() {
        Potential p = SnapInclude.load(SharedData.lammpsPotential("W_2940_2017_2.snap"));
        SumPotential sum = assertInstanceOf(SumPotential.class, p);
        assertEquals(2, sum.parts().size());
        assertEquals(4.8, p.cutoff(), 0.0); // ZBL outer cutoff > 2·0.5·4.73442
        assertInstanceOf(MlPotential.class, SnapInclude.load(SharedData.lammpsPotential("Mo_Zuo_JPCA2020.snap")));
    }

    @Test
    void includeFileErrorsNameTheLine() throws IOException {
        Files.copy(SharedData.lammpsPotential("Ta06A.snapcoeff"), dir.resolve("Ta06A.snapcoeff"));
        Files.copy(SharedData.lammpsPotential("Ta06A.snapparam"), dir.resolve("Ta06A.snapparam"));
        Path table = write("t.snap", "pair_style hybrid/overlay zbl 4 4.8 snap table spline 1000\n");
        assertTrue(assertThrows(InputException.class, () -> SnapInclude.load(table)).getMessage().contains("'table'"));
        Path charge = write("c.snap", "variable z equal 74\npair_style hybrid/overlay zbl 4 4.8 snap\n"
                + "pair_coeff 1 1 zbl ${z} ${z}\npair_coeff * * snap Ta06A.snapcoeff Ta06A.snapparam Ta\n");
        InputException e = assertThrows(InputException.class, () -> SnapInclude.load(charge));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("74"), e.getMessage());
        Path undefined = write("u.snap", "pair_style hybrid/overlay zbl ${inner} 4.8 snap\n");
        assertTrue(assertThrows(InputException.class, () -> SnapInclude.load(undefined)).getMessage().contains("inner"));
        Path other = write("o.snap", "pair_style snap\nmass 1 180.88\n");
        assertTrue(assertThrows(InputException.class, () -> SnapInclude.load(other)).getMessage().contains("line 2"));
        // continuation lines and variables, paths relative to the include file
        Path ok = write("ok.snap", "variable a equal 4\nvariable b equal 4.8\npair_style hybrid/overlay &\n zbl ${a} ${b} &\n snap\n"
                + "pair_coeff 1 1 zbl 73 73  # Ta\npair_coeff * * snap Ta06A.snapcoeff Ta06A.snapparam Ta\n");
        assertInstanceOf(SumPotential.class, SnapInclude.load(ok));
    }

    @Test
    void specsNameTheFileKind() {
        assertInstanceOf(MlPotential.class, PotentialSpecs.parse("snap:" + SharedData.lammpsPotential("Ta06A.snapcoeff")));
        assertInstanceOf(SumPotential.class, PotentialSpecs.parse("snap:" + SharedData.lammpsPotential("Ta06A.snap")));
        assertThrows(InputException.class, () -> PotentialSpecs.parse("snap:" + dir.resolve("x.txt")));
        assertThrows(InputException.class, () -> PotentialSpecs.parse("snap:" + dir.resolve("none.snapcoeff")));
    }
}
