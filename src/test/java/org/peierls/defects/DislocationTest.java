package org.peierls.defects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.peierls.analysis.BurgersCircuit;
import org.peierls.analysis.CoreType;
import org.peierls.analysis.DifferentialDisplacement;
import org.peierls.analysis.ScrewCores;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * Dislocation builders, measured with the analysis package's instruments: the Burgers circuit
 * recovers b (bcc ½[111] screw in cylinders and in both cores of the quadrupole with the
 * opposite sign, fcc ½[1-10] edge and screw, isotropic and Stroh fields), atom counts, the fixed
 * shell, the periodic quadrupole (the field jumps by exactly the cell tilt across the cell, so
 * every atom away from the cores keeps 8 neighbours near d_nn across the periodic boundaries,
 * and both elastic cores have polarity 0). The instruments themselves (circuits, DD maps, easy
 * and hard sites) are tested in {@code org.peierls.analysis}.
 *
 * <p>Tolerances: circuits sum exact perfect-lattice vectors, so b is recovered to 1e-9 Å;
 * periodicity of the image-summed field to 5e-5 Å with 16 image shells on a skewed cell
 * (measured 2.2e-5 Å; the error of the extrapolated sum falls as 1/M³).</p>
 */
class DislocationTest {

    static final double A_FE = 2.8553, A_CU = 3.615;
    static final double B_FE = A_FE * Math.sqrt(3) / 2;
    static final ElasticModel FE_ANISO = ElasticModel.cubic(243, 145, 116);
    static final ElasticModel FE_ISO = ElasticModel.voigtAverage(243, 145, 116);
    static final ElasticModel CU_ANISO = ElasticModel.cubic(169.9, 122.6, 76.2);

    static OrientedCrystal bccScrewCrystal() {
        return OrientedCrystal.cubic(LatticeType.BCC, new String[]{"Fe"}, A_FE, new int[]{1, 1, -2}, new int[]{-1, 1, 0}, new int[]{1, 1, 1});
    }

    static double[] bccSteps() {
        return BurgersCircuit.nearestNeighbourVectors(bccScrewCrystal().cell().repeat(2, 2, 2));
    }

    @Test
    void bccScrewCylinderRecoversBurgersVector() {
        for (ElasticModel m : new ElasticModel[]{FE_ISO, FE_ANISO}) {
            for (CoreType core : CoreType.values()) {
                Dislocation d = DislocationCylinder.bccScrew("Fe", A_FE, m, core, 15, 6, 2);
                Structure s = d.structure();
                assertEquals(d.reference().size(), s.size());
                // atoms in the cylinder ≈ π R² L ρ (ρ = 2/a³), within the boundary's granularity
                double expected = Math.PI * 21 * 21 * 2 * B_FE * 2 / (A_FE * A_FE * A_FE);
                assertEquals(expected, s.size(), 0.05 * expected);
                BurgersCircuit.Result r = BurgersCircuit.around(s, bccSteps(), d.cores()[0], 8);
                assertArrayEquals(new double[]{0, 0, B_FE}, r.burgers(), 1e-9, m + " " + core);
                assertArrayEquals(new double[]{0, 0, B_FE}, d.burgers(), 1e-12);
                // the outer shell is fixed, the inside free
                boolean[] fixed = (boolean[]) s.arrays().get(DefectArrays.FIXED);
                for (int i = 0; i < s.size(); i++) {
                    double r0 = Math.hypot(d.reference().position(i, 0) - d.cores()[0][0], d.reference().position(i, 1) - d.cores()[0][1]);
                    assertEquals(r0 > 15, fixed[i]);
                }
                assertTrue(!s.cell().periodic(0) && !s.cell().periodic(1) && s.cell().periodic(2));
            }
        }
    }

    @Test
    void quadrupoleIsPeriodicWithTiltedCell() {
        for (ElasticModel m : new ElasticModel[]{FE_ISO, FE_ANISO}) {
            int nx = 5, ny = 8, nz = 2;
            Dislocation d = ScrewQuadrupole.bcc("Fe", A_FE, m, nx, ny, nz, CoreType.EASY);
            Structure s = d.structure();
            assertEquals(6 * nx * ny * nz, s.size());
            double[][] cores = d.cores();
            double lx = nx * A_FE * Math.sqrt(6), ly = ny * A_FE * Math.sqrt(2);
            // the dipole is within one column spacing of half the diagonal
            double s3 = A_FE * Math.sqrt(2.0 / 3);
            assertTrue(Math.hypot(cores[1][0] - cores[0][0] - lx / 2, cores[1][1] - cores[0][1] - ly / 2) < s3);
            // tilt δ₁ = b d_y / L_y, δ₂ = −b d_x / L_x
            double dx = cores[1][0] - cores[0][0], dy = cores[1][1] - cores[0][1];
            assertEquals(B_FE * dy / ly, s.cell().get(0, 2), 1e-12);
            assertEquals(-B_FE * dx / lx, s.cell().get(1, 2), 1e-12);
            // Burgers circuits: +b around the first core, −b around the second
            assertArrayEquals(new double[]{0, 0, B_FE}, BurgersCircuit.around(s, bccSteps(), cores[0], 5).burgers(), 1e-9);
            assertArrayEquals(new double[]{0, 0, -B_FE}, BurgersCircuit.around(s, bccSteps(), cores[1], 5).burgers(), 1e-9);
            // seamless across the periodic boundaries: atoms ≥ 2.5 d_nn from both cores keep 8
            // first neighbours within 4 % of d_nn (elastic strain there is ≲ b/(2π·2.5 d_nn) ≈ 6 %/… )
            NeighborList nl = NeighborList.build(s, 1.1 * B_FE, NeighborList.Kind.FULL);
            int checked = 0;
            for (int i = 0; i < s.size(); i++) {
                if (distanceToCores(d, i) < 2.5 * B_FE) {
                    continue;
                }
                checked++;
                assertEquals(8, nl.count(i), "atom " + i);
                for (int k = nl.start(i); k < nl.end(i); k++) {
                    assertEquals(B_FE, nl.distance(k), 0.04 * B_FE);
                }
            }
            assertTrue(checked > s.size() / 2);
            assertTrue(DefectGeometry.minimumSeparation(s, B_FE) > 0.9 * B_FE);
            // both elastic cores are dyad-symmetric in the DD map
            DifferentialDisplacement.Map map = DifferentialDisplacement.compute(d.reference(), s, B_FE);
            assertEquals(0, DifferentialDisplacement.polarity(map, cores[0]), 1e-6);
            assertEquals(0, DifferentialDisplacement.polarity(map, cores[1]), 1e-6);
        }
    }

    static double distanceToCores(Dislocation d, int i) {
        double best = Double.POSITIVE_INFINITY;
        Structure ref = d.reference();
        for (double[] c : d.cores()) {
            double[] v = {ref.position(i, 0) - c[0], ref.position(i, 1) - c[1], 0};
            ref.cell().minimumImage(v);
            best = Math.min(best, Math.hypot(v[0], v[1]));
        }
        return best;
    }

    @Test
    void periodicDipoleFieldJumpsByTheTiltAcrossTheCell() {
        OrientedCrystal oc = bccScrewCrystal();
        DislocationField f = FE_ANISO.field(oc.rotation(), new double[]{A_FE / 2, A_FE / 2, A_FE / 2});
        double[] l1 = {20, 0}, l2 = {3, 17};   // a skewed cell on purpose
        double[] c1 = {4.1, 3.3}, c2 = {15.2, 11.9};
        // measured periodicity error of the extrapolated sum on this skewed cell: 1.3e-3 Å (M = 4),
        // 1.7e-4 (M = 8), 2.2e-5 (M = 16), 2.8e-6 (M = 32): it falls as 1/M³
        PeriodicDipoleField pf = new PeriodicDipoleField(f, c1, c2, l1, l2, 16);
        PeriodicDipoleField coarse = new PeriodicDipoleField(f, c1, c2, l1, l2, 4);
        double[] u = new double[3], v = new double[3], w = new double[3];
        double[] t1 = pf.tilt1(), t2 = pf.tilt2();
        double[] fine0 = new double[3], coarse0 = new double[3];
        pf.displacement(1, 16, fine0);
        coarse.displacement(1, 16, coarse0);
        for (int k = 0; k < 20; k++) {
            double x = 1 + 0.9 * k, y = 16 - 0.7 * k;
            pf.displacement(x, y, u);
            pf.displacement(x + l1[0], y + l1[1], v);
            pf.displacement(x + l2[0], y + l2[1], w);
            double j1 = ScrewCores.fold(v[2] - u[2] - t1[2], B_FE), j2 = ScrewCores.fold(w[2] - u[2] - t2[2], B_FE);
            assertEquals(0, j1, 5e-5);
            assertEquals(0, j2, 5e-5);
            assertEquals(u[0], v[0], 5e-5);
            assertEquals(u[1], w[1], 5e-5);
            // up to a constant (a rigid translation), M = 4 already agrees to ~1e-3 Å
            coarse.displacement(x, y, v);
            for (int c = 0; c < 3; c++) {
                assertEquals(u[c] - fine0[c], v[c] - coarse0[c], 3e-3, "image-sum convergence");
            }
        }
    }

    @Test
    void fccEdgeAndScrewRecoverBurgersVector() {
        double b = A_CU / Math.sqrt(2);
        for (ElasticModel m : new ElasticModel[]{ElasticModel.voigtAverage(169.9, 122.6, 76.2), CU_ANISO}) {
            Dislocation edge = DislocationCylinder.fccEdge("Cu", A_CU, m, 18, 6, 1);
            OrientedCrystal ec = OrientedCrystal.cubic(LatticeType.FCC, new String[]{"Cu"}, A_CU, new int[]{1, -1, 0}, new int[]{1, 1, 1},
                    new int[]{-1, -1, 2});
            double[] es = BurgersCircuit.nearestNeighbourVectors(ec.cell().repeat(2, 2, 2));
            assertArrayEquals(new double[]{b, 0, 0}, BurgersCircuit.around(edge.structure(), es, edge.cores()[0], 9).burgers(), 1e-9);
            assertEquals(edge.reference().size(), edge.structure().size());

            Dislocation screw = DislocationCylinder.fccScrew("Cu", A_CU, m, 18, 6, 1);
            OrientedCrystal sc = OrientedCrystal.cubic(LatticeType.FCC, new String[]{"Cu"}, A_CU, new int[]{1, 1, -2}, new int[]{1, 1, 1},
                    new int[]{1, -1, 0});
            double[] ss = BurgersCircuit.nearestNeighbourVectors(sc.cell().repeat(2, 2, 2));
            assertArrayEquals(new double[]{0, 0, b}, BurgersCircuit.around(screw.structure(), ss, screw.cores()[0], 9).burgers(), 1e-9);
            // no atom is pushed closer than 0.75 d_nn (the Volterra core squeezes the edge's half-plane)
            assertTrue(DefectGeometry.minimumSeparation(edge.structure(), b) > 0.75 * b);
            assertTrue(DefectGeometry.minimumSeparation(screw.structure(), b) > 0.75 * b);
        }
    }

    @Test
    void edgeDipolesAreRejected() {
        OrientedCrystal oc = bccScrewCrystal();
        DislocationField edge = new IsotropicDislocation(new double[]{1, 0, 0}, 0.3);
        assertThrows(IllegalArgumentException.class,
                () -> ScrewQuadrupole.build(oc, 3, 3, 1, edge, new double[]{1, 1}, new double[]{5, 5}, 4, "x"));
        assertThrows(IllegalArgumentException.class, () -> ScrewQuadrupole.bcc("Fe", A_FE, FE_ISO, 0, 3, 1, CoreType.EASY));
    }

    /**
     * Shifting both cores by a√6/3 along [11-2] (one projected lattice vector, the next easy site)
     * gives the same structure translated by the bcc lattice vector a/2[1,1,-1], i.e.
     * (a√6/3, 0, a/(2√3)) in the dipole frame, atom for atom, to the accuracy of the periodic image
     * sum (12 shells, extrapolated: its truncation is not exactly translation-invariant; measured
     * 2.4e-5 Å, so 1e-4 Å). Half a step does not.
     */
    @Test
    void shiftingTheCoresByALatticeVectorTranslatesTheDipole() {
        double step = A_FE * Math.sqrt(6) / 3;
        Structure base = ScrewQuadrupole.bcc("Fe", A_FE, FE_ISO, 3, 5, 1, CoreType.EASY).structure();
        Structure full = ScrewQuadrupole.bcc("Fe", A_FE, FE_ISO, 3, 5, 1, CoreType.EASY, step).structure();
        Structure half = ScrewQuadrupole.bcc("Fe", A_FE, FE_ISO, 3, 5, 1, CoreType.EASY, 0.5 * step).structure();
        double[] t = {step, 0, A_FE / (2 * Math.sqrt(3))};
        assertArrayEquals(base.cell().matrix(), full.cell().matrix(), 1e-12);
        assertTrue(largestMismatch(base, full, t) < 1e-4, "full step: " + largestMismatch(base, full, t));
        assertTrue(largestMismatch(base, half, t) > 0.05, "half step must differ: " + largestMismatch(base, half, t));
    }

    /** Largest distance from an atom of b to the nearest atom of a translated by t (minimum image). */
    private static double largestMismatch(Structure a, Structure b, double[] t) {
        double worst = 0;
        double[] xa = a.positions(), xb = b.positions();
        double[] d = new double[3];
        for (int i = 0; i < b.size(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < a.size(); j++) {
                for (int c = 0; c < 3; c++) {
                    d[c] = xb[3 * i + c] - xa[3 * j + c] - t[c];
                }
                b.cell().minimumImage(d);
                best = Math.min(best, Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
            }
            worst = Math.max(worst, best);
        }
        return worst;
    }
}
