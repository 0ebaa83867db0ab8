package org.peierls.potential.eam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peierls.testutil.SharedData;

/** Writing a setfl file and reading it back gives the same numbers (17 significant digits). */
class SetflFileTest {

    @ParameterizedTest
    @CsvSource({"AlFe_mm.eam.fs, true", "CuTa.eam.alloy, false", "Cu_mishin1.eam.alloy, false"})
    void roundTrip(String name, boolean fs, @TempDir Path dir) {
        SetflFile a = SetflFile.read(SharedData.lammpsPotential(name), fs);
        Path out = dir.resolve(name);
        a.write(out);
        SetflFile b = SetflFile.read(out, fs);
        assertArrayEquals(a.elements(), b.elements());
        assertEquals(a.nrho(), b.nrho());
        assertEquals(a.nr(), b.nr());
        assertEquals(a.drho(), b.drho(), 0.0);
        assertEquals(a.dr(), b.dr(), 0.0);
        assertEquals(a.cutoff(), b.cutoff(), 0.0);
        assertArrayEquals(a.masses(), b.masses(), 1e-5, "masses are written with 5 decimals, as the generators do");
        for (int e = 0; e < a.size(); e++) {
            assertArrayEquals(a.embedding()[e], b.embedding()[e], 0.0);
            assertEquals(fs ? a.size() : 1, b.density()[e].length);
            for (int q = 0; q < a.density()[e].length; q++) {
                assertArrayEquals(a.density()[e][q], b.density()[e][q], 0.0);
            }
        }
        for (int p = 0; p < a.rphi().length; p++) {
            assertArrayEquals(a.rphi()[p], b.rphi()[p], 0.0);
        }
    }
}
