package org.peierls.fit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.Element;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.model.MlPotential;
import org.peierls.potential.Potential;
import org.peierls.potential.SumPotential;
import org.peierls.util.Parallel;
import org.peierls.util.Progress;

/**
 * A fitted (quadratic) SNAP potential: builds the {@link DesignMatrix} of a data set, solves the
 * weighted least-squares problem over the training configurations, and evaluates every training
 * and test configuration (prediction = A·x + reference).
 *
 * <p>Its {@code model.json} (kind "snap" or "qsnap"):</p>
 * <pre>
 *  "descriptor": {"type": "bispectrum", "twojmax": 6, "rcutfac": 4.67637, "rfac0": 0.99363, "rmin0": 0,
 *                 "switchflag": true, "bzeroflag": false, "bnormflag": false,
 *                 "elements": ["Ta"], "radelem": [0.5], "wj": [1.0]},
 *  "coefficients": {"Ta": [β0, β1, …]},          LAMMPS .snapcoeff order, β0 including e0
 * </pre>
 */
public final class SnapFit implements FittedModel {

    private final SnapSettings settings;
    private final FeatureBasis basis;
    private final DesignMatrix design;
    private final Solution solution;
    private final MlPotential model;
    private final Potential potential;
    private final MetricsReport metrics;
    private final List<Prediction> predictions;
    private final double descriptorSeconds;
    private final double solveSeconds;

    private SnapFit(SnapSettings settings, DesignMatrix design, Solution solution, double descriptorSeconds,
                    double solveSeconds) {
        this.settings = settings;
        this.design = design;
        this.solution = solution;
        this.descriptorSeconds = descriptorSeconds;
        this.solveSeconds = solveSeconds;
        this.basis = settings.basis();
        if (basis.columns() != design.columns()) {
            throw new IllegalArgumentException("the design matrix has " + design.columns() + " columns, the SNAP basis "
                    + basis.columns());
        }
        double[] e0 = settings.reference().energies(settings.bispectrum().elements());
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
        long t0 = System.nanoTime();
        DesignMatrix dm = DesignMatrix.build(data, settings.basis(), settings.reference(), progress);
        return solve(dm, settings, (System.nanoTime() - t0) * 1e-9);
    }

    /** Solves an existing design matrix (its data set's roles and weights) with the settings' solver. */
    public static SnapFit solve(DesignMatrix dm, SnapSettings settings) {
        return solve(dm, settings, Double.NaN);
    }

    /**
     * Solves an existing design matrix; {@code descriptorSeconds} is what building it took (NaN:
     * built for another purpose, e.g. cross-validation).
     */
    public static SnapFit solve(DesignMatrix dm, SnapSettings settings, double descriptorSeconds) {
        long t0 = System.nanoTime();
        Solution s = LeastSquares.fit(dm, settings.solver());
        return new SnapFit(settings, dm, s, descriptorSeconds, (System.nanoTime() - t0) * 1e-9);
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

    @Override
    public String kind() {
        return settings.kind();
    }

    /** The fitted model alone (β0 includes the reference element energies). */
    @Override
    public MlPotential model() {
        return model;
    }

    /** Reference potential + model: what predicts the labels. */
    @Override
    public Potential potential() {
        return potential;
    }

    @Override
    public Dataset data() {
        return design.data();
    }

    @Override
    public MetricsReport metrics() {
        return metrics;
    }

    /** Predictions A·x + reference per configuration (null for unused ones). */
    @Override
    public List<Prediction> predictions() {
        return predictions;
    }

    /** LAMMPS {@code .snapcoeff} coefficients of element type t (β0 including e0, β, α). */
    public double[] coefficients(int t) {
        return model.model(t).parameters();
    }

    @Override
    public Map<String, Object> json() {
        BispectrumParameters p = settings.bispectrum();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "bispectrum");
        d.put("twojmax", p.twojmax());
        d.put("rcutfac", p.rcutfac());
        d.put("rfac0", p.rfac0());
        d.put("rmin0", p.rmin0());
        d.put("switchflag", p.switchFlag());
        d.put("bzeroflag", p.bzeroFlag());
        d.put("bnormflag", p.bnormFlag());
        List<String> el = new ArrayList<>();
        for (int z : p.elements()) {
            el.add(Element.symbol(z));
        }
        d.put("elements", el);
        d.put("radelem", p.radelem());
        d.put("wj", p.wj());
        Map<String, Object> c = new LinkedHashMap<>();
        for (int t = 0; t < el.size(); t++) {
            c.put(el.get(t), coefficients(t));
        }
        return ModelStore.document(settings.kind(), d, c, settings.reference(), p.elements());
    }

    @Override
    public Map<String, Object> fitInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("solver", solution.solver());
        info.put("columns", design.columns());
        info.put("rank", solution.rank());
        info.put("condition_number", solution.condition());
        info.put("weighted_residual", solution.residual());
        info.put("descriptor_seconds", descriptorSeconds);
        info.put("solve_seconds", solveSeconds);
        return info;
    }

    @Override
    public Map<String, Object> writeLammps(Path dir, String name, String comment) {
        BispectrumParameters p = settings.bispectrum();
        LammpsExport.write(dir, name, this, String.format(Locale.ROOT, "%s; 2J=%d rcutfac=%s, reference %s, %s", comment,
                p.twojmax(), p.rcutfac(), settings.reference().describe(), solution.solver()));
        Map<String, Object> lammps = new LinkedHashMap<>();
        lammps.put("include", name + ".snap");
        lammps.put("snapcoeff", name + ".snapcoeff");
        lammps.put("snapparam", name + ".snapparam");
        return lammps;
    }

    @Override
    public String summary() {
        String s = String.format(Locale.ROOT, "fit: %s 2J=%d rcutfac=%s, %d columns, rank %d, condition %.3g; descriptors %s s,"
                        + " solve %.2f s (%d threads)", settings.kind(), settings.bispectrum().twojmax(),
                settings.bispectrum().rcutfac(), design.columns(), solution.rank(), solution.condition(),
                Double.isNaN(descriptorSeconds) ? "(from cross-validation)" : String.format(Locale.ROOT, "%.2f", descriptorSeconds),
                solveSeconds, Parallel.threads());
        if (solution.rank() < design.columns()) {
            TriangularSystem sys = LeastSquares.reduce(design, LeastSquares.roleMask(data(), Role.TRAIN),
                    LeastSquares.weightsOf(data()));
            s += "\nwarning: the weighted design matrix has rank " + solution.rank() + " of " + design.columns()
                    + " columns; columns depending on others: "
                    + String.join(", ", QrSolver.dependentColumns(sys, solution.rank()))
                    + " (the SVD solver gives the minimum-norm solution)";
        }
        return s;
    }
}
