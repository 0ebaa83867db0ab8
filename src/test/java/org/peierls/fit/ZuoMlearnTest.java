package org.peierls.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.testutil.SharedData;
import org.peierls.util.Progress;

/**
 * Zuo et al.'s published SNAP and qSNAP coefficient files on the mlearn test sets reproduce the
 * errors measured with LAMMPS (issue 6 table: energy MAE meV/atom; force MAE eV/Å) to the printed
 * digits (half a unit of the last digit). Force components are compared in LAMMPS's frame of each
 * cell, as a LAMMPS run reports them: the per-component MAE is not rotation invariant, and in the
 * data's own frame Si's linear SNAP gives 0.1327 rather than 0.132 (see {@link ForceFrame}).
 */
class ZuoMlearnTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "Ni, linear, 0.78, 0.038",
        "Ni, quadratic, 0.78, 0.031",
        "Cu, linear, 0.53, 0.037",
        "Cu, quadratic, 0.56, 0.024",
        "Li, linear, 1.03, 0.028",
        "Li, quadratic, 0.73, 0.033",
        "Mo, linear, 5.48, 0.207",
        "Mo, quadratic, 2.77, 0.184",
        "Si, linear, 6.44, 0.132",
        "Si, quadratic, 3.81, 0.116",
        "Ge, linear, 6.59, 0.188",
        "Ge, quadratic, 6.45, 0.133",
    })
    void publishedCoefficientsReproduceTheTable(String element, String kind, double energyMae, double forceMae) {
        String base = element + "_Zuo_JPCA2020" + (kind.equals("quadratic") ? ".quadratic" : "");
        Path coeff = SharedData.data("potentials/" + base + ".snapcoeff");
        Path test = SharedData.data("mlearn/" + element + "/test.json");
        Potential p = PotentialSpecs.parse("snap:" + coeff);
        Dataset d = Dataset.read(List.of(test), Role.TEST);
        Metrics m = Evaluation.test(p, d, ForceFrame.LAMMPS, Progress.silent()).test();
        assertEquals(energyMae, m.energyMae(), 0.005 + 1e-12, element + " " + kind + " energy MAE");
        assertEquals(forceMae, m.forceMae(), 0.0005 + 1e-12, element + " " + kind + " force MAE");
        assertEquals(d.size(), m.configs());
    }
}
