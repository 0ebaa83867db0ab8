package org.peierls.study;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.peierls.potential.Potential;
import org.peierls.properties.BatteryOptions;
import org.peierls.properties.BatteryResult;
import org.peierls.properties.DefectBattery;
import org.peierls.properties.BatteryProperty;

/**
 * The defect battery of a study: the experiment's properties, computed with the same cells and
 * settings for the teacher and every student, so that every difference in the report is the
 * potential's. A quick study uses the battery's tiny preset, a full one its quick preset (a dozen
 * students at ~10 µs/atom-step must fit in the 15-minute budget of {@code peierls run}).
 *
 * <p>Students fitted to a few families extrapolate wildly elsewhere; the battery records what fails
 * (NaN and a one-line reason per property) and carries on, and every property has a wall-clock limit.</p>
 */
public final class StudyBattery implements Study.Battery {

    private final Experiment experiment;
    private final double a0;
    private final BatteryOptions options;
    private final Consumer<String> log;

    /**
     * @param experiment the study
     * @param a0         the teacher's lattice constant, Å (the starting guess of every model's own)
     * @param log        receives one line per property
     */
    public StudyBattery(Experiment experiment, double a0, Consumer<String> log) {
        this.experiment = experiment;
        this.a0 = a0;
        this.log = log;
        BatteryOptions base = experiment.quick() ? BatteryOptions.tiny(experiment.latticeType())
                : BatteryOptions.defaults(experiment.latticeType(), true);
        this.options = base.withProperties(experiment.properties()).withTimeLimit(experiment.quick() ? 15 : 60);
    }

    /** The settings every model gets. */
    public BatteryOptions options() {
        return options;
    }

    @Override
    public BatteryResult run(Potential potential, String modelId, Path plots) {
        return DefectBattery.run(potential, experiment.element(), experiment.latticeType(), a0, options, plots, new DefectBattery.Listener() {
            @Override
            public void finished(BatteryProperty<?> property, int index, int count, double seconds, String error) {
                log.accept(String.format(java.util.Locale.ROOT, "  %-12s %-14s %5.1f s%s", modelId, property.id(), seconds,
                        error == null ? "" : "  failed: " + error));
            }
        });
    }
}
