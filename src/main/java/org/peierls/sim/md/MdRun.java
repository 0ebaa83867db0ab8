package org.peierls.sim.md;

import java.util.List;

/**
 * Runs an integrator for a number of steps, calling observers (thermo output, trajectory frames,
 * checkpoints, progress) every so many steps.
 */
public final class MdRun {
    private MdRun() {
    }

    /** Something done with a state. */
    @FunctionalInterface
    public interface Observer {
        void observe(MdState state);
    }

    /**
     * An observer called when the step number is a multiple of {@code interval} (&gt; 0).
     */
    public record Every(long interval, Observer observer) {
        public Every {
            if (interval <= 0) {
                throw new IllegalArgumentException("observer interval must be positive, got " + interval);
            }
        }
    }

    /**
     * Advances {@code start} until its step number reaches {@code lastStep}; observers see the
     * start state too when its step is a multiple of their interval.
     *
     * @return the final state
     */
    public static MdState run(Integrator integrator, MdState start, long lastStep, List<Every> observers) {
        return run(integrator, start, lastStep, observers, s -> false);
    }

    /**
     * As {@link #run(Integrator, MdState, long, List)}, stopping early at the first state (after
     * its observers) for which {@code halt} is true — e.g. when an atom's extrapolation grade
     * passes a threshold.
     *
     * @return the final state (the halting one when the run stopped early)
     */
    public static MdState run(Integrator integrator, MdState start, long lastStep, List<Every> observers,
                              java.util.function.Predicate<MdState> halt) {
        MdState s = start;
        notify(s, observers);
        while (s.step() < lastStep && !halt.test(s)) {
            s = integrator.step(s);
            notify(s, observers);
        }
        return s;
    }

    private static void notify(MdState s, List<Every> observers) {
        for (Every e : observers) {
            if (s.step() % e.interval() == 0) {
                e.observer().observe(s);
            }
        }
    }
}
