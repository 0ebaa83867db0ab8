package org.peierls.sim.md;

import java.util.SplittableRandom;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.potential.Results;
import org.peierls.sim.ForceField;

/**
 * Langevin dynamics (NVT) with the BAOAB splitting of Leimkuhler &amp; Matthews, Appl. Math. Res.
 * Express. 2013, 34: half kick (B), half drift (A), the exact Ornstein–Uhlenbeck step
 * v ← c v + √(1 − c²) √(k_B T/m) ξ with c = e^{−γΔt} (O), half drift, new forces, half kick.
 * Configurational averages are exact to O(Δt²) and better; one force evaluation per step.
 *
 * <p>The random numbers of step k come from a generator seeded by (seed, k), so a run is
 * reproducible, independent of the thread count, and continues identically from a checkpoint.
 * Extended variables: {@code [heat]}, the energy the bath has given the atoms in the O steps
 * (eV); total energy minus heat is conserved up to the splitting error. Momentum is not
 * conserved: the temperature counts 3N degrees of freedom.</p>
 */
public final class Langevin implements Integrator {

    private final ForceField forceField;
    private final double dt;
    private final double temperature;
    private final double friction;
    private final long seed;

    /**
     * @param dt          time step, ps
     * @param temperature bath temperature, K
     * @param damping     relaxation time 1/γ of the velocities, ps (LAMMPS's {@code damp})
     * @param seed        random seed
     */
    public Langevin(ForceField forceField, double dt, double temperature, double damping, long seed) {
        this.forceField = forceField;
        this.dt = Steps.requirePositive(dt, "time step");
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be ≥ 0 K, got " + temperature);
        }
        this.temperature = temperature;
        this.friction = 1.0 / Steps.requirePositive(damping, "Langevin damping time");
        this.seed = seed;
    }

    @Override
    public MdState init(Structure structure) {
        return resume(structure, 0, 0, new double[1]);
    }

    @Override
    public MdState resume(Structure structure, long step, double time, double[] extended) {
        if (extended.length != 1) {
            throw new IllegalArgumentException("Langevin state needs 1 extended variable, got " + extended.length);
        }
        return Steps.evaluate(forceField, Steps.withVelocities(structure), null, step, time, extended);
    }

    @Override
    public MdState step(MdState s) {
        Structure st = s.structure();
        double[] x = st.positions();
        double[] v = st.velocities();
        Steps.kick(st, v, s.forces(), 0.5 * dt);
        Steps.drift(x, v, 0.5 * dt);
        double before = Kinetics.twiceKinetic(st, v);
        double c = Math.exp(-friction * dt);
        double noise = Math.sqrt(1 - c * c);
        double kt = Units.BOLTZMANN_EV_PER_K * temperature;
        SplittableRandom rng = new SplittableRandom(mix(seed, s.step()));
        for (int i = 0; i < st.size(); i++) {
            double sigma = noise * Math.sqrt(kt / (st.mass(i) * Units.MVV2E));
            v[3 * i] = c * v[3 * i] + sigma * rng.nextGaussian();
            v[3 * i + 1] = c * v[3 * i + 1] + sigma * rng.nextGaussian();
            v[3 * i + 2] = c * v[3 * i + 2] + sigma * rng.nextGaussian();
        }
        double heat = s.extended()[0] + 0.5 * (Kinetics.twiceKinetic(st, v) - before);
        Steps.drift(x, v, 0.5 * dt);
        ForceField.Evaluation ev = forceField.evaluate(st.withPositions(x), s.neighbors());
        Results r = ev.results();
        Steps.kick(st, v, r.forces(), 0.5 * dt);
        Structure next = st.withPositions(x).withVelocities(v);
        return new MdState(next, r.forces(), r.energy(), r.virial(), s.step() + 1, s.time() + dt, ev.neighbors(), new double[]{heat});
    }

    /** A well-mixed 64-bit seed for (seed, step) (the SplitMix64 finalizer applied twice). */
    static long mix(long seed, long step) {
        return mix64(seed ^ mix64(step + 0x9E3779B97F4A7C15L));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public double timestep() {
        return dt;
    }

    @Override
    public double conservedEnergy(MdState s) {
        return s.potentialEnergy() + s.kineticEnergy() - s.extended()[0];
    }

    @Override
    public int degreesOfFreedom(int atoms) {
        return 3 * atoms;
    }

    public double targetTemperature() {
        return temperature;
    }

    @Override
    public String describe() {
        return "nvt langevin (BAOAB) T=" + temperature + " K damp=" + 1 / friction + " ps dt=" + dt + " ps seed=" + seed;
    }
}
