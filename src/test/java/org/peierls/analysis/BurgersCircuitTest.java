package org.peierls.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peierls.analysis.BccScrew.A_FE;
import static org.peierls.analysis.BccScrew.B_FE;

import org.junit.jupiter.api.Test;
import org.peierls.atoms.Structure;
import org.peierls.defects.Dislocation;

/**
 * The Burgers circuit on a bcc screw cylinder: b around the core, nothing around a patch of
 * good crystal, a clear failure when no circuit fits. Circuits sum exact perfect-lattice
 * vectors, so b comes out to 1e-9 Å.
 */
class BurgersCircuitTest {

    @Test
    void theGoodCrystalStepsOfBccAreItsEightFirstNeighbours() {
        double[] v = BccScrew.steps();
        assertEquals(24, v.length);
        for (int k = 0; k < 8; k++) {
            assertEquals(A_FE * Math.sqrt(3) / 2, Math.sqrt(v[3 * k] * v[3 * k] + v[3 * k + 1] * v[3 * k + 1] + v[3 * k + 2] * v[3 * k + 2]), 1e-12);
        }
    }

    @Test
    void aCircuitAroundTheCoreFailsToCloseByB() {
        for (CoreType core : CoreType.values()) {
            Dislocation d = BccScrew.cylinder(BccScrew.FE_ANISO, core, 15);
            BurgersCircuit.Result r = BurgersCircuit.around(d.structure(), BccScrew.steps(), d.cores()[0], 8);
            assertArrayEquals(new double[]{0, 0, B_FE}, r.burgers(), 1e-9, core.toString());
            assertEquals(B_FE, r.magnitude(), 1e-9);
            assertEquals(2 * Math.PI, r.winding(), 1e-6, "the loop winds once counter-clockwise");
            assertEquals(r.atoms()[0], r.atoms()[r.atoms().length - 1], "the loop closes in the real crystal");
        }
    }

    @Test
    void aCircuitThatEnclosesNoCoreCloses() {
        Dislocation d = BccScrew.cylinder(BccScrew.FE_ISO, CoreType.EASY, 15);
        double[] away = {d.cores()[0][0] + 9, d.cores()[0][1]};
        assertArrayEquals(new double[]{0, 0, 0}, BurgersCircuit.around(d.structure(), BccScrew.steps(), away, 3).burgers(), 1e-9);
    }

    @Test
    void noCircuitBeyondTheCrystalIsAnError() {
        Structure s = BccScrew.cylinder(BccScrew.FE_ISO, CoreType.EASY, 10).structure();
        double[] core = {s.position(0, 0), s.position(0, 1)};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BurgersCircuit.around(s, BccScrew.steps(), core, 60));
        assertTrue(e.getMessage().startsWith("no closed circuit of good-crystal steps at radius 60.0 Å"), e.getMessage());
    }
}
