package org.peierls.sim.md;

import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * The state of a molecular-dynamics run after some step (JAX-MD style: integrators map one state
 * to the next and never modify it). Arrays are shared, not copied: treat them as read-only.
 *
 * @param structure       positions (unwrapped, Å), velocities (Å/ps), cell, masses and species
 * @param forces          forces at these positions {@code [3N]}, eV/Å
 * @param potentialEnergy potential energy, eV
 * @param virial          virial W = −∂E/∂ε, Voigt, eV (LAMMPS sign)
 * @param step            steps taken since the run began
 * @param time            simulated time, ps
 * @param neighbors       the neighbor list the forces used (reused while valid)
 * @param extended        the integrator's own variables (thermostat chain, barostat, heat
 *                        reservoir), laid out as the integrator documents; empty for NVE
 */
public record MdState(Structure structure, double[] forces, double potentialEnergy, double[] virial, long step,
                      double time, NeighborList neighbors, double[] extended) {

    /** Number of atoms N. */
    public int atoms() {
        return structure.size();
    }

    public Cell cell() {
        return structure.cell();
    }

    /** Kinetic energy Σ ½ m v², eV. */
    public double kineticEnergy() {
        return Kinetics.kineticEnergy(structure);
    }

    /** The volume, Å³. */
    public double volume() {
        return structure.cell().volume();
    }

    /**
     * Instantaneous pressure (2 KE + tr W) / (3V), eV/Å³, positive = compressive.
     */
    public double pressure() {
        return (2 * kineticEnergy() + virial[0] + virial[1] + virial[2]) / (3 * volume());
    }

    /**
     * Instantaneous stress including the kinetic part, Voigt, eV/Å³, positive = tensile:
     * σ = −(K + W)/V with K_ab = Σ m v_a v_b.
     */
    public double[] stress() {
        double[] k = Kinetics.kineticTensor(structure);
        double v = volume();
        double[] s = new double[6];
        for (int i = 0; i < 6; i++) {
            s[i] = -(k[i] + virial[i]) / v;
        }
        return s;
    }
}
