package org.peierls.fit;

import java.util.List;
import java.util.Map;
import org.peierls.model.MlPotential;

/**
 * A class of machine-learning potential that Peierls fits, saves, loads and exports — SNAP,
 * quadratic SNAP, MTP, and whatever comes next — found by name with {@link ModelKinds}
 * ({@code ServiceLoader}: a new kind is a new class listed in
 * {@code META-INF/services/org.peierls.fit.ModelKind}, no switch to edit). The command line
 * ({@code peierls fit --model NAME}), the teacher–student study and the model loader
 * ({@code --potential DIR}) all go through this interface.
 *
 * @param <O> the kind's options record (its hyper-parameters, independent of the data)
 */
public interface ModelKind<O> {

    /** The name {@code --model} and {@code model.json}'s "kind" take, e.g. "snap". */
    String name();

    /** One line for help texts, e.g. "linear SNAP: bispectrum + linear model (Thompson et al. 2015)". */
    String description();

    /** The kind's own settings (the options common to every fit, data, weights, reference, are not among them). */
    List<ModelOption> options();

    /**
     * Values that a small, fast student of a teacher–student study takes where the experiment
     * gives none (e.g. a lower MTP level than a production fit); empty: the option defaults.
     */
    default Map<String, String> studyDefaults() {
        return Map.of();
    }

    /**
     * The options record from option values.
     *
     * @throws org.peierls.util.InputException naming the option of a bad value
     */
    O parse(OptionValues values);

    /**
     * The complete fit of {@code peierls fit}: chooses by cross-validation on the training
     * configurations what the options and the context leave open (several candidates), fits, and
     * evaluates every training and test configuration.
     */
    FitOutcome fit(FitContext context, O options);

    /**
     * A fitter for several fits of one set of configurations that differ only in their roles and
     * weights (the rungs of a study's ladder; active learning's refits): a kind may keep what does
     * not change (SNAP: the design matrix) or start from the previous fit (MTP: its radial
     * functions). No cross-validation: the context's first weights are used.
     */
    Session session(FitContext context, O options);

    /**
     * The model of a {@code model.json} of this kind, without the reference potential (which the
     * loader overlays).
     *
     * @throws org.peierls.util.InputException for a malformed file, naming the file and the key
     */
    MlPotential load(ModelFile file);

    /** Repeated fits on fixed configurations (see {@link #session}). */
    interface Session {
        /**
         * Fits the training configurations of {@code data} — the session's configurations, in
         * the same order, with their roles and weights of this fit — and evaluates the others.
         */
        FittedModel fit(Dataset data);
    }

    /**
     * What {@link #fit} produced.
     *
     * @param model          the fitted model
     * @param crossValidation the content of {@code cv.json} (null when nothing was cross-validated)
     */
    record FitOutcome(FittedModel model, Map<String, Object> crossValidation) {
    }
}
