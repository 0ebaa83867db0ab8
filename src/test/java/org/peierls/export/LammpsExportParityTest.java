package org.peierls.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.Results;
import org.peierls.testutil.SharedData;
import org.peierls.testutil.TestCells;

/**
 * Every exportable potential class, written by {@link LammpsPotential} and run by LAMMPS through
 * the unmodified {@code in.example} on a rattled, strained triclinic cell (not in LAMMPS's
 * lower-triangular form, so the export rotates it): LAMMPS's run 0 equals Peierls on the same data
 * file to 1e-9 relative energy, 1e-8 eV/Å forces and 1e-8 relative virial ({@link Parity}; both
 * codes evaluate the same functions in double precision, so the differences are round-off of sums
 * over a few hundred neighbours, ~1e-14). SNAP cases need the ML-SNAP build of
 * {@code scripts/build-lammps.sh}; the rest run in Debian's {@code lmp}.
 */
class LammpsExportParityTest {

    record Case(String name, Supplier<String> spec, int[] elements, double a, boolean fcc, boolean snap) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static int[] z(String... el) {
        int[] out = new int[el.length];
        for (int k = 0; k < el.length; k++) {
            out[k] = Element.number(el[k]);
        }
        return out;
    }

    private static String lmpPot(String name) {
        return SharedData.lammpsPotential(name).toString();
    }

    private static String shared(String name) {
        return SharedData.data("potentials/" + name).toString();
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("eam funcfl Cu", () -> "eam:" + lmpPot("Cu_u3.eam"), z("Cu"), 3.615, true, false),
                new Case("eam funcfl Cu+Ni", () -> "eam:" + lmpPot("Cu_u3.eam") + "," + lmpPot("Ni_u3.eam"), z("Cu", "Ni"), 3.57, true, false),
                new Case("eam/alloy Cu Mishin", () -> "eam/alloy:" + lmpPot("Cu_mishin1.eam.alloy"), z("Cu"), 3.615, true, false),
                new Case("eam/fs Fe", () -> "eam/fs:" + lmpPot("Fe_mm.eam.fs"), z("Fe"), 2.855, false, false),
                new Case("zhou2004 Cu+Ni", () -> "zhou2004:Cu,Ni", z("Cu", "Ni"), 3.57, true, false),
                new Case("zhou2004 Ta", () -> "zhou2004:Ta", z("Ta"), 3.30, false, false),
                new Case("lj Ar", () -> "lj:0.0104,3.4,8.5", z("Ar"), 5.26, true, false),
                new Case("morse Cu", () -> "morse:0.3429,1.3588,2.866,6.0", z("Cu"), 3.615, true, false),
                new Case("zbl + eam/alloy Cu", () -> "zbl:1.0,2.0 + eam/alloy:" + lmpPot("Cu_mishin1.eam.alloy"), z("Cu"), 3.615, true, false),
                new Case("snap Mo Chen", () -> "snap:" + shared("Mo_Chen_PRM2017.snap"), z("Mo"), 3.16, false, true),
                new Case("qsnap Ni Zuo", () -> "snap:" + shared("Ni_Zuo_JPCA2020.quadratic.snapcoeff"), z("Ni"), 3.52, true, true),
                new Case("zbl + snap W", () -> "snap:" + shared("W_2940_2017_2.snap"), z("W"), 3.165, false, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exampleRunInLammpsEqualsPeierls(Case c, @TempDir Path dir) throws Exception {
        Path lmp = c.snap() ? SharedData.snapLmp() : SharedData.lmp();
        Potential p = PotentialSpecs.parse(c.spec().get());
        int reps = Math.max(2, Math.min(4, (int) Math.ceil(1.5 * p.cutoff() / c.a())));
        Structure s = TestCells.rattled(c.elements(), c.a(), c.fcc(), reps, reps - 1, reps, 0.04, 0.12, 4242, false);
        assertTrue(!s.cell().isLammpsForm(), "the test cell must need a rotation");
        int[] types = LammpsPotential.types(p, s);
        LammpsPotential.Exported ex = LammpsPotential.write(p, types, dir, "pot");
        Structure written = ExampleInput.write(dir, s, types, p.describe());
        for (String f : ex.files()) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        String screen = LammpsRunner.run(lmp, dir, ExampleInput.INPUT, 1, 600);
        Parity parity = Parity.of(ex.exported().compute(written), LammpsRunner.parse(screen, dir), true);
        System.out.println(c.name() + ": " + parity);
        assertTrue(parity.energyRelative() <= Parity.ENERGY_TOLERANCE, parity.toString());
        assertTrue(parity.maxForce() <= Parity.FORCE_TOLERANCE, parity.toString());
        assertTrue(parity.virialRelative() <= Parity.VIRIAL_TOLERANCE, parity.toString());
        // the rotation into LAMMPS's frame changes nothing physical: Peierls on the original cell agrees
        Results original = p.compute(s);
        assertEquals(original.energy(), ex.exported().compute(written).energy(), 1e-9 * Math.abs(original.energy()) + 1e-6 * s.size()
                * (ex.tabulated() ? 1 : 0), "energy of the rotated structure");
        if (ex.tabulated()) {
            // Zhou 2004 tabulated on 10⁴ points: the table's spline is within 1e-8 eV/atom of the analytic functions
            assertEquals(original.energy(), ex.exported().compute(written).energy(), 1e-8 * s.size(), "tabulation error");
        }
        // the NVE part of in.example ran: LAMMPS printed its final thermo line
        assertTrue(screen.contains("Loop time") && screen.indexOf("Loop time") != screen.lastIndexOf("Loop time"),
                "in.example ran its MD part");
        assertEquals(List.of(), LammpsRunner.missingStyles(lmp, ex.styles()));
    }
}
