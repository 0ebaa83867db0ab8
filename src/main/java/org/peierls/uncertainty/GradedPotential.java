package org.peierls.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.DoubleAccumulator;
import org.peierls.atoms.Structure;
import org.peierls.model.MlPotential;
import org.peierls.model.Model;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.potential.SumPotential;

/**
 * A fitted potential that grades its atoms while it computes them: every per-atom model call of
 * the force path already holds the atom's descriptor B_i, so γ_i = max_k |(G [1, B_i])_k| costs
 * one small matrix–vector product there instead of a second descriptor pass. The largest γ since
 * the last {@link #takeMax} is kept (thread-safe: the force path is parallel over atoms). Energies
 * and forces are those of the wrapped potential, bit for bit.
 */
public final class GradedPotential implements Potential {

    private final Potential inner;
    private final DoubleAccumulator max = new DoubleAccumulator(Math::max, Double.NEGATIVE_INFINITY);

    GradedPotential(Potential potential, ActiveSet[] active) {
        this.inner = wrap(potential, active);
    }

    private Potential wrap(Potential p, ActiveSet[] active) {
        if (p instanceof MlPotential ml) {
            Model[] models = new Model[ml.types()];
            for (int t = 0; t < models.length; t++) {
                models[t] = new Graded(ml.model(t), active[t]);
            }
            return new MlPotential(ml.descriptor(), models, null);
        }
        if (p instanceof SumPotential s) {
            List<Potential> parts = new ArrayList<>();
            for (Potential q : s.parts()) {
                parts.add(wrap(q, active));
            }
            return new SumPotential(parts);
        }
        return p;
    }

    /** The largest γ of the atoms computed since the last call (NaN when none), and resets it. */
    public double takeMax() {
        double m = max.getThenReset();
        return m == Double.NEGATIVE_INFINITY ? Double.NaN : m;
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
        return inner.describe() + ", graded";
    }

    @Override
    public NeighborList.Kind preferredList() {
        return inner.preferredList();
    }

    @Override
    public Results compute(Structure structure, NeighborList neighbors, Output perAtom) {
        return inner.compute(structure, neighbors, perAtom);
    }

    /** A model that also grades the descriptor it is evaluated on. */
    private final class Graded implements Model {
        private final Model model;
        private final ActiveSet active;

        Graded(Model model, ActiveSet active) {
            this.model = model;
            this.active = active;
        }

        @Override
        public int descriptorSize() {
            return model.descriptorSize();
        }

        @Override
        public int parameterCount() {
            return model.parameterCount();
        }

        @Override
        public double evaluate(double[] b, int offset, double[] beta, int betaOffset) {
            if (active != null) {
                max.accumulate(active.gradeOfDescriptor(b, offset));
            }
            return model.evaluate(b, offset, beta, betaOffset);
        }

        @Override
        public double[] parameters() {
            return model.parameters();
        }

        @Override
        public double parameterGradient(double[] b, int offset, double[] gradient, int gradientOffset) {
            return model.parameterGradient(b, offset, gradient, gradientOffset);
        }

        @Override
        public double variance(double[] b, int offset) {
            return model.variance(b, offset);
        }

        @Override
        public boolean hasVariance() {
            return model.hasVariance();
        }
    }
}
