package org.peierls.study;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.fit.Configuration;
import org.peierls.fit.Dataset;
import org.peierls.fit.DesignMatrix;
import org.peierls.fit.Metrics;
import org.peierls.fit.Prediction;
import org.peierls.fit.Reference;
import org.peierls.fit.Role;
import org.peierls.fit.SnapFit;
import org.peierls.fit.SnapSettings;
import org.peierls.fit.SvdSolver;
import org.peierls.fit.Weights;
import org.peierls.util.InputException;
import org.peierls.util.Progress;

/**
 * Fits one student on every rung of the ladder. The design matrix (the expensive descriptor
 * gradients) is built once for all configurations; each rung only changes which rows are
 * training rows, so the rungs cost one least-squares solve each.
 */
public final class LadderFit {

    /**
     * One fitted (student, rung).
     *
     * @param student   student name
     * @param rung      index of the rung (0 = first family only)
     * @param families  the families in its training set
     * @param fit       the fit (model, coefficients, predictions)
     * @param train     errors on its training configurations
     * @param test      errors on every held-out configuration, per family (also families it never saw)
     * @param testAll   errors on all held-out configurations
     * @param trainConfigs training configurations used
     */
    public record Rung(String student, int rung, List<Family> families, SnapFit fit, Metrics train,
                       Map<Family, Metrics> test, Metrics testAll, int trainConfigs) {

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
            default -> throw new InputException("student " + s.name() + ": model '" + s.model() + "' is not available yet (snap, qsnap)");
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
        SnapSettings settings = settings(student, element);
        List<Configuration> configs = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            configs.add(new Configuration(f.group() + "#" + k, f.structure(), f.labels(), f.group(),
                    test[k] ? Role.TEST : Role.TRAIN, Configuration.ALL_STRESS));
        }
        Dataset all = Dataset.of(configs).withWeights(new Weights(w.energy(), w.force(), w.stress()));
        all.checkLabels();
        DesignMatrix dm;
        try (Progress progress = Progress.start(student.name() + " descriptors", configs.size())) {
            dm = DesignMatrix.build(all, settings.basis(), settings.reference(), progress);
        }
        List<Rung> out = new ArrayList<>();
        for (int r = 0; r < ladder.size(); r++) {
            List<Family> in = ladder.subList(0, r + 1);
            Role[] roles = new Role[configs.size()];
            int nTrain = 0;
            for (int k = 0; k < roles.length; k++) {
                Family fam = Family.ofGroup(configs.get(k).group());
                roles[k] = test[k] ? Role.TEST : (in.contains(fam) ? Role.TRAIN : Role.UNUSED);
                nTrain += roles[k] == Role.TRAIN ? 1 : 0;
            }
            SnapFit fit = SnapFit.solve(dm.withData(all.withRoles(roles)), settings);
            List<Prediction> pred = fit.predictions();
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
            out.add(new Rung(student.name(), r, List.copyOf(in), fit, train.metrics(), fam, testAll.metrics(), nTrain));
        }
        return out;
    }
}
