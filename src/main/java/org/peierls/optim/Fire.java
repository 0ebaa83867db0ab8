package org.peierls.optim;

/**
 * FIRE 2.0, the fast inertial relaxation engine as revised by Guénolé et al., Comput. Mater. Sci.
 * 175, 109584 (2020), Algorithm 2: semi-implicit Euler integration of unit-mass dynamics driven by
 * the force −∇f, the velocity mixed toward the force direction, the time step grown after
 * {@code nDelay} downhill steps and halved (with a half step back and the velocity zeroed) on an
 * uphill step (P = F·v ≤ 0).
 *
 * <p>Only the force is used (never the value), so FIRE also drives non-conservative problems such
 * as the NEB band. Each step is capped at {@code maxStep} ({@link Minimizable#stepNorm}, Å per atom
 * for atoms). Time is in FIRE's own unit: with unit masses, forces in eV/Å and positions in Å.</p>
 */
public final class Fire implements Minimizer {

    /**
     * FIRE 2.0 parameters (Guénolé et al. 2020, Table 1, with Δt_MD = 0.1).
     *
     * @param dtStart      initial time step
     * @param dtMax        largest time step (10 Δt_MD)
     * @param dtMin        smallest time step (0.02 Δt_MD)
     * @param maxStep      largest displacement of one particle in one step (Å)
     * @param nDelay       downhill steps before Δt may grow
     * @param fInc         Δt growth factor
     * @param fDec         Δt shrink factor on an uphill step
     * @param alphaStart   initial velocity-mixing factor α
     * @param fAlpha       α decay factor
     * @param maxUphill    stop after this many consecutive uphill steps
     * @param initialDelay do not shrink Δt or reset α during the first {@code nDelay} steps
     */
    public record Parameters(double dtStart, double dtMax, double dtMin, double maxStep, int nDelay, double fInc,
                             double fDec, double alphaStart, double fAlpha, int maxUphill, boolean initialDelay) {
        public Parameters {
            if (!(dtStart > 0 && dtMax >= dtStart && dtMin > 0 && dtMin <= dtStart && maxStep > 0)) {
                throw new IllegalArgumentException("FIRE needs 0 < dtMin ≤ dtStart ≤ dtMax and maxStep > 0");
            }
            if (!(fInc > 1 && fDec > 0 && fDec < 1 && alphaStart > 0 && alphaStart < 1 && fAlpha > 0 && fAlpha <= 1)) {
                throw new IllegalArgumentException("FIRE needs fInc > 1, 0 < fDec < 1, 0 < alphaStart < 1, 0 < fAlpha ≤ 1");
            }
        }

        /** The published defaults with Δt_MD = 0.1 and a 0.2 Å step cap. */
        public static Parameters defaults() {
            return new Parameters(0.1, 1.0, 0.002, 0.2, 20, 1.1, 0.5, 0.25, 0.99, 2000, true);
        }

        public Parameters withMaxStep(double step) {
            return new Parameters(dtStart, dtMax, dtMin, step, nDelay, fInc, fDec, alphaStart, fAlpha, maxUphill, initialDelay);
        }

        public Parameters withDt(double start, double max) {
            return new Parameters(start, max, Math.min(dtMin, start), maxStep, nDelay, fInc, fDec, alphaStart, fAlpha, maxUphill, initialDelay);
        }
    }

    private final Parameters p;

    public Fire(Parameters parameters) {
        this.p = parameters;
    }

    public Fire() {
        this(Parameters.defaults());
    }

    public Parameters parameters() {
        return p;
    }

    @Override
    public String name() {
        return "fire";
    }

    @Override
    public Minimization minimize(Minimizable problem, StopCriteria stop, Listener listener) {
        int n = problem.dimension();
        double[] x = problem.start();
        double[] g = new double[n];
        double[] v = new double[n];
        double[] dx = new double[n];
        double e = problem.evaluate(x, g);
        int evaluations = 1;
        double fnorm = problem.forceNorm(g);
        Termination end = stop.atStart(listener, e, fnorm, x);
        if (end != null) {
            return new Minimization(x, e, g, fnorm, 0, evaluations, end);
        }
        double dt = p.dtStart();
        double alpha = p.alphaStart();
        int downhill = 0;
        int uphill = 0;
        for (int it = 1; it <= stop.maxIterations(); it++) {
            double power = 0;
            for (int k = 0; k < n; k++) {
                power -= g[k] * v[k];
            }
            if (power > 0) {
                downhill++;
                uphill = 0;
                if (downhill > p.nDelay()) {
                    dt = Math.min(dt * p.fInc(), p.dtMax());
                    alpha *= p.fAlpha();
                }
            } else {
                downhill = 0;
                uphill++;
                if (uphill > p.maxUphill()) {
                    return new Minimization(x, e, g, fnorm, it - 1, evaluations, Termination.TOO_MANY_UPHILL_STEPS);
                }
                if (!(p.initialDelay() && it < p.nDelay())) {
                    if (dt * p.fDec() >= p.dtMin()) {
                        dt *= p.fDec();
                    }
                    alpha = p.alphaStart();
                }
                // Inertia correction: half of the last step back, then restart from rest. Half of
                // the displacement actually applied (capped by maxStep), not ½Δt·v: when the cap cut
                // the last step short, ½Δt·v can be many Å and throws atoms onto each other (seen in
                // NEB bands, whose non-conservative forces make uphill steps frequent).
                for (int k = 0; k < n; k++) {
                    x[k] -= 0.5 * dx[k];
                    v[k] = 0;
                }
            }
            // Semi-implicit Euler with FIRE mixing: v += Δt F; v = (1−α) v + α |v| F̂; x += Δt v.
            double vv = 0;
            double ff = 0;
            for (int k = 0; k < n; k++) {
                v[k] -= dt * g[k];
                vv += v[k] * v[k];
                ff += g[k] * g[k];
            }
            double mix = ff > 0 ? alpha * Math.sqrt(vv / ff) : 0;
            for (int k = 0; k < n; k++) {
                v[k] = (1 - alpha) * v[k] - mix * g[k];
                dx[k] = dt * v[k];
            }
            double step = problem.stepNorm(dx);
            double scale = step > p.maxStep() ? p.maxStep() / step : 1.0;
            for (int k = 0; k < n; k++) {
                dx[k] *= scale;
                x[k] += dx[k];
            }
            double previous = e;
            e = problem.evaluate(x, g);
            evaluations++;
            fnorm = problem.forceNorm(g);
            end = stop.afterIteration(listener, it, e, previous, fnorm, x);
            if (end != null) {
                return new Minimization(x, e, g, fnorm, it, evaluations, end);
            }
        }
        return new Minimization(x, e, g, fnorm, stop.maxIterations(), evaluations, Termination.MAX_ITERATIONS);
    }
}
