package org.peierls.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.peierls.util.InputException;

/**
 * How candidates (hyper-parameters, weights) are compared: k-fold cross-validation on the
 * training configurations, scored by
 * {@code objective[0]·E_MAE(meV/atom) + objective[1]·F_MAE(eV/Å) + objective[2]·σ_MAE(GPa)}.
 *
 * @param folds        folds (0: 5, and only when there are several candidates)
 * @param objective    weights of the energy, force and stress MAE in the score
 * @param groupAverage score the mean of the groups' held-out MAEs (each group counts once) instead
 *                     of the MAEs pooled over configurations
 * @param seed         seed of the folds
 */
public record CvOptions(int folds, double[] objective, boolean groupAverage, long seed) {

    /** Default objective: 1·E_MAE + 100·F_MAE. */
    public static final double[] DEFAULT_OBJECTIVE = {1, 100, 0};

    public CvOptions {
        if (folds < 0 || folds == 1) {
            // checked here, before any descriptor is computed (CrossValidation.folds would say so only then)
            throw new InputException("--cv needs at least 2 folds (0: only with several candidates), got " + folds);
        }
        objective = objective == null ? DEFAULT_OBJECTIVE.clone() : objective.clone();
        if (objective.length != 3) {
            throw new InputException("the cross-validation objective needs 3 weights (energy, force, stress)");
        }
    }

    /** No folds asked: cross-validation only when there are several candidates. */
    public static CvOptions defaults(long seed) {
        return new CvOptions(0, null, false, seed);
    }

    /** Whether to cross-validate {@code candidates} combinations. */
    public boolean wanted(int candidates) {
        return candidates > 1 || folds > 0;
    }

    /** The number of folds used. */
    public int k() {
        return folds > 0 ? folds : 5;
    }

    @Override
    public double[] objective() {
        return objective.clone();
    }

    /** The score of held-out metrics (lower is better); NaN errors count 0. */
    public double score(Metrics m) {
        double s = 0;
        double[] v = {m.energyMae(), m.forceMae(), m.stressMae()};
        for (int k = 0; k < 3; k++) {
            if (objective[k] != 0) {
                s += objective[k] * (Double.isNaN(v[k]) ? 0 : v[k]);
            }
        }
        return s;
    }

    /** The held-out metrics the score is taken of: pooled, or the mean over groups. */
    public Metrics scored(MetricsReport r) {
        return groupAverage ? r.trainGroupAverage() : r.train();
    }

    /** "score 1·E_mae + 100·F_mae + 0·S_mae (pooled over configurations)". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "score %g·E_mae + %g·F_mae + %g·S_mae %s", objective[0], objective[1],
                objective[2], groupAverage ? "(means over groups)" : "(pooled over configurations)");
    }

    /** The header of cv.json: folds, objective, average. */
    public Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("folds", k());
        root.put("objective", Map.of("energy_per_mev_per_atom", objective[0], "force_per_ev_per_a", objective[1],
                "stress_per_gpa", objective[2]));
        root.put("average", groupAverage ? "groups" : "configs");
        return root;
    }
}
