package org.peierls.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.io.ExtendedXyz;
import org.peierls.io.Json;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.Results;

/**
 * A model kind that exists only in the test tree ({@link RadialKind}, on a descriptor that exists
 * only there, {@code RadialShells}) goes through the whole fit path without a line of Peierls's
 * code naming it: the registry finds it, {@link FitRunner} fits and writes it, model.json loads
 * back as a potential whose forces (adjoint path) equal the fit's row predictions, and its errors
 * on an LJ teacher are far below the labels' own spread (a pair sum of radial functions can
 * represent a pair potential).
 */
class PluginKindTest {

    @TempDir
    Path tmp;

    @Test
    void aKindFromTheTestTreeFitsWritesAndLoads() {
        assertEquals("radial", ModelKinds.named("radial").name(), "found by ServiceLoader");
        Dataset d = FitTestData.data(12, FitTestData.z("Mo"), 0, 5);
        List<Frame> frames = new ArrayList<>();
        for (Configuration c : d.configurations()) {
            frames.add(new Frame(c.structure(), c.labels(), "lj"));
        }
        Path data = tmp.resolve("lj.extxyz");
        ExtendedXyz.write(data, frames);
        ModelKind<?> kind = ModelKinds.named("radial");
        FitJob job = new FitJob(FitJob.Inputs.of(List.of(data)), null, null, Map.of(), true, null,
                FitJob.Choice.of(kind, OptionValues.ofCommandLine(kind, Map.of("--shells", "8"))),
                new FitJob.Output(tmp.resolve("fit"), null, false));
        StringWriter log = new StringWriter();
        FittedModel fit = FitRunner.run(job, new PrintWriter(log));
        JsonNode model = Json.read(tmp.resolve("fit").resolve(ModelStore.FILE));
        assertEquals("radial", model.get("kind").asText());
        assertEquals(8, model.get("descriptor").get("shells").asInt());
        assertNotNull(model.get("fit").get("default_weights"), "common provenance written by the runner");

        Potential loaded = PotentialSpecs.parse(tmp.resolve("fit").toString());
        double spread = 0, err = 0;
        int n = 0;
        for (int k = 0; k < d.size(); k++) {
            Results r = loaded.compute(d.get(k).structure());
            Prediction p = fit.predictions().get(k);
            assertEquals(p.energy(), r.energy(), 1e-8 * Math.max(1, Math.abs(r.energy())), "energy of " + k);
            for (int i = 0; i < r.forces().length; i++) {
                assertEquals(p.forces()[i], r.forces()[i], 1e-8, "force " + i + " of " + k);
                double label = d.get(k).labels().forces()[i];
                spread += label * label;
                err += (label - r.forces()[i]) * (label - r.forces()[i]);
                n++;
            }
        }
        double rmsLabel = Math.sqrt(spread / n), rmsErr = Math.sqrt(err / n);
        System.out.printf("radial kind: force RMSE %.4f eV/Å against RMS force %.4f eV/Å%n", rmsErr, rmsLabel);
        assertTrue(rmsErr < 0.2 * rmsLabel, "force RMSE " + rmsErr + " vs RMS force " + rmsLabel);
    }

    @Test
    void itsOptionsAreCheckedLikeAnyKind() {
        ModelKind<?> kind = ModelKinds.named("radial");
        org.peierls.util.InputException e = org.junit.jupiter.api.Assertions.assertThrows(org.peierls.util.InputException.class,
                () -> OptionValues.ofCommandLine(kind, Map.of("--level", "8")));
        assertTrue(e.getMessage().contains("--level is not an option of radial models"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.peierls.util.InputException.class,
                () -> FitJob.Choice.of(kind, OptionValues.ofCommandLine(kind, Map.of("--shells", "x"))));
        assertTrue(e.getMessage().contains("--shells: 'x' is not a whole number"), e.getMessage());
    }
}
