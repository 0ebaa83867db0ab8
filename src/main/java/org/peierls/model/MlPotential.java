package org.peierls.model;

import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.Descriptor;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;

/**
 * A machine-learning potential: a {@link Descriptor} and one {@link Model} per element type,
 * E = Σ_i E_{t(i)}(B_i). Forces and virial come from the descriptor's adjoint path with
 * β_i = ∂E_i/∂B_i (no ∂B/∂r is formed).
 */
public final class MlPotential implements Potential {

    private final Descriptor descriptor;
    private final Model[] models;
    private final String name;

    /**
     * @param descriptor the descriptor
     * @param models     one model per descriptor type (order of {@link Descriptor#species()})
     * @param name       a short name for {@link #describe()} (e.g. the coefficient file)
     * @throws IllegalArgumentException when the counts or sizes disagree
     */
    public MlPotential(Descriptor descriptor, Model[] models, String name) {
        int[] species = descriptor.species();
        if (models.length != species.length) {
            throw new IllegalArgumentException("descriptor has " + species.length + " element types but "
                    + models.length + " models were given");
        }
        for (int t = 0; t < models.length; t++) {
            if (models[t].descriptorSize() != descriptor.size()) {
                throw new IllegalArgumentException("descriptor size " + descriptor.size() + " ≠ model input "
                        + models[t].descriptorSize() + " for " + Element.symbol(species[t]));
            }
        }
        this.descriptor = descriptor;
        this.models = models.clone();
        this.name = name;
    }

    public Descriptor descriptor() {
        return descriptor;
    }

    /** The model of type t. */
    public Model model(int t) {
        return models[t];
    }

    /** Number of element types. */
    public int types() {
        return models.length;
    }

    @Override
    public double cutoff() {
        return descriptor.cutoff();
    }

    @Override
    public int[] species() {
        return descriptor.species();
    }

    @Override
    public String describe() {
        String kind = models[0] instanceof QuadraticModel ? "quadratic " : "";
        return kind + descriptor.describe() + (name == null || name.isEmpty() ? "" : " (" + name + ")");
    }

    @Override
    public Results compute(Structure structure, NeighborList neighbors, Output perAtom) {
        int n = structure.size();
        double[] forces = new double[3 * n];
        double[] virial = new double[6];
        double[] energies = new double[n];
        Model[] m = models;
        double e = descriptor.computeAndBackpropagate(structure, neighbors,
                (type, b, off, beta, boff) -> m[type].evaluate(b, off, beta, boff), forces, virial, energies);
        return new Results(e, forces, virial, Results.volumeOf(structure), perAtom == Output.PER_ATOM ? energies : null);
    }
}
