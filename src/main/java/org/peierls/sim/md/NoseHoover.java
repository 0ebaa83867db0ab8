package org.peierls.sim.md;

import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.potential.Results;
import org.peierls.sim.ForceField;

/**
 * Canonical (NVT) dynamics with a Nosé–Hoover chain thermostat (Martyna, Klein &amp; Tuckerman
 * 1992), integrated as chain(½Δt) · velocity Verlet · chain(½Δt) (Martyna, Tuckerman, Tobias &amp;
 * Klein 1996). Momentum is conserved: the temperature counts 3N − 3 degrees of freedom.
 *
 * <p>Extended variables: {@code [ξ₁ … ξ_M, v₁ … v_M]}. The conserved quantity is
 * K + U + Σ ½ Q_j v_j² + N_f k_B T ξ₁ + k_B T Σ_{j≥2} ξ_j.</p>
 */
public final class NoseHoover implements Integrator {

    private final ForceField forceField;
    private final double dt;
    private final double temperature;
    private final double tau;
    private final int chainLength;

    /**
     * @param dt          time step, ps
     * @param temperature target temperature, K (&gt; 0)
     * @param tau         thermostat period, ps (LAMMPS's Tdamp; about 100 Δt)
     * @param chainLength number of thermostats M (3 is usual)
     */
    public NoseHoover(ForceField forceField, double dt, double temperature, double tau, int chainLength) {
        this.forceField = forceField;
        this.dt = Steps.requirePositive(dt, "time step");
        this.temperature = Steps.requirePositive(temperature, "Nosé–Hoover temperature");
        this.tau = Steps.requirePositive(tau, "thermostat period");
        if (chainLength < 1) {
            throw new IllegalArgumentException("chain length must be ≥ 1, got " + chainLength);
        }
        this.chainLength = chainLength;
    }

    private NoseHooverChain chain(int atoms) {
        return new NoseHooverChain(chainLength, Units.BOLTZMANN_EV_PER_K * temperature, degreesOfFreedom(atoms), tau);
    }

    @Override
    public MdState init(Structure structure) {
        return resume(structure, 0, 0, new double[2 * chainLength]);
    }

    @Override
    public MdState resume(Structure structure, long step, double time, double[] extended) {
        if (extended.length != 2 * chainLength) {
            throw new IllegalArgumentException("Nosé–Hoover state needs " + 2 * chainLength + " extended variables, got " + extended.length);
        }
        return Steps.evaluate(forceField, Steps.withVelocities(structure), null, step, time, extended);
    }

    @Override
    public MdState step(MdState s) {
        Structure st = s.structure();
        NoseHooverChain chain = chain(st.size());
        double[] vars = s.extended().clone();
        double[] x = st.positions();
        double[] v = st.velocities();
        Steps.scale(v, chain.propagate(vars, 0, Kinetics.twiceKinetic(st, v), 0.5 * dt));
        Steps.kick(st, v, s.forces(), 0.5 * dt);
        Steps.drift(x, v, dt);
        ForceField.Evaluation ev = forceField.evaluate(st.withPositions(x), s.neighbors());
        Results r = ev.results();
        Steps.kick(st, v, r.forces(), 0.5 * dt);
        Steps.scale(v, chain.propagate(vars, 0, Kinetics.twiceKinetic(st, v), 0.5 * dt));
        Structure next = st.withPositions(x).withVelocities(v);
        return new MdState(next, r.forces(), r.energy(), r.virial(), s.step() + 1, s.time() + dt, ev.neighbors(), vars);
    }

    @Override
    public double timestep() {
        return dt;
    }

    @Override
    public double conservedEnergy(MdState s) {
        return s.potentialEnergy() + s.kineticEnergy() + chain(s.atoms()).energy(s.extended(), 0);
    }

    @Override
    public int degreesOfFreedom(int atoms) {
        return Math.max(1, 3 * atoms - 3);
    }

    public double targetTemperature() {
        return temperature;
    }

    @Override
    public String describe() {
        return "nvt nose-hoover-chain T=" + temperature + " K tau=" + tau + " ps M=" + chainLength + " dt=" + dt + " ps";
    }
}
