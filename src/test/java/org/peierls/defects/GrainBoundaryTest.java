package org.peierls.defects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Cell;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * Grain boundaries against CSL theory and crystallography: Σ and the disorientation angles of
 * the classic boundaries (Σ3 60°, Σ5 36.87°, Σ9 38.94°, Σ11 50.48°) and their tilt angles
 * (Σ5(310) 36.87°, Σ5(210) 53.13°, Σ3(112) 70.53°, Σ3(111) 109.47°, Σ9(221) 141.06°, Σ11(113)
 * 50.48°); the fraction of lattice sites of grain A that coincide with sites of grain B over the
 * whole cell is exactly 1/Σ (counted independently of the builder, for sc, bcc and fcc, tilt
 * and twist); the coherent twin keeps every atom 12-coordinated at d_nn; grain interiors are
 * perfect (periodicity across the cell faces); close-pair deletion leaves no pair closer than
 * the threshold.
 *
 * <p>Tolerances: angles from exact integer geometry, 1e-6°; site coincidence within 1e-6 Å.</p>
 */
class GrainBoundaryTest {

    static final double A_FE = 2.8553, A_CU = 3.615;

    @Test
    void sigmaAndAnglesOfTheClassicBoundaries() {
        Object[][] cases = {
            {"[001]", "(310)", 5, 36.8699, 36.8699},
            {"[001]", "(210)", 5, 36.8699, 53.1301},
            {"[1-10]", "(111)", 3, 60.0, 109.4712},
            {"[1-10]", "(112)", 3, 60.0, 70.5288},
            {"[1-10]", "(221)", 9, 38.9424, 141.0576},
            {"[1-10]", "(113)", 11, 50.4788, 50.4788},
        };
        for (Object[] c : cases) {
            Bicrystal b = TiltGrainBoundary.symmetric(LatticeType.FCC, "Cu", A_CU, (String) c[0], (String) c[1]);
            String what = b.name();
            assertEquals((int) c[2], b.sigma(), what);
            assertEquals((double) c[3], b.misorientationDeg(), 1e-4, what);
            assertEquals((double) c[4], b.build().tiltAngleDeg(), 1e-4, what);
            assertEquals((int) c[2], Csl.symmetricTiltSigma(org.peierls.atoms.Miller.parse(((String) c[1]).replaceAll("[()]", ""))));
        }
        assertEquals("S5(310)[001]", TiltGrainBoundary.symmetric(LatticeType.BCC, "Fe", A_FE, "[001]", "(310)").name());
        List<int[]> planes = Csl.symmetricTiltPlanes(new int[]{0, 0, 1}, 5, 3);
        assertTrue(planes.stream().anyMatch(p -> p[0] == 3 && p[1] == 1 && p[2] == 0));
        assertTrue(planes.stream().anyMatch(p -> p[0] == 2 && p[1] == 1 && p[2] == 0));
        assertTrue(planes.stream().allMatch(p -> Csl.symmetricTiltSigma(p) == 5));
    }

    /** Fraction of the sites of {@code a} that coincide with a site of {@code b} (same periodic cell). */
    static double coincidence(Structure a, Structure b) {
        Cell cell = a.cell();
        int hits = 0;
        double[] d = new double[3];
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                for (int k = 0; k < 3; k++) {
                    d[k] = b.position(j, k) - a.position(i, k);
                }
                cell.minimumImage(d);
                if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] < 1e-12) {
                    hits++;
                    break;
                }
            }
        }
        return (double) hits / a.size();
    }

    /** The two grains' lattices over the whole bicrystal cell, built here from the oriented cells. */
    static Structure[] lattices(Bicrystal bc, int periods) {
        OrientedCrystal ga = bc.grainA();
        double p = ga.lengths()[2];
        Structure a = ga.cell().repeat(1, 1, 2 * periods);
        Structure b;
        if (bc.grainB() == null) {
            double[] x = a.positions();
            for (int i = 0; i < a.size(); i++) {
                x[3 * i + 2] = 2 * periods * p - x[3 * i + 2];   // mirror through z = periods·p
            }
            b = a.withPositions(a.cell().wrap(x));
        } else {
            b = bc.grainB().cell().repeat(1, 1, 2 * periods);
        }
        return new Structure[]{a, b};
    }

    @Test
    void coincidenceFractionIsOneOverSigma() {
        String[][] tilts = {{"[001]", "310"}, {"[001]", "210"}, {"[1-10]", "111"}, {"[1-10]", "112"}, {"[1-10]", "221"}, {"[1-10]", "113"}};
        for (LatticeType t : new LatticeType[]{LatticeType.SC, LatticeType.BCC, LatticeType.FCC}) {
            for (String[] c : tilts) {
                Bicrystal bc = TiltGrainBoundary.symmetric(t, "Fe", 2.9, c[0], c[1]).periods(2, 2);
                Structure[] l = lattices(bc, 2);
                assertEquals(1.0 / bc.sigma(), coincidence(l[0], l[1]), 1e-12, t + " " + bc.name());
            }
            Bicrystal twist = TwistGrainBoundary.symmetric(t, new String[]{"Fe"}, 2.9, new int[]{0, 0, 1}, new int[]{3, 1, 0}).periods(2, 2);
            assertEquals(5, twist.sigma());
            assertEquals(36.8699, twist.misorientationDeg(), 1e-4);
            Structure[] l = lattices(twist, 2);
            assertEquals(0.2, coincidence(l[0], l[1]), 1e-12, t + " twist");
        }
    }

    static final double[] FCC_EDGES = {0.8 * A_CU, 1.05 * A_CU};

    @Test
    void coherentTwinIsTwelveCoordinatedEverywhere() {
        Bicrystal twin = TiltGrainBoundary.symmetric(LatticeType.FCC, "Cu", A_CU, "[1-10]", "(111)");
        GrainBoundary gb = twin.build(0, 0, 0.5);
        assertEquals(0, gb.removed());
        Structure s = gb.structure();
        double dnn = A_CU / Math.sqrt(2);
        NeighborList nl = NeighborList.build(s, 1.05 * dnn, NeighborList.Kind.FULL);
        for (int i = 0; i < s.size(); i++) {
            assertEquals(12, nl.count(i));
            for (int k = nl.start(i); k < nl.end(i); k++) {
                assertEquals(dnn, nl.distance(k), 1e-9);
            }
        }
        // atom count: two grains of the same number of periods
        OrientedCrystal a = twin.grainA();
        int periods = (int) Math.round(s.cell().norm(2) / a.lengths()[2]) / 2;
        assertEquals(2 * periods * a.size(), s.size());
        assertEquals(2, gb.boundaries());
        assertEquals(a.lengths()[0] * a.lengths()[1], gb.area(), 1e-12);
    }

    @Test
    void grainInteriorsArePerfectAndClosePairsAreThinned() {
        Bicrystal bc = TiltGrainBoundary.symmetric(LatticeType.BCC, "Fe", A_FE, "[001]", "(310)").grainThickness(12).repeated(1, 2);
        double dnn = A_FE * Math.sqrt(3) / 2;
        List<GrainBoundary> cands = bc.candidates(3, 2, new double[]{0.6, 0.85});
        assertEquals(12, cands.size());
        for (GrainBoundary gb : cands) {
            Structure s = gb.structure();
            assertTrue(DefectGeometry.minimumSeparation(s, dnn) >= gb.deletionFraction() * dnn - 1e-9, gb.name());
            int[] grain = (int[]) s.arrays().get(DefectArrays.GRAIN);
            assertEquals(s.size(), grain.length);
            int[][] env = Environments.counts(s, new double[]{0.9 * A_FE, 1.05 * A_FE});
            double lz = s.cell().norm(2);
            for (int i = 0; i < s.size(); i++) {
                double z = s.position(i, 2);
                double fromBoundary = Math.min(Math.min(z, lz - z), Math.abs(z - gb.boundaryHeights()[1]));
                if (fromBoundary > 5.0) {
                    assertEquals(8, env[i][0], gb.name() + " atom " + i);
                    assertEquals(6, env[i][1]);
                }
            }
        }
        // without deletion every atom of both grains is there
        GrainBoundary full = bc.build(0, 0, 0);
        int periods = (int) Math.round(full.structure().cell().norm(2) / bc.grainA().lengths()[2]) / 2;
        assertEquals(2 * 2 * periods * bc.grainA().size(), full.structure().size());
    }

    @Test
    void vacuumBicrystalHasOneBoundary() {
        Bicrystal bc = TiltGrainBoundary.symmetric(LatticeType.FCC, "Cu", A_CU, "[001]", "(210)").withVacuum(12);
        GrainBoundary gb = bc.build(0.5, 0, 0.7);
        assertEquals(1, gb.boundaries());
        Structure s = gb.structure();
        double zmin = Double.POSITIVE_INFINITY, zmax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) {
            zmin = Math.min(zmin, s.position(i, 2));
            zmax = Math.max(zmax, s.position(i, 2));
        }
        assertEquals(6.0, zmin, 1e-9);
        // the mirrored grain ends one layer spacing below the nominal top, so the gap is ≥ the vacuum
        assertTrue(s.cell().norm(2) - zmax >= 6 - 1e-9);
        assertTrue(s.cell().norm(2) - zmax <= 6 + bc.grainA().lengths()[2]);
        assertEquals(1.0, gb.energyJm2(gb.boundaries() * gb.area() / 16.02176634 + s.size() * -3.5, -3.5), 1e-6);
    }

    @Test
    void badBoundariesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TiltGrainBoundary.symmetric(LatticeType.FCC, "Cu", A_CU, "[001]", "(111)"));
        assertThrows(IllegalArgumentException.class, () -> TiltGrainBoundary.symmetric(LatticeType.FCC, "Cu", A_CU, "[001]", "(110)"));
        assertThrows(IllegalArgumentException.class, () -> TwistGrainBoundary.of(LatticeType.FCC, new String[]{"Cu"}, A_CU,
                new int[]{0, 0, 1}, new int[]{3, 1, 0}, new int[]{2, 1, 0}));
        Bicrystal bc = TiltGrainBoundary.symmetric(LatticeType.FCC, "Cu", A_CU, "[001]", "(310)");
        assertThrows(IllegalArgumentException.class, () -> bc.build(0, 0, 1.2));
    }
}
