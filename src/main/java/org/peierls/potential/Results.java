package org.peierls.potential;

import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;

/**
 * What a potential computed for one structure. Immutable.
 *
 * @param energy   total energy, eV
 * @param forces   forces {@code [3N]}, eV/Å
 * @param virial   virial W = Σ r_ij ⊗ f_ij in Voigt order (xx, yy, zz, yz, xz, xy), eV, with the
 *                 LAMMPS sign: W = −∂E/∂ε, so that the pressure tensor is W/V
 * @param volume   the volume the stress refers to, Å³: the cell volume when the structure is periodic
 *                 in all three directions, 0 otherwise ({@link #volumeOf}; a slab, wire or cluster
 *                 has forces and a virial but no stress)
 * @param energies per-atom energies {@code [N]}, eV, summing to {@code energy}; or null
 */
public record Results(double energy, double[] forces, double[] virial, double volume, double[] energies) {

    public Results {
        if (virial.length != 6) {
            throw new IllegalArgumentException("virial needs 6 Voigt components");
        }
        if (!(volume >= 0)) {
            throw new IllegalArgumentException("volume must be ≥ 0, got " + volume);
        }
    }

    /**
     * The one rule every potential follows for {@link #volume}: the cell volume when the structure
     * is periodic in all three directions, else 0. Stress is defined through the volume of a
     * periodic crystal; for a cell open in some direction the "box" around the atoms is arbitrary
     * (a vacuum gap of any width), so no stress is reported rather than a number that depends on it.
     */
    public static double volumeOf(Structure structure) {
        return structure.cell().fullyPeriodic() ? structure.cell().volume() : 0;
    }

    /** Whether there is a stress (the structure is periodic in all three directions). */
    public boolean hasStress() {
        return volume > 0;
    }

    /** Stress, Voigt, eV/Å³, positive = tensile: σ = −W/V; NaN without a {@linkplain #hasStress stress}. */
    public double[] stress() {
        double[] s = new double[6];
        for (int i = 0; i < 6; i++) {
            s[i] = volume > 0 ? -virial[i] / volume : Double.NaN;
        }
        return s;
    }

    /** Stress, Voigt, GPa, positive = tensile. */
    public double[] stressGpa() {
        double[] s = stress();
        for (int i = 0; i < 6; i++) {
            s[i] *= Units.EV_PER_A3_TO_GPA;
        }
        return s;
    }

    /** Pressure −trace(σ)/3, GPa, positive = compressive. */
    public double pressureGpa() {
        double[] s = stressGpa();
        return -(s[0] + s[1] + s[2]) / 3.0;
    }

    /** The largest force component magnitude, eV/Å. */
    public double maxForce() {
        double m = 0;
        for (int i = 0; i < forces.length; i += 3) {
            m = Math.max(m, Math.sqrt(forces[i] * forces[i] + forces[i + 1] * forces[i + 1] + forces[i + 2] * forces[i + 2]));
        }
        return m;
    }

    /**
     * Sum of two results for the same structure (hybrid/overlay).
     *
     * @throws IllegalArgumentException when the two do not refer to the same volume or atom count
     *                                  (results of different structures)
     */
    public Results plus(Results o) {
        if (volume != o.volume || forces.length != o.forces.length) {
            throw new IllegalArgumentException("adding results of different structures (volume " + volume + " vs "
                    + o.volume + " Å³, " + forces.length / 3 + " vs " + o.forces.length / 3 + " atoms)");
        }
        double[] f = forces.clone();
        for (int i = 0; i < f.length; i++) {
            f[i] += o.forces[i];
        }
        double[] w = virial.clone();
        for (int i = 0; i < 6; i++) {
            w[i] += o.virial[i];
        }
        double[] e = null;
        if (energies != null && o.energies != null) {
            e = energies.clone();
            for (int i = 0; i < e.length; i++) {
                e[i] += o.energies[i];
            }
        }
        return new Results(energy + o.energy, f, w, volume, e);
    }
}
