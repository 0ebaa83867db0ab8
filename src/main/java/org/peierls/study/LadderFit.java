package org.peierls.study;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.peierls.active.Family;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.fit.Configuration;
import org.peierls.fit.Dataset;
import org.peierls.fit.FitContext;
import org.peierls.fit.FittedModel;
import org.peierls.fit.Metrics;
import org.peierls.fit.ModelKind;
import org.peierls.fit.Prediction;
import org.peierls.fit.Reference;
import org.peierls.fit.Role;
import org.peierls.fit.Weights;
import org.peierls.potential.Potential;
import org.peierls.util.Progress;

/**
 * Fits one student on every rung of the ladder, through its model kind's session: SNAP and
 * quadratic SNAP build the design matrix (the expensive descriptor gradients) once for all
 * configurations, so each rung costs one least-squares solve; MTP fits each rung (its radial
 * functions are non-linear parameters), started from the previous rung's radial functions.
 */
public final class LadderFit {

    /**
     * One fitted (student, rung).
     *
     * @param student   student name
     * @param rung      index of the rung (0 = first family only)
     * @param families  the families in its training set
     * @param potential the fitted potential (reference included)
     * @param predictions its predictions for every configuration (null for unused ones)
     * @param model     the fitted model as {@code model.json} holds it
     * @param train     errors on its training configurations
     * @param test      errors on every held-out configuration, per family (also families it never saw)
     * @param testAll   errors on all held-out configurations
     * @param trainConfigs training configurations used
     */
    public record Rung(String student, int rung, List<Family> families, Potential potential, List<Prediction> predictions,
                       Map<String, Object> model, Metrics train, Map<Family, Metrics> test, Metrics testAll, int trainConfigs) {

        /** "snap@gsf": the student and the last family of its rung. */
        public String id() {
            return student + "@" + families.get(families.size() - 1).key();
        }
    }

    private LadderFit() {
    }

    /**
     * Fits {@code student} on every rung: one {@link ModelKind.Session} over all configurations, so
     * that a kind keeps what the rungs share (SNAP's design matrix) or starts each rung from the
     * last (MTP's radial functions).
     *
     * @param frames  all labelled configurations
     * @param test    held-out mask per frame
     * @param ladder  families in the order they join the training set
     */
    public static List<Rung> fit(Experiment.Student student, String element, List<Frame> frames, boolean[] test,
                                 List<Family> ladder, Experiment.FitWeights w) {
        List<Configuration> configs = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            configs.add(new Configuration(f.group() + "#" + k, f.structure(), f.labels(), f.group(),
                    test[k] ? Role.TEST : Role.TRAIN, Configuration.ALL_STRESS));
        }
        FitContext context = FitContext.of(Dataset.of(configs), new int[]{Element.number(element)},
                Reference.parse(student.reference(), java.util.Map.of()), new Weights(w.energy(), w.force(), w.stress()));
        Dataset all = context.data();   // the configurations with the study's weights
        all.checkLabels();
        ModelKind.Session session = student.choice().session(context);
        List<Rung> out = new ArrayList<>();
        try (Progress progress = Progress.start(student.name() + " fits", ladder.size())) {
            for (int r = 0; r < ladder.size(); r++) {
                List<Family> in = ladder.subList(0, r + 1);
                Role[] roles = roles(configs, test, in);
                FittedModel fit = session.fit(all.withRoles(roles));
                out.add(rung(student, r, in, fit.potential(), fit.predictions(), fit.json(), configs, roles, trainCount(roles)));
                progress.step();
            }
        }
        return out;
    }

    /** Which configurations train on rung r (families up to r), which test, which sit out. */
    private static Role[] roles(List<Configuration> configs, boolean[] test, List<Family> in) {
        Role[] roles = new Role[configs.size()];
        for (int k = 0; k < roles.length; k++) {
            Family fam = Family.ofGroup(configs.get(k).group());
            roles[k] = test[k] ? Role.TEST : (in.contains(fam) ? Role.TRAIN : Role.UNUSED);
        }
        return roles;
    }

    private static int trainCount(Role[] roles) {
        int n = 0;
        for (Role role : roles) {
            n += role == Role.TRAIN ? 1 : 0;
        }
        return n;
    }

    /** Train and test errors of one fitted rung, per family. */
    private static Rung rung(Experiment.Student student, int r, List<Family> in, Potential potential, List<Prediction> pred,
                             Map<String, Object> model, List<Configuration> configs, Role[] roles, int nTrain) {
        Metrics.Accumulator train = new Metrics.Accumulator();
        Metrics.Accumulator testAll = new Metrics.Accumulator();
        Map<Family, Metrics.Accumulator> perFamily = new EnumMap<>(Family.class);
        for (int k = 0; k < roles.length; k++) {
            if (roles[k] == Role.TRAIN) {
                train.add(configs.get(k), pred.get(k));
            } else if (roles[k] == Role.TEST) {
                testAll.add(configs.get(k), pred.get(k));
                perFamily.computeIfAbsent(Family.ofGroup(configs.get(k).group()), f -> new Metrics.Accumulator())
                        .add(configs.get(k), pred.get(k));
            }
        }
        Map<Family, Metrics> fam = new EnumMap<>(Family.class);
        perFamily.forEach((f, acc) -> fam.put(f, acc.metrics()));
        return new Rung(student.name(), r, List.copyOf(in), potential, pred, model, train.metrics(), fam, testAll.metrics(), nTrain);
    }
}
