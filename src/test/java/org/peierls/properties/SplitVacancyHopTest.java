package org.peierls.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.peierls.atoms.LatticeType;
import org.peierls.sim.neb.NebOptions;

/**
 * The Fe_mm vacancy hop passes a metastable split vacancy halfway (a double-humped path), so the
 * band's forces change direction often and FIRE takes many uphill restarts. A FIRE whose
 * half-step-back ignored the step cap threw atoms onto each other here (energies of 10¹³ eV after
 * 200 steps with 4 or 7 images). Now the band converges for both image counts, and since the two
 * end states are equivalent, the forward and reverse barriers agree (to 1 meV, the NEB tolerance
 * scale: fmax 1e-3 eV/Å over a hop of 2.5 Å).
 */
class SplitVacancyHopTest {

    @Test
    void bandConvergesWithEvenAndOddImageCounts() {
        ReferenceCrystal crystal = PointDefectEnergiesTest.crystal(Potentials.mendelevFe(), "Fe", LatticeType.BCC);
        VacancyFormation.Result v = VacancyFormation.compute(crystal, new VacancyFormation.Options(4, PointDefectEnergiesTest.TIGHT));
        for (int images : new int[]{4, 7}) {
            VacancyMigration.Result m = VacancyMigration.compute(crystal,
                    new VacancyMigration.Options(4, NebOptions.defaults(images).withFmax(1e-3), PointDefectEnergiesTest.TIGHT), v,
                    (i, e, f, x) -> true);
            System.out.printf("Fe_mm vacancy hop, %d images: %.4f eV (reverse %.4f), %d steps%n", images, m.barrier(),
                    m.neb().reverseBarrier(), m.neb().steps());
            assertTrue(m.neb().converged(), images + " images did not converge");
            assertEquals(m.barrier(), m.neb().reverseBarrier(), 1e-3, images + " images: forward vs reverse");
            // the saddle lies 0.54–0.64 eV up (split vacancy halfway, saddles either side)
            assertTrue(m.barrier() > 0.5 && m.barrier() < 0.7, "barrier " + m.barrier());
        }
    }
}
