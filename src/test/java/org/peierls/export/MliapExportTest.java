package org.peierls.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.testutil.SharedData;
import org.peierls.testutil.TestCells;

/**
 * SNAP and quadratic SNAP written for LAMMPS's ML-IAP package ({@code pair_style mliap model
 * linear|quadratic … descriptor sna …}, a different code path from {@code pair_style snap}: its own
 * descriptor and model classes) equal Peierls to the {@link Parity} tolerances; and the Ta06A
 * {@code mliap model nn} example of LAMMPS's source package (a one-layer linear network holding the
 * Ta06A SNAP coefficients, ZBL overlaid) equals Peierls's SNAP built from those numbers.
 */
class MliapExportTest {

    private static Parity run(Potential p, Structure s, Path dir, Path lmp) {
        int[] types = LammpsPotential.types(p, s);
        LammpsPotential.Exported ex = LammpsPotential.write(p, types, dir, "pot", true);
        assertTrue(ex.styles().contains("mliap"), ex.styles().toString());
        Structure written = ExampleInput.write(dir, s, types, p.describe());
        String screen = LammpsRunner.run(lmp, dir, ExampleInput.INPUT, 1, 600);
        return Parity.of(ex.exported().compute(written), LammpsRunner.parse(screen, dir), true);
    }

    @Test
    void linearAndQuadraticSnapThroughMliapEqualPeierls(@TempDir Path tmp) throws Exception {
        Path lmp = SharedData.snapLmp();
        record Case(String spec, String el, double a, boolean fcc) {
        }
        for (Case c : List.of(new Case("snap:" + SharedData.data("potentials/W_2940_2017_2.snap"), "W", 3.165, false),
                new Case("snap:" + SharedData.data("potentials/Ni_Zuo_JPCA2020.quadratic.snapcoeff"), "Ni", 3.52, true))) {
            Potential p = PotentialSpecs.parse(c.spec());
            Structure s = TestCells.rattled(new int[]{Element.number(c.el())}, c.a(), c.fcc(), 3, 2, 3, 0.04, 0.12, 9, false);
            Path dir = Files.createDirectories(tmp.resolve(c.el()));
            Parity parity = run(p, s, dir, lmp);
            System.out.println("ML-IAP " + c.el() + ": " + parity);
            assertTrue(parity.passes(), parity.toString());
        }
    }

    @Test
    void ta06aNnExampleEqualsPeierlsSnapOfTheSameNumbers(@TempDir Path dir) throws Exception {
        Path lmp = SharedData.snapLmp();
        Path examples = lmp.getParent().getParent().resolve("share/examples/mliap");
        Path model = examples.resolve("Ta06A.nn.mliap.model"), descriptor = examples.resolve("Ta06A.mliap.descriptor");
        SharedData.require(Files.exists(model) && Files.exists(descriptor), "LAMMPS's ML-IAP examples in " + examples);
        // the network is "NET 30 1 linear 1" with scale0 = 0, scale1 = 1: E_i = coeff·(1, B_i), i.e. linear SNAP
        List<String> lines = Files.readAllLines(model);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("NET 30 1 linear 1")), "a one-layer linear network");
        List<Double> coeff = new ArrayList<>();
        boolean in = false;
        for (String l : lines) {
            if (l.startsWith("#coeff")) {
                in = true;
            } else if (in && !l.isBlank() && !l.startsWith("#")) {
                for (String t : l.trim().split("\\s+")) {
                    coeff.add(Double.parseDouble(t));
                }
            }
        }
        assertEquals(31, coeff.size());
        StringBuilder c = new StringBuilder("# Ta06A nn coefficients\n\n1 31\nTa 0.5 1\n");
        coeff.forEach(v -> c.append(v).append('\n'));
        Files.writeString(dir.resolve("ta.snapcoeff"), c);
        StringBuilder param = new StringBuilder();
        for (String l : Files.readAllLines(descriptor)) {
            String[] t = l.trim().split("\\s+");
            if (t.length >= 2 && List.of("rcutfac", "twojmax", "rfac0", "rmin0", "bzeroflag").contains(t[0])) {
                param.append(t[0]).append(' ').append(t[1]).append('\n');
            }
        }
        Files.writeString(dir.resolve("ta.snapparam"), param);
        Potential ours = PotentialSpecs.parse("zbl:4,4.8 + snap:" + dir.resolve("ta.snapcoeff"));
        Structure s = TestCells.rattled(new int[]{73}, 3.30, false, 3, 3, 2, 0.04, 0.12, 11, false);
        Structure ready = ExampleInput.lammpsReady(s);
        Path run = Files.createDirectories(dir.resolve("lmp"));
        Files.copy(model, run.resolve(model.getFileName()));
        Files.copy(descriptor, run.resolve(descriptor.getFileName()));
        // the example's own pair commands (examples/mliap/Ta06A.nn.mliap), written into pair.lmp unchanged
        Files.writeString(run.resolve(LammpsPotential.PAIR_FILE), """
                pair_style hybrid/overlay zbl 4 4.8 mliap model nn Ta06A.nn.mliap.model descriptor sna Ta06A.mliap.descriptor
                pair_coeff 1 1 zbl 73 73
                pair_coeff * * mliap Ta
                """);
        Structure written = ExampleInput.write(run, ready, new int[]{73}, "Ta06A ML-IAP nn example");
        String screen = LammpsRunner.run(lmp, run, ExampleInput.INPUT, 1, 600);
        Parity parity = Parity.of(ours.compute(written), LammpsRunner.parse(screen, run), true);
        System.out.println("Ta06A mliap nn: " + parity);
        assertTrue(parity.passes(), parity.toString());
    }
}
