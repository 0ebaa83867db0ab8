package org.peierls.fit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.peierls.util.InputException;

/**
 * Everything {@code peierls fit --data …} takes, as a record a user can build in code and hand to
 * {@link FitRunner#run}: what to read, the weights to try, the reference, how candidates are
 * cross-validated, the model kind with its own options, and where to write.
 *
 * @param inputs          data files, test files, elements, weight file, held-out fraction, seed
 * @param weights         candidate default weights (several: cross-validated)
 * @param reference       reference potential spec subtracted before fitting (null: none)
 * @param elementEnergies reference energies per element symbol, eV/atom
 * @param fitBias         fit the per-element constants (else they are the reference energies)
 * @param cv              cross-validation of candidates (folds, objective, average)
 * @param model           the model kind and its options
 * @param output          output folder, base name of the LAMMPS files, plots
 */
public record FitJob(Inputs inputs, WeightGrid weights, String reference, Map<String, Double> elementEnergies, boolean fitBias,
                     CvOptions cv, Choice<?> model, Output output) {

    public FitJob {
        elementEnergies = elementEnergies == null ? Map.of() : Map.copyOf(elementEnergies);
        weights = weights == null ? new WeightGrid(null, null, null) : weights;
        cv = cv == null ? CvOptions.defaults(inputs.seed()) : cv;
        if (model == null || output == null) {
            throw new IllegalArgumentException("a fit job needs a model and an output");
        }
    }

    /**
     * What to read.
     *
     * @param data         training files/folders
     * @param test         test files/folders (may be empty)
     * @param elements     element symbols in type order (null: every element of the data, by Z)
     * @param weightsFile  YAML of per-group weights and test fractions (null: none)
     * @param testFraction fraction of each group held out (NaN: from the weights file, else 0)
     * @param seed         seed of splits and folds
     */
    public record Inputs(List<Path> data, List<Path> test, List<String> elements, Path weightsFile, double testFraction,
                         long seed) {
        public Inputs {
            if (data == null || data.isEmpty()) {
                throw new InputException("--data: give at least one file or folder");
            }
            data = List.copyOf(data);
            test = test == null ? List.of() : List.copyOf(test);
            elements = elements == null || elements.isEmpty() ? null : List.copyOf(elements);
        }

        /** Training files only, the defaults otherwise. */
        public static Inputs of(List<Path> data) {
            return new Inputs(data, List.of(), null, null, Double.NaN, 0);
        }
    }

    /**
     * Candidate default weights: every combination of the three lists is a candidate (energy
     * outermost); a null list takes the weights file's value, else {@link Weights#DEFAULT}'s.
     *
     * @param energy per eV/atom
     * @param force  per eV/Å
     * @param stress per GPa
     */
    public record WeightGrid(double[] energy, double[] force, double[] stress) {

        /** The candidates, given the default weights of the file (or {@link Weights#DEFAULT}). */
        public List<Weights> candidates(Weights base) {
            List<Weights> out = new java.util.ArrayList<>();
            for (double ew : or(energy, base.energy())) {
                for (double fw : or(force, base.force())) {
                    for (double sw : or(stress, base.stress())) {
                        out.add(new Weights(ew, fw, sw));
                    }
                }
            }
            return out;
        }

        private static double[] or(double[] list, double value) {
            return list == null || list.length == 0 ? new double[]{value} : list;
        }
    }

    /**
     * Where the fit goes.
     *
     * @param out   output folder
     * @param name  base name of the LAMMPS files (null: elements + "_" + kind)
     * @param plots write parity plots
     */
    public record Output(Path out, String name, boolean plots) {
    }

    /**
     * A model kind with options of its type.
     *
     * @param kind    the kind
     * @param options its options record
     */
    public record Choice<O>(ModelKind<O> kind, O options) {

        /** The kind's options from option values. */
        public static <O> Choice<O> of(ModelKind<O> kind, OptionValues values) {
            return new Choice<>(kind, kind.parse(values));
        }

        /** Fits (see {@link ModelKind#fit}). */
        public ModelKind.FitOutcome fit(FitContext context) {
            return kind.fit(context, options);
        }

        /** Opens a session (see {@link ModelKind#session}). */
        public ModelKind.Session session(FitContext context) {
            return kind.session(context, options);
        }
    }

    /** "snap", "qsnap", "mtp", …. */
    public String kind() {
        return model.kind().name();
    }
}
