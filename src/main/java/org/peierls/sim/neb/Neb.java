package org.peierls.sim.neb;

import java.util.ArrayList;
import java.util.List;
import org.peierls.optim.Fire;
import org.peierls.optim.Minimizable;
import org.peierls.optim.Minimization;
import org.peierls.optim.Minimizer;
import org.peierls.optim.StopCriteria;

/**
 * Runs a nudged elastic band with FIRE on the whole {@link NebBand}: first without climbing
 * until the band force falls below {@link NebOptions#climbFmax()}, then (when climbing is on)
 * with the highest image climbing until {@link NebOptions#fmax()} (the two-stage scheme LAMMPS's
 * {@code neb} command uses).
 */
public final class Neb {
    private Neb() {
    }

    /**
     * @param images   all images including the fixed end points, each starting at its initial
     *                 point (see {@link NebBand})
     * @param listener called after every FIRE iteration (may stop the run)
     */
    public static NebResult run(List<? extends Minimizable> images, NebOptions options, Minimizer.Listener listener) {
        if (images.size() != options.images() + 2) {
            throw new IllegalArgumentException("options ask for " + options.images() + " images, band has " + (images.size() - 2));
        }
        NebBand band = new NebBand(images, options.springConstant(), false);
        Fire fire = new Fire(options.fire());
        int[] done = {0};
        Minimizer.Listener counting = (it, v, f, x) -> {
            done[0]++;
            return listener.iteration(done[0], v, f, x);
        };
        double firstTolerance = options.climb() ? options.climbFmax() : options.fmax();
        Minimization m = fire.minimize(band, StopCriteria.force(firstTolerance, options.maxSteps()), counting);
        boolean climbed = false;
        if (options.climb() && m.converged()) {
            band.setClimbing(true);
            climbed = true;
            Minimizable from = startingAt(band, m.x());
            int left = Math.max(1, options.maxSteps() - done[0]);
            m = fire.minimize(from, StopCriteria.force(options.fmax(), left), counting);
        }
        // Re-evaluate at the final point so that energies, tangents and climbing image match it.
        double[] g = new double[band.dimension()];
        band.evaluate(m.x(), g);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < band.images(); i++) {
            points.add(band.imagePoint(m.x(), i));
        }
        double[] e = band.energies();
        int saddle = 1;
        for (int i = 1; i < e.length - 1; i++) {
            if (e[i] > e[saddle]) {
                saddle = i;
            }
        }
        return new NebResult(points, e, band.pathLength(), band.tangentForces(), saddle, climbed && band.climbingImage() >= 0, m, done[0]);
    }

    public static NebResult run(List<? extends Minimizable> images, NebOptions options) {
        return run(images, options, Minimizer.SILENT);
    }

    /** A view of {@code p} that starts at {@code x}. */
    static Minimizable startingAt(Minimizable p, double[] x) {
        double[] start = x.clone();
        return new Minimizable() {
            @Override
            public int dimension() {
                return p.dimension();
            }

            @Override
            public double[] start() {
                return start.clone();
            }

            @Override
            public double evaluate(double[] y, double[] gradient) {
                return p.evaluate(y, gradient);
            }

            @Override
            public double forceNorm(double[] gradient) {
                return p.forceNorm(gradient);
            }

            @Override
            public double stepNorm(double[] dx) {
                return p.stepNorm(dx);
            }

            @Override
            public boolean conservative() {
                return p.conservative();
            }

            @Override
            public void difference(double[] from, double[] to, double[] out) {
                p.difference(from, to, out);
            }
        };
    }
}
