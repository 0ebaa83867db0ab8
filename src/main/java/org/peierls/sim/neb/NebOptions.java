package org.peierls.sim.neb;

import org.peierls.optim.Fire;

/**
 * Settings of a nudged-elastic-band run.
 *
 * @param images         number of images between the two end points (≥ 1)
 * @param springConstant spring constant k, eV/Å²
 * @param climb          climbing image on (in a second stage, once the band force is below
 *                       {@code climbFmax})
 * @param fmax           convergence: the largest NEB force on any image, eV/Å
 * @param climbFmax      band force at which the climbing stage starts (≥ fmax)
 * @param maxSteps       FIRE iteration limit for both stages together
 * @param fire           FIRE parameters
 */
public record NebOptions(int images, double springConstant, boolean climb, double fmax, double climbFmax, int maxSteps,
                         Fire.Parameters fire) {

    public NebOptions {
        if (images < 1) {
            throw new IllegalArgumentException("NEB needs at least 1 image between the end points, got " + images);
        }
        if (!(springConstant > 0)) {
            throw new IllegalArgumentException("spring constant must be positive, got " + springConstant);
        }
        if (!(fmax > 0) || !(climbFmax >= fmax)) {
            throw new IllegalArgumentException("NEB needs fmax > 0 and climbFmax ≥ fmax");
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("NEB needs at least 1 step, got " + maxSteps);
        }
    }

    /**
     * {@code images} images, k = 1 eV/Å², climbing on, fmax 0.01 eV/Å (climbing from 0.05),
     * 3000 steps, FIRE with a 0.1 Å step cap.
     */
    public static NebOptions defaults(int images) {
        return new NebOptions(images, 1.0, true, 0.01, 0.05, 3000, Fire.Parameters.defaults().withMaxStep(0.1));
    }

    public NebOptions withClimb(boolean on) {
        return new NebOptions(images, springConstant, on, fmax, climbFmax, maxSteps, fire);
    }

    public NebOptions withFmax(double f) {
        return new NebOptions(images, springConstant, climb, f, Math.max(f, climbFmax), maxSteps, fire);
    }

    public NebOptions withMaxSteps(int n) {
        return new NebOptions(images, springConstant, climb, fmax, climbFmax, n, fire);
    }

    public NebOptions withSpring(double k) {
        return new NebOptions(images, k, climb, fmax, climbFmax, maxSteps, fire);
    }

    public NebOptions withFire(Fire.Parameters p) {
        return new NebOptions(images, springConstant, climb, fmax, climbFmax, maxSteps, p);
    }

    public NebOptions withClimbFmax(double f) {
        return new NebOptions(images, springConstant, climb, fmax, f, maxSteps, fire);
    }
}
