package org.peierls.fit;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.Element;
import org.peierls.descriptor.MtpDescriptor;
import org.peierls.descriptor.MtpParameters;
import org.peierls.model.LinearModel;
import org.peierls.model.MlPotential;
import org.peierls.model.Model;
import org.peierls.model.MtpFile;
import org.peierls.optim.Bfgs;
import org.peierls.optim.Minimizable;
import org.peierls.optim.Minimization;
import org.peierls.optim.Minimizer;
import org.peierls.optim.StopCriteria;
import org.peierls.optim.Termination;
import org.peierls.potential.Potential;
import org.peierls.potential.SumPotential;
import org.peierls.util.InputException;
import org.peierls.util.Parallel;
import org.peierls.util.Progress;

/**
 * Fits a moment tensor potential (MLIP's form: E_i = s_{t_i} + Σ_α ξ_α·B_α(i; c)) to energies,
 * forces and stresses with the weights, groups and reference of a {@link Dataset}.
 *
 * <p><b>Training: variable projection.</b> The energy is linear in the per-element energies s and
 * the basis coefficients ξ and non-linear only in the radial coefficients c (T²·K·R numbers, e.g.
 * 4·8 = 32 for one element at level 16). For fixed c the weighted least-squares problem in x = (s,
 * ξ) is solved exactly by the {@link DesignMatrix}/{@link LeastSquares} machinery of the SNAP fit
 * (rows from {@link MtpDescriptor#rows}), plus a tiny fixed ridge on ξ that keeps the solution
 * smooth in c. The reduced loss L(c) = min_x L(c, x) is then minimised over c alone by dense BFGS
 * with a backtracking line search ({@link Bfgs}) — Golub &amp; Pereyra's variable projection (SIAM
 * J. Numer. Anal. 10, 413 (1973)). By the envelope theorem ∇L(c) = ∂L/∂c at x*(c): the residuals
 * give an energy factor a, per-atom force weights v and a deformation H for every configuration,
 * and {@link MtpDescriptor#radialGradient} returns the exact gradient in one forward tangent and
 * one adjoint-with-tangent pass (checked against finite differences in the tests). The reduced
 * loss is an {@link MtpTrainer} (a {@link Minimizable}), its linear step a
 * {@link ColumnScaledRidge}; this class drives the iterations and holds the result.</p>
 *
 * <p><b>Why not BFGS on all parameters (MLIP's way)?</b> The loss is quadratic in x, which
 * outnumbers c by 3–7× (level 16: 92 + T against 32), and the basis functions differ by orders of
 * magnitude in scale (products of up to four moments), so a joint quasi-Newton method spends most
 * of its iterations on the linear part, which one least-squares solve settles exactly and
 * robustly (rank-revealing, column-scaled). What remains is a small problem in c where every
 * iteration already has the best linear coefficients: the loss after the first iteration is that
 * of a converged linear fit. No random initialisation: f_μ starts as the μ-th Chebyshev function
 * scaled so that M_{μ,0} is of order one on the training set, or as the radial functions of an
 * earlier fit ({@link MtpSettings#start()}, e.g. a lower level), so a fit is deterministic (and
 * independent of the thread count). The price is a design matrix (position derivatives of every
 * basis function) per loss evaluation; MLIP's joint BFGS needs only adjoint gradients per
 * iteration but many more iterations.</p>
 *
 * <p>Stops when the loss fell by less than {@link MtpSettings#tolerance()} (relative) over the last
 * 10 iterations, at the iteration limit (reported as not converged, with the best parameters
 * found), or when the line search finds no decrease. A non-finite loss at the start is an
 * {@link InputException}; non-finite trial points only shorten the step.</p>
 */
public final class MtpFit implements FittedModel {

    /**
     * One BFGS iteration.
     *
     * @param iteration         iteration number (0: the initial radial functions)
     * @param loss              weighted squared residual plus ridge term
     * @param energyRmse        training energy RMSE, meV/atom
     * @param forceRmse         training force RMSE, eV/Å
     * @param seconds           wall time since the start
     */
    public record Step(int iteration, double loss, double energyRmse, double forceRmse, double seconds) {
    }

    private final MtpSettings settings;
    private final Dataset data;
    private final MtpParameters parameters;
    private final double[] coefficients;
    private final MlPotential model;
    private final Potential potential;
    private final List<Prediction> predictions;
    private final MetricsReport metrics;
    private final List<Step> history;
    private final int evaluations;
    private final double seconds;
    private final boolean converged;
    private final String stop;

    private MtpFit(MtpSettings settings, Dataset data, MtpParameters parameters, double[] coefficients,
                   List<Step> history, int evaluations, double seconds, boolean converged, String stop,
                   Progress progress) {
        this.converged = converged;
        this.stop = stop;
        this.settings = settings;
        this.data = data;
        this.parameters = parameters;
        this.coefficients = coefficients;
        this.history = List.copyOf(history);
        this.evaluations = evaluations;
        this.seconds = seconds;
        this.model = potential(parameters, coefficients, settings);
        this.potential = settings.reference().potential() == null ? model
                : SumPotential.of(settings.reference().potential(), model);
        this.predictions = Evaluation.predict(potential, data, progress);
        this.metrics = MetricsReport.of(data, predictions);
    }

    /** The MTP of fitted parameters: one linear model per element with bias s_t (+ e0) and the shared ξ. */
    static MlPotential potential(MtpParameters p, double[] x, MtpSettings s) {
        int t = p.types();
        double[] xi = Arrays.copyOfRange(x, t, x.length);
        double[] e0 = s.reference().energies(p.species());
        Model[] models = new Model[t];
        for (int k = 0; k < t; k++) {
            models[k] = new LinearModel(x[k] + e0[k], xi);
        }
        return new MlPotential(new MtpDescriptor(p), models, "mtp");
    }

    public MtpSettings settings() {
        return settings;
    }

    /** The fitted descriptor parameters (radial coefficients c). */
    public MtpParameters parameters() {
        return parameters;
    }

    /** Per-element energies s_t (including e0), eV. */
    public double[] speciesCoefficients() {
        double[] s = new double[parameters.types()];
        for (int t = 0; t < s.length; t++) {
            s[t] = ((LinearModel) model.model(t)).bias();
        }
        return s;
    }

    /** The basis coefficients ξ {@code [size]}, eV. */
    public double[] momentCoefficients() {
        return Arrays.copyOfRange(coefficients, parameters.types(), coefficients.length);
    }

    /** The fitted model as an MLIP-2 {@code .mtp} file (named e.g. {@code peierls_Mo_L16}). */
    public MtpFile mtpFile() {
        return new MtpFile(MtpFile.defaultName(parameters.species(), settings.level()), parameters.species(), parameters,
                speciesCoefficients(), momentCoefficients());
    }

    /** The fitted model alone (s_t includes the reference element energies). */
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
        return data;
    }

    /** Predictions of {@link #potential()} per configuration (null for unused ones). */
    @Override
    public List<Prediction> predictions() {
        return predictions;
    }

    @Override
    public MetricsReport metrics() {
        return metrics;
    }

    @Override
    public String kind() {
        return "mtp";
    }

    /**
     * The model.json document (see {@link MtpKind}): the level-based basis's descriptor with the
     * radial coefficients, and the species and moment coefficients — the numbers of the
     * {@code .mtp} file written beside it.
     */
    @Override
    public Map<String, Object> json() {
        MtpParameters p = parameters;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "moment_tensor");
        d.put("level", p.basis().level());
        List<String> el = new ArrayList<>();
        for (int z : p.species()) {
            el.add(Element.symbol(z));
        }
        d.put("elements", el);
        d.put("radial_basis", "RBChebyshev");
        d.put("min_dist", p.radial().minDist());
        d.put("max_dist", p.radial().maxDist());
        d.put("radial_basis_size", p.radial().size());
        d.put("scaling", p.radial().scaling());
        d.put("radial_funcs_count", p.basis().radialFunctions());
        d.put("radial_coeffs", p.radialCoefficients());
        Map<String, Object> c = new LinkedHashMap<>();
        Map<String, Object> species = new LinkedHashMap<>();
        double[] sc = speciesCoefficients();
        for (int t = 0; t < el.size(); t++) {
            species.put(el.get(t), sc[t]);
        }
        c.put("species", species);
        c.put("moments", momentCoefficients());
        return ModelStore.document("mtp", d, c, settings.reference(), p.species());
    }

    @Override
    public Map<String, Object> fitInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("method", "variable projection: exact weighted least squares for species/moment coefficients,"
                + " BFGS on the radial coefficients");
        info.put("level", settings.level());
        info.put("basis_functions", parameters.basis().size());
        info.put("radial_coefficients", parameters.radialCoefficientCount());
        info.put("ridge", settings.ridge());
        info.put("max_iterations", settings.maxIterations());
        info.put("tolerance", settings.tolerance());
        info.put("iterations", history.size() - 1);
        info.put("loss_evaluations", evaluations);
        info.put("converged", converged);
        info.put("stop", stop);
        info.put("training_seconds", seconds);
        List<Map<String, Object>> hist = new ArrayList<>();
        for (Step st : history) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("iteration", st.iteration());
            m.put("loss", st.loss());
            m.put("energy_rmse_mev_per_atom", st.energyRmse());
            m.put("force_rmse_ev_per_a", st.forceRmse());
            m.put("seconds", st.seconds());
            hist.add(m);
        }
        info.put("history", hist);
        return info;
    }

    /**
     * {@code NAME.mtp} (MLIP-2's format, also loadable as {@code mtp:NAME.mtp}) and
     * {@code NAME.mlip.ini} for MLIP's LAMMPS interface ({@code pair_style mlip}).
     */
    @Override
    public Map<String, Object> writeLammps(java.nio.file.Path dir, String name, String comment) {
        String mtpName = name + ".mtp";
        mtpFile().write(dir.resolve(mtpName));
        String ini = name + ".mlip.ini";
        org.peierls.io.AtomicWrite.text(dir.resolve(ini), w -> w.write("mtp-filename " + mtpName + "\nselect FALSE\n"));
        Map<String, Object> lammps = new LinkedHashMap<>();
        lammps.put("mtp", mtpName);
        lammps.put("mlip_ini", ini);
        lammps.put("pair_style", "mlip " + ini);
        if (settings.reference().potential() != null) {
            lammps.put("note", "the .mtp file holds the MTP alone; add the reference " + settings.reference().spec()
                    + " (e.g. with pair_style hybrid/overlay)");
        }
        return lammps;
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "fit: MTP level %d, %d basis functions + %d species coefficients, %d radial"
                        + " coefficients; %d iterations, %d loss evaluations, %.1f s (%d threads)", settings.level(),
                parameters.basis().size(), parameters.types(), parameters.radialCoefficientCount(), history.size() - 1,
                evaluations, seconds, Parallel.threads());
    }

    /** Loss per BFGS iteration (entry 0: the start). */
    public List<Step> history() {
        return history;
    }

    /** Loss evaluations (design matrix builds) done. */
    public int evaluations() {
        return evaluations;
    }

    /** Whether the loss stopped decreasing by more than the tolerance (or no iterations were asked). */
    public boolean converged() {
        return converged;
    }

    /** Why the iterations stopped, in words. */
    public String stopReason() {
        return stop;
    }

    /** Wall time of the training, s. */
    public double seconds() {
        return seconds;
    }

    // ------------------------------------------------------------------ training

    /**
     * Fits the training configurations of a data set (its roles and weights) and evaluates every
     * training and test configuration.
     *
     * @param log receives one line per iteration (may be null)
     */
    public static MtpFit run(Dataset data, MtpSettings settings, PrintWriter log) {
        data.checkLabels();
        if (data.count(Role.TRAIN) == 0) {
            throw new InputException("no training configurations");
        }
        long t0 = System.nanoTime();
        MtpTrainer tr = new MtpTrainer(data, settings);
        double[] y0 = tr.start();
        if (log != null) {
            log.printf(Locale.ROOT, "MTP level %d: %d basis functions, %d radial coefficients, %d training configurations%n",
                    settings.level(), tr.basis.size(), y0.length, tr.train.length);
            log.flush();
        }
        List<Step> history = new ArrayList<>();
        double[] best = y0;
        String stop;
        boolean converged;
        if (settings.maxIterations() == 0) {
            double l0 = tr.evaluate(y0, null);
            checkFinite(l0);
            new Recorder(tr, history, settings.tolerance(), t0, log, null).record(0, l0);
            stop = "no iterations asked (linear fit of the initial radial functions)";
            converged = true;
        } else {
            Minimization m;
            try (Progress bar = Progress.start("MTP fit (BFGS iterations)", settings.maxIterations())) {
                m = new Bfgs(0.1, 1.0).minimize(tr, StopCriteria.force(0, settings.maxIterations()),
                        new Recorder(tr, history, settings.tolerance(), t0, log, bar));
            } catch (IllegalStateException e) {
                checkFinite(Double.NaN);
                throw e;
            }
            best = m.x();
            converged = m.termination() == Termination.STOPPED || m.termination() == Termination.FORCE_TOLERANCE;
            stop = stopReason(m.termination());
            if (log != null) {
                log.printf(Locale.ROOT, "BFGS: %s after %d iterations, %d loss evaluations%n", stop, m.iterations(),
                        tr.evaluations);
                if (!converged) {
                    double drop = relativeDrop(history);
                    log.printf(Locale.ROOT, "warning: the MTP fit did not converge (%s%s); its parameters are the best"
                            + " found — raise --max-iter, or continue with --init%n", stop, Double.isNaN(drop) ? ""
                            : String.format(Locale.ROOT, "; the loss fell by %.2g%% over the last 10 iterations, tolerance %.2g%%",
                            100 * drop, 100 * settings.tolerance()));
                }
            }
        }
        tr.evaluate(best, null);
        double secs = (System.nanoTime() - t0) * 1e-9;
        MtpParameters p = tr.parameters(best);
        try (Progress progress = Progress.silent()) {
            return new MtpFit(settings, data, p, tr.lastX.clone(), history, tr.evaluations, secs, converged, stop,
                    progress);
        }
    }

    /**
     * Why BFGS stopped, in the words of model.json's "stop": the listener stops it when
     * {@link #converged(List, double)} says so.
     */
    private static String stopReason(Termination t) {
        return switch (t) {
            case STOPPED -> "converged";
            case FORCE_TOLERANCE -> "gradient below tolerance";
            case MAX_ITERATIONS -> "iteration limit reached";
            case LINE_SEARCH_FAILED -> "no further decrease found by the line search";
            default -> t.description();
        };
    }

    /**
     * The BFGS listener: one {@link Step} (and log line) at the start and after every iteration;
     * asks to stop once the loss has converged.
     */
    private static final class Recorder implements Minimizer.Listener {
        private final MtpTrainer trainer;
        private final List<Step> history;
        private final double tolerance;
        private final long t0;
        private final PrintWriter log;
        private final Progress bar;

        /**
         * @param log may be null
         * @param bar stepped once per iteration (may be null)
         */
        Recorder(MtpTrainer trainer, List<Step> history, double tolerance, long t0, PrintWriter log, Progress bar) {
            this.trainer = trainer;
            this.history = history;
            this.tolerance = tolerance;
            this.t0 = t0;
            this.log = log;
            this.bar = bar;
        }

        @Override
        public boolean start(double value, double forceNorm, double[] x) {
            return record(0, value);
        }

        @Override
        public boolean iteration(int iteration, double value, double forceNorm, double[] x) {
            if (bar != null) {
                bar.step();
            }
            return record(iteration, value);
        }

        /** Adds iteration {@code it} at loss {@code value} (the trainer's last evaluation); false once converged. */
        boolean record(int it, double value) {
            Step s = new Step(it, value, trainer.lastEnergyRmse, trainer.lastForceRmse, (System.nanoTime() - t0) * 1e-9);
            history.add(s);
            if (log != null) {
                log.println(format(s));
                log.flush();
            }
            return !converged(history, tolerance);
        }
    }

    /** Whether the loss fell by at most {@code tolerance} (relative) over the last 10 iterations. */
    static boolean converged(List<Step> history, double tolerance) {
        return history.size() > 10 && relativeDrop(history) <= tolerance;
    }

    /** (L_{n−10} − L_n)/L_n over the last 10 iterations (NaN with fewer). */
    static double relativeDrop(List<Step> history) {
        int n = history.size();
        if (n <= 10) {
            return Double.NaN;
        }
        double now = history.get(n - 1).loss();
        return (history.get(n - 11).loss() - now) / now;
    }

    private static void checkFinite(double loss) {
        if (!Double.isFinite(loss)) {
            throw new InputException("MTP fit: the loss is not finite (" + loss + ") for the initial radial functions;"
                    + " check the data for non-finite labels or atoms closer than a few tenths of an Å");
        }
    }

    private static String format(Step s) {
        return String.format(Locale.ROOT, "  iteration %4d: loss %.6e, train E rmse %.3f meV/atom, F rmse %.4f eV/Å (%.0f s)",
                s.iteration(), s.loss(), s.energyRmse(), s.forceRmse(), s.seconds());
    }
}
