package org.peierls.sim.md;

import java.util.Locale;
import org.peierls.atoms.Units;
import org.peierls.potential.Potential;
import org.peierls.sim.ForceField;
import org.peierls.util.InputException;

/**
 * Everything that defines the dynamics of an MD run (the library form of {@code peierls md}'s
 * options).
 *
 * @param ensemble       NVE, NVT or NPT
 * @param thermostat     for NVT: Langevin (BAOAB) or a Nosé–Hoover chain (NPT always uses chains)
 * @param temperature    target temperature, K (NVT/NPT; for NVE only the initial velocities)
 * @param dt             time step, ps
 * @param tdamp          thermostat time (Langevin 1/γ, Nosé–Hoover period), ps
 * @param pdamp          barostat period τ_P, ps
 * @param pressureGpa    target pressure, GPa (positive = compressive)
 * @param coupling       which cell components the barostat moves
 * @param chainLength    Nosé–Hoover chain length
 * @param seed           random seed (initial velocities, Langevin noise)
 * @param skin           neighbor-list skin, Å
 */
public record MdSettings(Ensemble ensemble, Thermostat thermostat, double temperature, double dt, double tdamp, double pdamp,
                         double pressureGpa, MtkBarostat.Coupling coupling, int chainLength, long seed, double skin) {

    public enum Ensemble { NVE, NVT, NPT }

    public enum Thermostat { LANGEVIN, NOSE_HOOVER }

    public MdSettings {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new InputException("--dt must be a positive time step in ps, got " + dt);
        }
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new InputException("--temp must be ≥ 0 K, got " + temperature);
        }
        if (ensemble != Ensemble.NVE && !(temperature > 0)) {
            throw new InputException(ensemble.name().toLowerCase(Locale.ROOT) + " needs a positive --temp");
        }
        if (!(tdamp > 0) || !(pdamp > 0)) {
            throw new InputException("thermostat and barostat times must be positive");
        }
        if (!(skin >= 0)) {
            throw new InputException("neighbor skin must be ≥ 0 Å, got " + skin);
        }
    }

    /**
     * Defaults as LAMMPS recommends: Tdamp = 100 Δt, Pdamp = 1000 Δt, Nosé–Hoover chains of 3,
     * isotropic coupling at 0 GPa, skin 1 Å.
     */
    public static MdSettings of(Ensemble ensemble, double temperature, double dt) {
        return new MdSettings(ensemble, Thermostat.NOSE_HOOVER, temperature, dt, 100 * dt, 1000 * dt, 0.0,
                MtkBarostat.Coupling.ISO, 3, 1, 1.0);
    }

    /** The integrator these settings describe. */
    public Integrator integrator(Potential potential) {
        ForceField ff = new ForceField(potential, skin);
        return switch (ensemble) {
            case NVE -> new VelocityVerlet(ff, dt);
            case NVT -> thermostat == Thermostat.LANGEVIN
                    ? new Langevin(ff, dt, temperature, tdamp, seed)
                    : new NoseHoover(ff, dt, temperature, tdamp, chainLength);
            case NPT -> new MtkBarostat(ff, dt, temperature, pressureGpa / Units.EV_PER_A3_TO_GPA, tdamp, pdamp, chainLength, coupling);
        };
    }
}
