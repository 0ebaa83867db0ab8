package org.peierls.active;

import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Structure;
import org.peierls.potential.Potential;
import org.peierls.sim.md.Integrator;
import org.peierls.sim.md.Kinetics;
import org.peierls.sim.md.MdSettings;
import org.peierls.sim.md.MdState;
import org.peierls.sim.md.MtkBarostat;

/**
 * The MD of an active-learning run ({@code --task md}): Langevin NVT of a defect cell (a vacancy
 * in the task's supercell) at a temperature, for a number of steps. Every step reports to a
 * {@link VacancyHop.Watch}, which may stop it; the run keeps its last safe state (the latest
 * snapshot, every {@value #SAFE_EVERY} steps, taken while the watch was content) and a stopped run
 * resumes from there with the refitted model. The thermostat's noise is seeded by the step a
 * segment starts from, so a rerun of the same segments retraces the same trajectory.
 */
final class MdTask {

    static final int SAFE_EVERY = 10;
    static final double DT = 0.002;
    static final double DAMP = 0.1;

    /** Where the run stands: finished, or stopped at {@code step} with the structures that stopped it. */
    record Outcome(boolean finished, long step, List<Structure> last) {
    }

    private final double temperature;
    private final long steps;
    private final long seed;
    private final Structure initial;
    private Structure safe;
    private long safeStep;

    MdTask(Structure start, double temperature, long steps, long seed) {
        this.temperature = temperature;
        this.steps = steps;
        this.seed = seed;
        this.initial = Kinetics.maxwellBoltzmann(start, temperature, seed);
        this.safe = initial;
        this.safeStep = 0;
    }

    /** Back to step 0 (a run that finished with candidates is checked again from the start with the refitted model). */
    void rewind() {
        safe = initial;
        safeStep = 0;
    }

    long steps() {
        return steps;
    }

    /** The step the next {@link #run} starts from. */
    long safeStep() {
        return safeStep;
    }

    /** Runs from the last safe state to the end or until the watch says stop; {@code calm}: the last step's γ was below γ_select. */
    Outcome run(Potential potential, VacancyHop.Watch watch, java.util.function.BooleanSupplier calm) {
        MdSettings settings = new MdSettings(MdSettings.Ensemble.NVT, MdSettings.Thermostat.LANGEVIN, temperature, DT, DAMP, 1.0, 0.0,
                MtkBarostat.Coupling.ISO, 3, seed + 7919 * safeStep, 1.0);
        Integrator integrator = settings.integrator(potential);
        MdState st = integrator.init(safe);
        long from = safeStep;
        for (long k = from + 1; k <= steps; k++) {
            st = integrator.step(st);
            MdState now = st;
            if (!watch.check("md", (int) k, () -> List.of(now.structure().withVelocities(null)))) {
                return new Outcome(false, k, new ArrayList<>(List.of(st.structure().withVelocities(null))));
            }
            if (k % SAFE_EVERY == 0 && calm.getAsBoolean()) {
                safe = st.structure();
                safeStep = k;
            }
        }
        return new Outcome(true, steps, List.of(st.structure().withVelocities(null)));
    }
}
