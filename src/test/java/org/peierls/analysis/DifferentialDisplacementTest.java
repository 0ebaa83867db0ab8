package org.peierls.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peierls.analysis.BccScrew.B_FE;

import org.junit.jupiter.api.Test;
import org.peierls.defects.Dislocation;
import org.peierls.defects.ElasticModel;

/**
 * Differential-displacement maps of elastic bcc screw cores (six neighbouring columns, DD
 * decaying as b·s/(2πr)), the polarity (0 for the dyad-symmetric elastic core, −6δ/b when the
 * outer columns are raised by δ) and the core type that follows from it.
 */
class DifferentialDisplacementTest {

    @Test
    void ddMapOfAnElasticCore() {
        for (ElasticModel m : new ElasticModel[]{BccScrew.FE_ISO, BccScrew.FE_ANISO}) {
            Dislocation d = BccScrew.cylinder(m, CoreType.EASY, 15);
            DifferentialDisplacement.Map map = DifferentialDisplacement.compute(d.reference(), d.structure(), B_FE);
            double[] c = d.cores()[0];
            int i0 = map.nearestColumn(c[0], c[1]);
            // every column has 6 neighbouring columns in the interior
            int interior = 0;
            for (int p = 0; p < map.pairCount(); p++) {
                if (map.pairs()[2 * p] == i0 || map.pairs()[2 * p + 1] == i0) {
                    interior++;
                }
            }
            assertEquals(6, interior);
            // around the core triangle the DDs are b/3 each (the field turns by 120° per column)
            double polarity = DifferentialDisplacement.polarity(map, c);
            assertEquals(0, polarity, 1e-9, "elastic easy core is dyad-symmetric (" + m + ")");
            // far from the core, the DD decays like b·s/(2πr)
            double far = 0;
            for (int p = 0; p < map.pairCount(); p++) {
                int i = map.pairs()[2 * p];
                double r = Math.hypot(map.columns()[2 * i] - c[0], map.columns()[2 * i + 1] - c[1]);
                if (r > 12) {
                    far = Math.max(far, Math.abs(map.dd()[p]));
                }
            }
            assertTrue(far < B_FE * 2.33 / (2 * Math.PI * 11.5) * 1.2, "far-field DD " + far);
        }
    }

    @Test
    void polarityMeasuresDyadAsymmetry() {
        Dislocation d = BccScrew.cylinder(BccScrew.FE_ISO, CoreType.EASY, 12);
        DifferentialDisplacement.Map map = DifferentialDisplacement.compute(d.reference(), d.structure(), B_FE);
        double[] c = d.cores()[0];
        // raise the three outer columns of the neighbouring triangles by δ: each outer pair sum
        // DD(c→v) + DD(c'→v) grows by 2δ, so p = −2δ/(b/3) = −6δ/b
        double delta = B_FE / 24;
        double[] uz = map.uz().clone();
        double[] xy = map.columns();
        int n = map.columnCount();
        double[] dist = new double[n];
        for (int k = 0; k < n; k++) {
            dist[k] = Math.hypot(xy[2 * k] - c[0], xy[2 * k + 1] - c[1]);
        }
        double[] sorted = dist.clone();
        java.util.Arrays.sort(sorted);
        // core triangle: 3 columns at distance s/√3; the next 3 (outer vertices) at 2s/√3
        for (int k = 0; k < n; k++) {
            if (Math.abs(dist[k] - sorted[3]) < 1e-6) {
                uz[k] += delta;
            }
        }
        double[] dd = new double[map.pairCount()];
        for (int p = 0; p < dd.length; p++) {
            dd[p] = ScrewCores.fold(uz[map.pairs()[2 * p + 1]] - uz[map.pairs()[2 * p]], B_FE);
        }
        DifferentialDisplacement.Map shifted = new DifferentialDisplacement.Map(xy, uz, map.pairs(), map.dx(), dd, B_FE);
        assertEquals(-6 * delta / B_FE, DifferentialDisplacement.polarity(shifted, c), 1e-9);
    }

    @Test
    void aMapBetweenDifferentCrystalsIsRefused() {
        Dislocation d = BccScrew.cylinder(BccScrew.FE_ISO, CoreType.EASY, 12);
        Dislocation other = BccScrew.cylinder(BccScrew.FE_ISO, CoreType.EASY, 9);
        assertThrows(IllegalArgumentException.class, () -> DifferentialDisplacement.compute(d.reference(), other.structure(), B_FE));
    }

    @Test
    void aCoreIsDegenerateWhenAnyPolarityReachesTheThreshold() {
        double t = DifferentialDisplacement.DEGENERATE_POLARITY;
        assertEquals("compact/non-degenerate", DifferentialDisplacement.coreType(0.0, -0.99 * t));
        assertEquals("degenerate", DifferentialDisplacement.coreType(0.0, -t));
        assertEquals("degenerate", DifferentialDisplacement.coreType(0.9, 0.0));
        assertEquals("degenerate", DifferentialDisplacement.coreType(0.0, Double.NaN), "an undefined polarity is no evidence of a compact core");
    }
}
