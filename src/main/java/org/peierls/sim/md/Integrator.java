package org.peierls.sim.md;

import org.peierls.atoms.Structure;

/**
 * A molecular-dynamics integrator as an init/step pair (JAX-MD style): {@link #init} evaluates
 * the forces of a structure and returns the first state, {@link #step} maps a state to the next
 * one without modifying it. Integrators hold only parameters.
 */
public interface Integrator {

    /**
     * The state at step 0 of {@code structure} (its velocities, zero when it has none); the
     * integrator's extended variables start at rest.
     */
    MdState init(Structure structure);

    /**
     * A state rebuilt from saved values (a checkpoint): forces are evaluated again.
     *
     * @param extended the integrator variables saved from {@link MdState#extended()}
     */
    MdState resume(Structure structure, long step, double time, double[] extended);

    /** The state one time step later. */
    MdState step(MdState state);

    /** Time step, ps. */
    double timestep();

    /**
     * The quantity the exact dynamics conserves, eV: the total energy for NVE; the Nosé–Hoover
     * (and barostat) extended energy for NVT/NPT; total energy minus the heat given to the bath
     * for Langevin. Its drift measures integration error.
     */
    double conservedEnergy(MdState state);

    /** Degrees of freedom used for the temperature: 3N − 3 when momentum is conserved, else 3N. */
    int degreesOfFreedom(int atoms);

    /** The instantaneous temperature of a state, K. */
    default double temperature(MdState state) {
        return Kinetics.temperature(state.kineticEnergy(), degreesOfFreedom(state.atoms()));
    }

    /** A short description ("nve velocity-Verlet dt=0.001 ps"). */
    String describe();
}
