package org.peierls.sim.md;

import java.util.Locale;
import org.peierls.atoms.Units;

/**
 * One line of thermodynamic output.
 *
 * @param step           step number
 * @param time           simulated time, ps
 * @param temperature    instantaneous temperature, K
 * @param potential      potential energy, eV
 * @param kinetic        kinetic energy, eV
 * @param total          potential + kinetic, eV
 * @param pressureGpa    instantaneous pressure (kinetic + virial), GPa, positive = compressive
 * @param volume         cell volume, Å³
 * @param conserved      the integrator's conserved quantity, eV
 */
public record Thermo(long step, double time, double temperature, double potential, double kinetic, double total,
                     double pressureGpa, double volume, double conserved) {

    /** The thermodynamic state of {@code s} under {@code integrator}. */
    public static Thermo of(Integrator integrator, MdState s) {
        double ke = s.kineticEnergy();
        return new Thermo(s.step(), s.time(), Kinetics.temperature(ke, integrator.degreesOfFreedom(s.atoms())),
                s.potentialEnergy(), ke, s.potentialEnergy() + ke, s.pressure() * Units.EV_PER_A3_TO_GPA, s.volume(),
                integrator.conservedEnergy(s));
    }

    /** Column header matching {@link #line()}. */
    public static String header() {
        return String.format(Locale.ROOT, "%10s %10s %10s %16s %14s %16s %11s %12s %16s",
                "step", "time_ps", "temp_K", "pe_eV", "ke_eV", "etot_eV", "press_GPa", "volume_A3", "conserved_eV");
    }

    /** The values, aligned under {@link #header()}. */
    public String line() {
        return String.format(Locale.ROOT, "%10d %10.4f %10.3f %16.8f %14.8f %16.8f %11.5f %12.4f %16.8f",
                step, time, temperature, potential, kinetic, total, pressureGpa, volume, conserved);
    }
}
