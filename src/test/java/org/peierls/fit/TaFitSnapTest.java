package org.peierls.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peierls.model.SnapFiles;
import org.peierls.testutil.SharedData;
import org.peierls.util.Progress;

class TaFitSnapTest {

    @Test
    void reproducesFitSnapCoefficients() {
        Path in = SharedData.data("ta-snap/Ta-example.in");
        long t0 = System.nanoTime();
        FitSnapInput input = FitSnapInput.read(in, 0);
        long t1 = System.nanoTime();
        SnapFit fit = SnapFit.run(input.data(), input.settings(), Progress.silent());
        long t2 = System.nanoTime();
        System.out.printf("read %.2f s, fit %.2f s, rank %d, cond %.3e%n", (t1 - t0) * 1e-9, (t2 - t1) * 1e-9,
                fit.solution().rank(), fit.solution().condition());
        double[] ref = SnapFiles.readCoefficients(SharedData.data("ta-snap/reference/Ta_pot.snapcoeff")).coefficients()[0];
        double[] got = fit.coefficients(0);
        double worst = 0;
        for (int k = 0; k < ref.length; k++) {
            double rel = Math.abs(got[k] - ref[k]) / Math.abs(ref[k]);
            worst = Math.max(worst, rel);
            System.out.printf("%2d %22.15e %22.15e %.2e%n", k, ref[k], got[k], rel);
        }
        System.out.println("worst " + worst);
        System.out.println(fit.metrics().table());
        assertEquals(ref.length, got.length);
    }
}
