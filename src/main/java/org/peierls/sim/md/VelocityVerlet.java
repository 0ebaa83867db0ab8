package org.peierls.sim.md;

import org.peierls.atoms.Structure;
import org.peierls.potential.Results;
import org.peierls.sim.ForceField;

/**
 * Velocity-Verlet integration of Newton's equations (NVE): v ← v + ½Δt F/m, x ← x + Δt v,
 * new forces, v ← v + ½Δt F/m. Symplectic and time-reversible; energy errors scale as Δt².
 * No extended variables.
 */
public final class VelocityVerlet implements Integrator {

    private final ForceField forceField;
    private final double dt;

    /**
     * @param dt time step, ps (&gt; 0)
     */
    public VelocityVerlet(ForceField forceField, double dt) {
        this.forceField = forceField;
        this.dt = Steps.requirePositive(dt, "time step");
    }

    @Override
    public MdState init(Structure structure) {
        return resume(structure, 0, 0, new double[0]);
    }

    @Override
    public MdState resume(Structure structure, long step, double time, double[] extended) {
        return Steps.evaluate(forceField, Steps.withVelocities(structure), null, step, time, extended);
    }

    @Override
    public MdState step(MdState s) {
        Structure st = s.structure();
        double[] x = st.positions();
        double[] v = st.velocities();
        Steps.kick(st, v, s.forces(), 0.5 * dt);
        Steps.drift(x, v, dt);
        ForceField.Evaluation ev = forceField.evaluate(st.withPositions(x), s.neighbors());
        Results r = ev.results();
        Steps.kick(st, v, r.forces(), 0.5 * dt);
        Structure next = st.withPositions(x).withVelocities(v);
        return new MdState(next, r.forces(), r.energy(), r.virial(), s.step() + 1, s.time() + dt, ev.neighbors(), s.extended());
    }

    @Override
    public double timestep() {
        return dt;
    }

    @Override
    public double conservedEnergy(MdState s) {
        return s.potentialEnergy() + s.kineticEnergy();
    }

    @Override
    public int degreesOfFreedom(int atoms) {
        return Math.max(0, 3 * atoms - 3);
    }

    @Override
    public String describe() {
        return "nve velocity-Verlet dt=" + dt + " ps";
    }
}
