package org.peierls.fit;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * What every fit shares, whatever the {@link ModelKind}: the data (roles and weights applied),
 * the element types, the reference subtracted, whether per-element constants are fitted, the
 * weight candidates and how candidates are cross-validated, and a log.
 *
 * @param data         the configurations, with roles (train, test, unused) and the first
 *                     candidate's weights
 * @param species      atomic numbers of the element types, in type order
 * @param reference    reference potential and element energies subtracted before fitting
 * @param fitBias      fit the per-element constants (else they are the reference energies)
 * @param weights      default-weight candidates (at least one; several: cross-validated)
 * @param groupWeights per-group weights that override every candidate's default
 * @param cv           how candidates are compared
 * @param log          progress and result lines
 */
public record FitContext(Dataset data, int[] species, Reference reference, boolean fitBias, List<Weights> weights,
                         Map<String, Weights> groupWeights, CvOptions cv, PrintWriter log) {

    public FitContext {
        if (weights == null || weights.isEmpty()) {
            throw new IllegalArgumentException("a fit needs at least one weight candidate");
        }
        species = species.clone();
        weights = List.copyOf(weights);
        groupWeights = Map.copyOf(groupWeights == null ? Map.of() : groupWeights);
        reference = reference == null ? Reference.NONE : reference;
        log = log == null ? new PrintWriter(Writer.nullWriter()) : log;
    }

    /**
     * A context for repeated fits of fixed settings (a study's ladder): one weight, no
     * cross-validation, no log.
     */
    public static FitContext of(Dataset data, int[] species, Reference reference, Weights weights) {
        return new FitContext(data.withWeights(weights), species, reference, true, List.of(weights), Map.of(),
                CvOptions.defaults(0), null);
    }

    @Override
    public int[] species() {
        return species.clone();
    }

    /** The data with the weights of a candidate (and the group weights). */
    public Dataset weighted(Weights w) {
        return data.withWeights(w, groupWeights);
    }
}
