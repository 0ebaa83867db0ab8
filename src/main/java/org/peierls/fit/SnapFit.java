package org.peierls.fit;

import java.util.ArrayList;
import java.util.List;
import org.peierls.model.MlPotential;
import org.peierls.potential.Potential;
import org.peierls.potential.SumPotential;
import org.peierls.util.Progress;

/**
 * A fitted (quadratic) SNAP potential: builds the {@link DesignMatrix} of a data set, solves the
 * weighted least-squares problem over the training configurations, and evaluates every training
 * and test configuration (prediction = A·x + reference).
 */
public final class SnapFit {

    private final SnapSettings settings;
    private final DesignMatrix design;
    private final Solution solution;
    private final MlPotential model;
    private final Potential potential;
    private final MetricsReport metrics;
    private final List<Prediction> predictions;

    private SnapFit(SnapSettings settings, DesignMatrix design, Solution solution) {
        this.settings = settings;
        this.design = design;
        this.solution = solution;
        SnapBasis basis = design.basis();
        double[] e0 = settings.reference().energies(basis.parameters().elements());
        this.model = basis.potential(solution.coefficients(), e0, settings.kind());
        this.potential = settings.reference().potential() == null ? model
                : SumPotential.of(settings.reference().potential(), model);
        List<Prediction> p = new ArrayList<>();
        for (int k = 0; k < design.configurations(); k++) {
            p.add(design.block(k) == null ? null : Prediction.ofRows(design, k, solution.coefficients()));
        }
        this.predictions = p;
        this.metrics = MetricsReport.of(design.data(), p);
    }

    /**
     * Fits a data set: checks its labels, builds the design matrix (progress per configuration),
     * solves over the training configurations.
     */
    public static SnapFit run(Dataset data, SnapSettings settings, Progress progress) {
        data.checkLabels();
        if (data.count(Role.TRAIN) == 0) {
            throw new org.peierls.util.InputException("no training configurations");
        }
        DesignMatrix dm = DesignMatrix.build(data, settings.basis(), settings.reference(), progress);
        return solve(dm, settings);
    }

    /** Solves an existing design matrix (its data set's roles and weights) with the settings' solver. */
    public static SnapFit solve(DesignMatrix dm, SnapSettings settings) {
        Solution s = LeastSquares.fit(dm, settings.solver());
        return new SnapFit(settings, dm, s);
    }

    public SnapSettings settings() {
        return settings;
    }

    public DesignMatrix design() {
        return design;
    }

    public Solution solution() {
        return solution;
    }

    /** The fitted model alone (β0 includes the reference element energies). */
    public MlPotential model() {
        return model;
    }

    /** Reference potential + model: what predicts the labels. */
    public Potential potential() {
        return potential;
    }

    public MetricsReport metrics() {
        return metrics;
    }

    /** Predictions A·x + reference per configuration (null for unused ones). */
    public List<Prediction> predictions() {
        return predictions;
    }

    /** LAMMPS {@code .snapcoeff} coefficients of element type t (β0 including e0, β, α). */
    public double[] coefficients(int t) {
        return model.model(t).coefficients();
    }
}
