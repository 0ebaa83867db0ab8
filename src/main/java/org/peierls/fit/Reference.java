package org.peierls.fit;

import java.util.Map;
import java.util.TreeMap;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.Results;

/**
 * What is subtracted from the labels before fitting and added back to predictions: an optional
 * reference potential (e.g. ZBL repulsion for SNAP, FitSNAP's {@code [REFERENCE]}) and per-element
 * reference energies e0 (eV/atom; FitSNAP's {@code [ESHIFT]} with the opposite sign). The fitted
 * model then describes E − E_ref − Σ_i e0(Z_i); the energies e0 end up in the β0 of the written model.
 *
 * @param spec           the potential spec ({@link PotentialSpecs}) of the reference potential, or
 *                       null when there is none; stored with a fitted model to rebuild it
 * @param potential      the reference potential, or null
 * @param elementEnergy  e0 per atomic number, eV (absent elements: 0)
 */
public record Reference(String spec, Potential potential, Map<Integer, Double> elementEnergy) {

    /** Nothing subtracted. */
    public static final Reference NONE = new Reference(null, null, Map.of());

    public Reference {
        elementEnergy = Map.copyOf(elementEnergy == null ? Map.of() : elementEnergy);
        if ((spec == null) != (potential == null)) {
            throw new IllegalArgumentException("a reference potential needs its spec and the spec its potential");
        }
    }

    /** The reference potential of a spec (e.g. "zbl:4.0,4.8"; null or blank: none) and element energies. */
    public static Reference parse(String spec, Map<Integer, Double> elementEnergy) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return new Reference(null, null, elementEnergy);
        }
        return new Reference(spec.trim(), PotentialSpecs.parse(spec.trim()), elementEnergy);
    }

    /** Reference energy of element Z, eV. */
    public double energyOf(int z) {
        return elementEnergy.getOrDefault(z, 0.0);
    }

    /** e0 per type for these elements. */
    public double[] energies(int[] elements) {
        double[] e = new double[elements.length];
        for (int t = 0; t < e.length; t++) {
            e[t] = energyOf(elements[t]);
        }
        return e;
    }

    /** e.g. "zbl:4.0,4.8 + e0(Ta=-11.85)". */
    public String describe() {
        StringBuilder sb = new StringBuilder(potential == null ? "none" : spec);
        if (elementEnergy.values().stream().anyMatch(v -> v != 0)) {
            sb.append(" + e0(");
            boolean first = true;
            for (Map.Entry<Integer, Double> e : new TreeMap<>(elementEnergy).entrySet()) {
                sb.append(first ? "" : ",").append(Element.symbol(e.getKey())).append('=').append(e.getValue());
                first = false;
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /**
     * Energy (eV), forces (eV/Å) and virial (eV, LAMMPS sign) of the reference for a structure:
     * the potential's results plus Σ_i e0(Z_i) in the energy.
     */
    public Results evaluate(Structure s) {
        int n = s.size();
        Results r;
        if (potential != null) {
            r = potential.compute(s, NeighborList.build(s, potential.cutoff(), potential.preferredList()),
                    Potential.Output.TOTALS);
        } else {
            r = new Results(0, new double[3 * n], new double[6], Results.volumeOf(s), null);
        }
        double e0 = 0;
        if (!elementEnergy.isEmpty()) {
            for (int i = 0; i < n; i++) {
                e0 += energyOf(s.number(i));
            }
        }
        return e0 == 0 ? r : new Results(r.energy() + e0, r.forces(), r.virial(), r.volume(), null);
    }
}
