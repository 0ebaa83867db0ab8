package org.peierls.study;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.peierls.active.Family;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.descriptor.MtpParameters;
import org.peierls.fit.Configuration;
import org.peierls.fit.Dataset;
import org.peierls.fit.DesignMatrix;
import org.peierls.fit.FittedModel;
import org.peierls.fit.Metrics;
import org.peierls.fit.MtpFit;
import org.peierls.fit.MtpSettings;
import org.peierls.fit.Prediction;
import org.peierls.fit.Reference;
import org.peierls.fit.Role;
import org.peierls.fit.SnapFit;
import org.peierls.fit.SnapSettings;
import org.peierls.fit.SvdSolver;
import org.peierls.fit.Weights;
import org.peierls.potential.Potential;
import org.peierls.util.InputException;
import org.peierls.util.Progress;

/**
 * Fits one student on every rung of the ladder. SNAP and quadratic SNAP: the design matrix (the
 * expensive descriptor gradients) is built once for all configurations; each rung only changes
 * which rows are training rows, so the rungs cost one least-squares solve each. MTP: the radial
 * functions are nonlinear parameters, so each rung is a fit of its own (variable projection, see
 * {@link MtpFit}), started from the previous rung's radial functions.
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

    /** The fit settings of a student: SNAP or quadratic SNAP on one element, SVD solver, β0 fitted. */
    public static SnapSettings settings(Experiment.Student s, String element) {
        boolean quadratic = switch (s.model()) {
            case "snap" -> false;
            case "qsnap" -> true;
            default -> throw new InputException("student " + s.name() + ": model '" + s.model() + "' is not SNAP (snap, qsnap, mtp)");
        };
        BispectrumParameters p = new BispectrumParameters(s.rcutfac(), s.twojmax(), 0.99363, 0.0, true, false, false,
                new int[]{Element.number(element)}, new double[]{0.5}, new double[]{1.0});
        return new SnapSettings(p, quadratic, true, Reference.parse(s.reference(), java.util.Map.of()), new SvdSolver(1e-10));
    }

    /**
     * Fits {@code student} on every rung.
     *
     * @param frames  all labelled configurations
     * @param test    held-out mask per frame
     * @param ladder  families in the order they join the training set
     */
    public static List<Rung> fit(Experiment.Student student, String element, List<Frame> frames, boolean[] test,
                                 List<Family> ladder, Experiment.FitWeights w) {
        if (!List.of("snap", "qsnap", "mtp").contains(student.model())) {
            throw new InputException("student " + student.name() + ": unknown model '" + student.model() + "' (snap, qsnap, mtp)");
        }
        List<Configuration> configs = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            configs.add(new Configuration(f.group() + "#" + k, f.structure(), f.labels(), f.group(),
                    test[k] ? Role.TEST : Role.TRAIN, Configuration.ALL_STRESS));
        }
        Dataset all = Dataset.of(configs).withWeights(new Weights(w.energy(), w.force(), w.stress()));
        all.checkLabels();
        if (student.model().equals("mtp")) {
            return fitMtp(student, element, configs, all, test, ladder);
        }
        SnapSettings settings = settings(student, element);
        DesignMatrix dm;
        try (Progress progress = Progress.start(student.name() + " descriptors", configs.size())) {
            dm = DesignMatrix.build(all, settings.basis(), settings.reference(), progress);
        }
        List<Rung> out = new ArrayList<>();
        for (int r = 0; r < ladder.size(); r++) {
            List<Family> in = ladder.subList(0, r + 1);
            Role[] roles = roles(configs, test, in);
            int nTrain = trainCount(roles);
            SnapFit fit = SnapFit.solve(dm.withData(all.withRoles(roles)), settings);
            out.add(rung(student, r, in, fit.potential(), fit.predictions(), FittedModel.json(fit), configs, roles, nTrain));
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

    /** The MTP settings of a student: its level (default 10), 8 radial functions on [1.5 Å, rcutfac]. */
    static MtpSettings mtpSettings(Experiment.Student s, String element, MtpParameters start) {
        int level = s.level() == null ? 10 : s.level();
        return new MtpSettings(new int[]{Element.number(element)}, level, 8, 1.5, s.rcutfac(),
                Reference.parse(s.reference(), java.util.Map.of()), 60, 1e-3, 1e-10, true, start);
    }

    private static List<Rung> fitMtp(Experiment.Student student, String element, List<Configuration> configs, Dataset all,
                                     boolean[] test, List<Family> ladder) {
        List<Rung> out = new ArrayList<>();
        MtpParameters start = null;
        try (Progress progress = Progress.start(student.name() + " MTP fits", ladder.size())) {
            for (int r = 0; r < ladder.size(); r++) {
                List<Family> in = ladder.subList(0, r + 1);
                Role[] roles = roles(configs, test, in);
                int nTrain = trainCount(roles);
                MtpFit fit = MtpFit.run(all.withRoles(roles), mtpSettings(student, element, start), null);
                start = fit.parameters();
                out.add(rung(student, r, in, fit.potential(), fit.predictions(), FittedModel.json(fit), configs, roles, nTrain));
                progress.step();
            }
        }
        return out;
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
