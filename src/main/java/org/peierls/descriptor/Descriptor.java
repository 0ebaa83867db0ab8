package org.peierls.descriptor;

import org.peierls.atoms.Species;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * A per-atom descriptor: maps the neighborhood of each atom i to a row B_i of {@link #size()}
 * numbers, invariant under rotations, translations and permutations of like neighbors.
 *
 * <p>Three ways to use it, after the descriptor/model split of LAMMPS's ML-IAP package:</p>
 * <ul>
 *   <li>{@link #compute}: the rows B {@code [N × size]};</li>
 *   <li>{@link #gradients}: B and every derivative ∂B_i/∂r_j (for fitting: energy rows are sums
 *       of B_i, force rows −Σ_i ∂B_i/∂r_k, virial rows −Σ r ⊗ ∂B/∂r; see {@link DescriptorRows});</li>
 *   <li>{@link #backpropagate} and {@link #computeAndBackpropagate}: the adjoint path of MD. Given
 *       β_i = ∂E/∂B_i it returns forces and virial without ever forming ∂B/∂r.</li>
 * </ul>
 *
 * <p>Neighbor lists follow the {@link org.peierls.potential.Potential} contract: a FULL list
 * built with a cutoff of at least {@link #cutoff()}; pairs beyond the descriptor's own pair
 * cutoffs are skipped; displacements come from the structure's positions.</p>
 */
public interface Descriptor {

    /** Number of components per atom. */
    int size();

    /** The largest pair cutoff, Å. */
    double cutoff();

    /** Atomic numbers of the element types, in type order. */
    int[] species();

    /** One line, e.g. "SNAP bispectrum 2J=6 rcutfac=4.67637". */
    String describe();

    /**
     * Type index of every atom of {@code structure} (0-based, order of {@link #species()}).
     *
     * @throws org.peierls.util.InputException naming the element and this descriptor when an element is missing
     */
    default int[] types(Structure structure) {
        return Species.types(structure, species(), describe());
    }

    /** Descriptor rows B {@code [N × size]}, row-major (B_i at {@code i·size}). */
    double[] compute(Structure structure, NeighborList neighbors);

    /**
     * Adjoint (back-propagation): adds to {@code forces} {@code [3N]} (eV/Å) the forces
     * F_k = −Σ_i β_i·∂B_i/∂r_k and to {@code virial} {@code [6]} (Voigt xx yy zz yz xz xy, eV, LAMMPS
     * sign W = −∂E/∂ε) the virial of the energy E = Σ_i β_i·B_i, with β held fixed.
     *
     * @param beta ∂E/∂B_i {@code [N × size]}, eV per descriptor unit
     */
    void backpropagate(Structure structure, NeighborList neighbors, double[] beta, double[] forces, double[] virial);

    /**
     * The fused MD path: for each atom computes B_i, asks {@code energy} for E_i and β_i and
     * back-propagates at once. Adds to {@code forces} {@code [3N]} and {@code virial} {@code [6]};
     * fills {@code energies} {@code [N]} when it is not null.
     *
     * @return the total energy Σ_i E_i, eV
     */
    default double computeAndBackpropagate(Structure structure, NeighborList neighbors, AtomEnergy energy,
                                           double[] forces, double[] virial, double[] energies) {
        double[] b = compute(structure, neighbors);
        int n = structure.size(), m = size();
        int[] types = types(structure);
        double[] beta = new double[b.length];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double e = energy.evaluate(types[i], b, i * m, beta, i * m);
            if (energies != null) {
                energies[i] = e;
            }
            total += e;
        }
        backpropagate(structure, neighbors, beta, forces, virial);
        return total;
    }

    /** B and its derivatives with respect to every neighbor position. */
    DescriptorGradients gradients(Structure structure, NeighborList neighbors);

    /**
     * The rows a linear fit needs from one structure (per-type summed B, force rows
     * {@code [3N × types·size]}, virial rows {@code [6 × types·size]}).
     */
    default DescriptorRows rows(Structure structure, NeighborList neighbors) {
        return DescriptorRows.of(gradients(structure, neighbors), species().length);
    }

    /**
     * Energy of one atom from its descriptor row: E_i and β_i = ∂E_i/∂B_i (a model). Called from
     * worker threads: implementations must be thread-safe and should not allocate.
     */
    @FunctionalInterface
    interface AtomEnergy {
        /**
         * @param type       type index of the atom
         * @param b          array holding B_i at {@code [offset, offset+size)} (read only)
         * @param beta       array receiving β_i at {@code [betaOffset, betaOffset+size)} (overwritten)
         * @return E_i, eV
         */
        double evaluate(int type, double[] b, int offset, double[] beta, int betaOffset);
    }
}
