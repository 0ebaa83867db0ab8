package org.peierls.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * k-fold cross-validation of a linear fit: the training configurations are split into k folds
 * (within each group, by a seeded shuffle, so every fold samples every group); each fold is
 * predicted by the fit on the other k−1; the metrics pool the held-out predictions of all folds.
 * Reuses one design matrix, so trying weights costs only the solves; other hyper-parameters
 * (twojmax, rcutfac) need a matrix each.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /** Fold of each configuration {@code [size()]}: 0…k−1 for training ones, −1 for the others. */
    public static int[] folds(Dataset d, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        int[] fold = new int[d.size()];
        java.util.Arrays.fill(fold, -1);
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < d.size(); i++) {
            if (d.get(i).role() == Role.TRAIN) {
                byGroup.computeIfAbsent(d.get(i).group(), g -> new ArrayList<>()).add(i);
            }
        }
        int offset = 0;
        for (Map.Entry<String, List<Integer>> e : byGroup.entrySet()) {
            List<Integer> idx = e.getValue();
            int[] order = Dataset.shuffled(idx.size(), seed ^ (e.getKey().hashCode() * 0x9E3779B97F4A7C15L));
            for (int q = 0; q < order.length; q++) {
                fold[idx.get(order[q])] = (q + offset) % k;
            }
            offset += idx.size();
        }
        return fold;
    }

    /** Held-out metrics of k-fold cross-validation over the training configurations of {@code dm.data()}. */
    public static Metrics run(DesignMatrix dm, int k, long seed, Solver solver) {
        return run(dm, k, seed, List.of(solver)).get(0);
    }

    /**
     * Held-out metrics for several solvers (e.g. ridge penalties) at once. Each fold is reduced to
     * its triangle once; the fit without fold f merges the other folds' triangles, so the cost is
     * one pass over the rows plus k small merges, whatever the number of solvers.
     */
    public static List<Metrics> run(DesignMatrix dm, int k, long seed, List<Solver> solvers) {
        List<Metrics> out = new ArrayList<>();
        for (MetricsReport r : reports(dm, k, seed, solvers)) {
            out.add(r.train());
        }
        return out;
    }

    /**
     * Held-out predictions of every training configuration, one report per solver: its
     * {@code train()} metrics (and per-group train metrics) are the cross-validation estimates.
     */
    public static List<MetricsReport> reports(DesignMatrix dm, int k, long seed, List<Solver> solvers) {
        Dataset d = dm.data();
        int[] fold = folds(d, k, seed);
        LeastSquares.RowWeights w = LeastSquares.weightsOf(d);
        List<org.ejml.data.DMatrixRMaj> tri = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            boolean[] in = new boolean[d.size()];
            for (int i = 0; i < in.length; i++) {
                in[i] = fold[i] == f;
            }
            tri.add(LeastSquares.triangle(dm, in, w));
        }
        List<Prediction[]> held = new ArrayList<>();
        for (int s = 0; s < solvers.size(); s++) {
            held.add(new Prediction[d.size()]);
        }
        for (int f = 0; f < k; f++) {
            if (tri.get(f) == null) {
                continue;
            }
            List<org.ejml.data.DMatrixRMaj> others = new ArrayList<>(tri);
            others.set(f, null);
            org.ejml.data.DMatrixRMaj merged = LeastSquares.merge(others);
            if (merged == null) {
                continue;
            }
            TriangularSystem sys = LeastSquares.system(dm, merged);
            for (int s = 0; s < solvers.size(); s++) {
                double[] x = solvers.get(s).solve(sys).coefficients();
                for (int i = 0; i < fold.length; i++) {
                    if (fold[i] == f) {
                        held.get(s)[i] = Prediction.ofRows(dm, i, x);
                    }
                }
            }
        }
        // report over the training configurations only (test ones are not cross-validated)
        Role[] roles = new Role[d.size()];
        for (int i = 0; i < roles.length; i++) {
            roles[i] = fold[i] >= 0 ? Role.TRAIN : Role.UNUSED;
        }
        Dataset onlyTrain = d.withRoles(roles);
        List<MetricsReport> out = new ArrayList<>();
        for (Prediction[] p : held) {
            out.add(MetricsReport.of(onlyTrain, java.util.Arrays.asList(p)));
        }
        return out;
    }
}
