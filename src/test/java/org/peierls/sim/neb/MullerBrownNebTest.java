package org.peierls.sim.neb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peierls.optim.Fire;
import org.peierls.optim.Lbfgs;
import org.peierls.optim.Minimization;
import org.peierls.optim.StopCriteria;

/**
 * NEB on the Müller–Brown surface, whose stationary points are known (Müller &amp; Brown, Theor.
 * Chim. Acta 53, 75 (1979), and widely tabulated since): minima A (−0.558, 1.442),
 * E = −146.700; B (0.623, 0.028), E = −108.167; C (−0.050, 0.467), E = −80.768; saddles
 * S1 (−0.822, 0.624), E = −40.665 and S2 (0.212, 0.293), E = −72.249.
 */
class MullerBrownNebTest {

    private static double[] minimum(double x, double y) {
        Minimization m = new Lbfgs().minimize(new MullerBrown(x, y), StopCriteria.force(1e-10, 500));
        assertTrue(m.converged());
        return m.x();
    }

    /** Interpolated images between a and b, end points included. */
    private static List<MullerBrown> band(double[] a, double[] b, int interior) {
        List<MullerBrown> images = new ArrayList<>();
        for (int i = 0; i <= interior + 1; i++) {
            double t = (double) i / (interior + 1);
            images.add(new MullerBrown(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])));
        }
        return images;
    }

    /** FIRE in the surface's units: gradients reach ~10³, so Δt ≲ 2/√λ_max ≈ 0.02. */
    private static NebOptions options(int images) {
        Fire.Parameters d = Fire.Parameters.defaults();
        Fire.Parameters fire = new Fire.Parameters(0.0005, 0.005, 1e-5, 0.02, d.nDelay(), d.fInc(), d.fDec(),
                d.alphaStart(), d.fAlpha(), d.maxUphill(), d.initialDelay());
        return new NebOptions(images, 50.0, true, 1e-3, 5.0, 40000, fire);
    }

    @Test
    void minimaAreTheKnownOnes() {
        double[] a = minimum(-0.5, 1.5);
        assertEquals(-0.558, a[0], 1e-3);
        assertEquals(1.442, a[1], 1e-3);
        assertEquals(-146.700, MullerBrown.energy(a[0], a[1]), 1e-3);
        double[] b = minimum(0.6, 0.0);
        assertEquals(-108.167, MullerBrown.energy(b[0], b[1]), 1e-3);
        double[] c = minimum(0.0, 0.5);
        assertEquals(-80.768, MullerBrown.energy(c[0], c[1]), 1e-3);
    }

    /** From C to B the climbing image lands on S2. */
    @Test
    void climbingImageFindsTheLowerSaddle() {
        double[] c = minimum(0.0, 0.5);
        double[] b = minimum(0.6, 0.0);
        NebResult r = Neb.run(band(c, b, 7), options(7));
        assertTrue(r.converged(), r.minimization().termination() + " after " + r.steps());
        assertTrue(r.climbed());
        double[] s = r.points().get(r.saddleImage());
        // fmax 1e-3 and Hessian eigenvalues of order 10²–10³ put the saddle within ~1e-5.
        assertEquals(0.212, s[0], 1e-3);
        assertEquals(0.293, s[1], 1e-3);
        assertEquals(-72.249, r.energies()[r.saddleImage()], 1e-3);
        assertEquals(-72.249 - -80.768, r.barrier(), 1e-3);
    }

    /** From A to B (through C) the highest image climbs to S1; S2 shows as a lower maximum. */
    @Test
    void climbingImageFindsTheHighestSaddleOnTheLongPath() {
        double[] a = minimum(-0.5, 1.5);
        double[] b = minimum(0.6, 0.0);
        NebResult r = Neb.run(band(a, b, 13), options(13));
        assertTrue(r.converged(), r.minimization().termination() + " after " + r.steps());
        double[] s = r.points().get(r.saddleImage());
        assertEquals(-0.822, s[0], 1e-3);
        assertEquals(0.624, s[1], 1e-3);
        assertEquals(-40.665, r.energies()[r.saddleImage()], 1e-3);
        // The relaxed band passes near the intermediate minimum C (−80.77): some image is below −75.
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < r.energies().length - 1; i++) {
            lowest = Math.min(lowest, r.energies()[i]);
        }
        assertTrue(lowest < -75, "band misses the intermediate minimum: lowest interior image " + lowest);
    }

    /** Without climbing the highest image sits below the saddle (the band straddles it). */
    @Test
    void plainNebStaysBelowTheSaddle() {
        double[] c = minimum(0.0, 0.5);
        double[] b = minimum(0.6, 0.0);
        NebResult r = Neb.run(band(c, b, 5), options(5).withClimb(false));
        assertTrue(r.converged());
        assertTrue(!r.climbed());
        assertTrue(r.energies()[r.saddleImage()] < -72.249 + 1e-6);
        // The profile spline passes through the image energies.
        double[][] sp = r.spline(201);
        assertEquals(0.0, sp[1][0], 1e-12);
        assertEquals(r.reactionEnergy(), sp[1][200], 1e-9);
    }

    @Test
    void bandNeedsAnInteriorImage() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new NebBand(List.of(new MullerBrown(0, 0), new MullerBrown(1, 1)), 1.0, true));
    }
}
