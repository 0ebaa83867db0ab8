package org.peierls.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.defects.Dislocation;
import org.peierls.defects.DislocationCylinder;
import org.peierls.defects.ElasticModel;
import org.peierls.defects.ScrewQuadrupole;
import org.peierls.potential.Potential;
import org.peierls.potential.eam.EamPotential;
import org.peierls.properties.RelaxSettings;
import org.peierls.testutil.SharedData;
import org.peierls.util.InputException;

/**
 * The line finder on the dislocations {@code defects} builds, whose Burgers vectors and lines are
 * known by construction: the bcc screw quadrupole (two ±½[111] lines along z through the built
 * cores), and the fcc ½[1-10] edge, which relaxed with Mishin's Cu EAM splits into two ⅙⟨112⟩
 * Shockley partials on (111) that add up to the built b (Hirth &amp; Lothe §10-3: b = b₁ + b₂, 60°
 * apart). Snapped vectors are exact lattice vectors, so they are compared to 1e-9 in the crystal
 * frame; Cartesian ones carry the lattice constant's estimate (exact from the volume of a periodic
 * cell; 0.04 % from the mean first-shell bond in the cylinder, so 0.2 %); the raw Nye integral to
 * 10 % of |b| on the screw (measured 4.3 %).
 */
class DislocationLinesTest {

    private static final double A_CU = 3.615;

    @Test
    void screwQuadrupoleHasTwoHalfOneOneOneLinesThroughItsCores() {
        Dislocation d = ScrewQuadrupole.bcc("Fe", BccScrew.A_FE, BccScrew.FE_ANISO, 5, 9, 2, CoreType.EASY);
        Structure s = d.structure();
        DislocationLines.Result r = DislocationLines.find(s, PolyhedralTemplateMatching.compute(s));
        assertEquals(StructureType.BCC, r.lattice());
        assertEquals(BccScrew.A_FE, r.a(), 0.01 * BccScrew.A_FE);
        List<DislocationLines.Line> lines = r.lines();
        assertEquals(2, lines.size(), "two cores");
        double lz = s.cell().norm(2);
        double[] sum = new double[3];
        for (DislocationLines.Line l : lines) {
            System.out.println("bcc screw line: " + DislocationLines.describe(l) + ", b " + java.util.Arrays.toString(l.burgers())
                    + ", nye " + java.util.Arrays.toString(l.burgersNye()) + ", circuit " + java.util.Arrays.toString(l.circuit()));
            assertTrue(l.label().matches("1/2\\[-?1-?1-?1\\]"), l.label());
            assertEquals("screw", l.character());
            assertEquals(lz, l.length(), 0.02 * lz, "line length = cell height");
            assertEquals(1.0, Math.abs(l.direction()[2]), 1e-9);
            // b along the line, ±built b (sign with t)
            double bz = l.burgers()[2] * Math.signum(l.direction()[2]);
            assertEquals(Math.abs(d.burgers()[2]), Math.abs(bz), 1e-8, "a from the volume per atom");
            assertEquals(Mat3.norm(l.burgers()), Mat3.norm(l.burgersNye()), 0.1 * Mat3.norm(l.burgers()), "Nye integral");
            assertNotNull(l.circuit(), "a circuit closes around a single screw");
            assertEquals(l.label(), l.circuitLabel(), "circuit = snapped Nye");
            // the line passes through one of the built cores
            double[] p = l.points()[0];
            double best = Double.POSITIVE_INFINITY;
            for (double[] c : d.cores()) {
                double[] dd = {p[0] - c[0], p[1] - c[1], 0};
                s.cell().minimumImage(dd);
                best = Math.min(best, Math.hypot(dd[0], dd[1]));
            }
            assertTrue(best < 0.5 * BccScrew.A_FE, "line within a/2 of a built core, off by " + best);
            for (int c = 0; c < 3; c++) {
                sum[c] += l.burgers()[c] * Math.signum(l.direction()[2]);
            }
        }
        assertArrayEquals(new double[3], sum, 1e-9, "the quadrupole's net Burgers vector is zero");
    }

    @Test
    void perfectCrystalHasNoLinesAndAnAmorphousCellIsRefused() {
        Structure s = Lattice.bcc("Fe", BccScrew.A_FE).repeat(4, 4, 4);
        assertTrue(DislocationLines.find(s, PolyhedralTemplateMatching.compute(s)).lines().isEmpty());
        Structure gas = Lattice.sc("Ar", 4.0).repeat(3, 3, 3);
        assertThrows(InputException.class, () -> DislocationLines.find(gas, PolyhedralTemplateMatching.compute(gas)));
    }

    @Test
    void fccEdgeDissociatesIntoTwoShockleyPartials() {
        Potential cu = EamPotential.alloy(SharedData.lammpsPotential("Cu_mishin1.eam.alloy"));
        Dislocation edge = DislocationCylinder.fccEdge("Cu", A_CU, ElasticModel.cubic(169.9, 122.6, 76.2), 40, 8, 2);
        RelaxSettings.Relaxed relaxed = RelaxSettings.defaults().withFmax(5e-3).relax(edge.structure(), cu);
        Structure s = relaxed.structure();
        DislocationLines.Result r = DislocationLines.find(s, PolyhedralTemplateMatching.compute(s));
        assertEquals(StructureType.FCC, r.lattice());
        List<DislocationLines.Line> lines = r.lines();
        for (DislocationLines.Line l : lines) {
            System.out.println("fcc edge line: " + DislocationLines.describe(l) + " at " + java.util.Arrays.toString(l.points()[0])
                    + ", b " + java.util.Arrays.toString(l.burgers()) + ", nye " + java.util.Arrays.toString(l.burgersNye()));
        }
        assertEquals(2, lines.size(), "two partials");
        double b = A_CU / Math.sqrt(2);
        double[] total = new double[3], crystal = new double[3];
        for (DislocationLines.Line l : lines) {
            assertTrue(l.label().matches("1/6\\[-?[12]-?[12]-?[12]\\]"), "Shockley a/6<112>, got " + l.label());
            assertEquals(A_CU / Math.sqrt(6), Mat3.norm(l.burgers()), 2e-3 * A_CU, "a from the mean first-shell bond");
            // the raw Nye integral of a partial is short (measured 60–63 %; the whole relaxed edge, 71 % at any
            // radius, against 93 % unrelaxed): G jumps across the fault and the least-squares gradient
            // smears the jump. Snapping is what makes the vector exact.
            assertEquals(Mat3.norm(l.burgers()), Mat3.norm(l.burgersNye()), 0.45 * Mat3.norm(l.burgers()), "Nye integral");
            assertEquals(1.0, Math.abs(l.direction()[2]), 1e-9, "line along z = [-1-12]");
            for (int c = 0; c < 3; c++) {
                total[c] += l.burgers()[c] * Math.signum(l.direction()[2]);
                crystal[c] += l.burgersCrystal()[c] * Math.signum(l.direction()[2]);
            }
            assertEquals(60, Math.min(l.characterDeg(), 180 - l.characterDeg()), 1e-3, "each partial is 30° from the edge b: a 60° mixed line");
        }
        // b1 + b2 = ½[1-10] = (b, 0, 0) in the cylinder frame (crystal x = [1-10]); the crystal-frame sum is exact
        assertEquals(1 / Math.sqrt(2), Mat3.norm(crystal), 1e-9, "b1 + b2 is a perfect ½⟨110⟩");
        assertTrue(DislocationLines.label(crystal).matches("1/2\\[-?[01]-?[01]-?[01]\\]"), DislocationLines.label(crystal));
        assertArrayEquals(new double[]{b, 0, 0}, total, 2e-3 * b, "partials add up to the built b");
        double cos = Mat3.dot(lines.get(0).burgersCrystal(), lines.get(1).burgersCrystal()) / (1 / 6.0)
                * Math.signum(lines.get(0).direction()[2]) * Math.signum(lines.get(1).direction()[2]);
        assertEquals(0.5, cos, 1e-9, "60° between the partials");
        // on one (111) plane (y), separated along the glide direction x
        double[] p0 = lines.get(0).points()[0], p1 = lines.get(1).points()[0];
        double sep = Math.abs(p0[0] - p1[0]);
        System.out.printf("partial separation %.2f Å, out of plane %.2f Å%n", sep, Math.abs(p0[1] - p1[1]));
        assertTrue(Math.abs(p0[1] - p1[1]) < 0.5 * A_CU / Math.sqrt(3), "both partials on one glide plane");
        assertTrue(sep > 2 * b, "partials apart by a stacking fault");
        // a circuit around both closes on the full ½[1-10]
        double[] mid = {0.5 * (p0[0] + p1[0]), 0.5 * (p0[1] + p1[1])};
        double[] steps = DislocationLines.shell(StructureType.FCC, A_CU);
        double[] stepsFrame = new double[steps.length];
        for (int k = 0; k < steps.length / 3; k++) {
            System.arraycopy(Mat3.apply(r.rotation(), new double[]{steps[3 * k], steps[3 * k + 1], steps[3 * k + 2]}), 0, stepsFrame, 3 * k, 3);
        }
        double[] full = BurgersCircuit.around(s, stepsFrame, mid, 0.5 * sep + 4 * b).burgers();
        assertArrayEquals(new double[]{b, 0, 0}, full, 1e-4, "circuit around both partials (steps rotated by the PTM mean orientation, 1e-6 rad)");
    }
}
