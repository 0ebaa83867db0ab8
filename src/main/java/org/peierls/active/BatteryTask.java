package org.peierls.active;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.properties.BatteryOptions;
import org.peierls.properties.BatteryResult;
import org.peierls.properties.DefectBattery;
import org.peierls.uncertainty.GradedPotential;

/**
 * One property of the defect battery as an active-learning task ({@code battery:ID}, and
 * {@code screw-glide} = the Peierls barrier of a screw dislocation): the battery runs with a
 * potential that grades every force evaluation and, when an atom's γ passes γ_break, remembers
 * the structure and stops the property by throwing. The structures are the battery's own large
 * cells (a dislocation dipole has hundreds of atoms), so what gets labelled are cells carved
 * around their extrapolating atoms ({@link Carving}).
 */
final class BatteryTask {

    /** Thrown out of a force evaluation to stop the property. */
    static final class Halt extends RuntimeException {
        Halt(double gamma) {
            super(String.format(java.util.Locale.ROOT, "stopped: an atom's extrapolation grade reached %.3g", gamma));
        }
    }

    /**
     * @param finished whether the property ran to the end
     * @param values   the property's scalars (when finished)
     * @param halted   the structure γ_break stopped at (null when none)
     * @param seen     structures with γ above γ_select (the last few)
     * @param maxGrade the largest γ of the run
     * @param steps    force evaluations
     * @param path       the Peierls barrier's relaxed band, end states included (empty for other properties)
     * @param coordinate its reaction coordinate (fraction of the path), or null
     * @param profile    its energy per b with the end-state difference removed, or null
     */
    record Outcome(boolean finished, Map<String, Double> values, Structure halted, List<Structure> seen, double maxGrade, long steps,
                   String error, List<Structure> path, double[] coordinate, double[] profile) {

        /** Index of the highest image of the profile, or −1. */
        int saddle() {
            if (profile == null || path.size() != profile.length) {
                return -1;
            }
            int best = 0;
            for (int k = 1; k < profile.length; k++) {
                if (profile[k] > profile[best]) {
                    best = k;
                }
            }
            return best;
        }
    }

    private final String property;
    private final String element;
    private final LatticeType lattice;
    private final double a0;
    private final BatteryOptions options;

    BatteryTask(String property, String element, LatticeType lattice, double a0, boolean quick) {
        this.property = property;
        this.element = element;
        this.lattice = lattice;
        this.a0 = a0;
        this.options = BatteryOptions.defaults(lattice, quick).withProperties(property);
    }

    String property() {
        return property;
    }

    /** Runs the property with {@code potential}, stopping it at γ_break when {@code graded} is not null. */
    Outcome run(Potential potential, GradedPotential graded, double gammaSelect, double gammaBreak) {
        Watching w = new Watching(potential, graded, gammaSelect, gammaBreak);
        BatteryResult r = DefectBattery.run(w, element, lattice, a0, options, null);
        String error = r.errors().get(property);
        boolean finished = w.halted == null && error == null;
        Map<String, Double> values = new LinkedHashMap<>();
        if (finished) {
            r.scalars().forEach((k, v) -> {
                if (property.equals(BatteryResult.propertyOf(k))) {
                    values.put(k, v);
                }
            });
        }
        BatteryResult.Curve prof = r.peierlsProfile();   // kept when the NEB did not converge too
        return new Outcome(finished, values, w.halted, w.seen, w.max, w.steps, error, r.structures("peierls_path"),
                prof == null ? null : prof.x(), prof == null ? null : prof.y());
    }

    /** Grades every evaluation; throws {@link Halt} past γ_break. */
    private static final class Watching implements Potential {
        private final Potential inner;
        private final GradedPotential graded;
        private final double select, stop;
        private final List<Structure> seen = new ArrayList<>();
        private volatile Structure halted;
        private double max = Double.NaN;
        private long steps;

        Watching(Potential inner, GradedPotential graded, double select, double stop) {
            this.inner = inner;
            this.graded = graded;
            this.select = select;
            this.stop = stop;
        }

        @Override
        public double cutoff() {
            return inner.cutoff();
        }

        @Override
        public int[] species() {
            return inner.species();
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public NeighborList.Kind preferredList() {
            return inner.preferredList();
        }

        @Override
        public synchronized Results compute(Structure structure, NeighborList neighbors, Output perAtom) {
            if (halted != null) {
                throw new Halt(max);
            }
            Results r = inner.compute(structure, neighbors, perAtom);
            steps++;
            if (graded == null) {
                return r;
            }
            double g = graded.takeMax();
            if (Double.isNaN(g)) {
                return r;
            }
            max = Double.isNaN(max) ? g : Math.max(max, g);
            if (g > stop) {
                halted = structure;
                throw new Halt(g);
            }
            if (g > select) {
                seen.add(structure);
                if (seen.size() > 6) {
                    seen.remove(0);
                }
            }
            return r;
        }
    }
}
