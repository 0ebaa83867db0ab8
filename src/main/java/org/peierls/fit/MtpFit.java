package org.peierls.fit;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.descriptor.ChebyshevRadialBasis;
import org.peierls.descriptor.DescriptorRows;
import org.peierls.descriptor.MomentTensorBasis;
import org.peierls.descriptor.MtpDescriptor;
import org.peierls.descriptor.MtpParameters;
import org.peierls.model.LinearModel;
import org.peierls.model.MlPotential;
import org.peierls.model.Model;
import org.peierls.model.MtpFile;
import org.peierls.neighbors.NeighborList;
import org.peierls.optim.Bfgs;
import org.peierls.optim.Minimizable;
import org.peierls.optim.Minimization;
import org.peierls.optim.Minimizer;
import org.peierls.optim.StopCriteria;
import org.peierls.optim.Termination;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
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
 * with a backtracking line search ({@link Bfgs}, on the trainer as a {@link Minimizable}) — Golub
 * &amp; Pereyra's variable projection (SIAM J. Numer. Anal. 10, 413 (1973)). By the envelope theorem ∇L(c) = ∂L/∂c at x*(c): the
 * residuals give an energy factor a, per-atom force weights v and a deformation H for every
 * configuration, and {@link MtpDescriptor#radialGradient} returns the exact gradient in one forward
 * tangent and one adjoint-with-tangent pass (checked against finite differences in the tests).</p>
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
public final class MtpFit {

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
    public MlPotential model() {
        return model;
    }

    /** Reference potential + model: what predicts the labels. */
    public Potential potential() {
        return potential;
    }

    public Dataset data() {
        return data;
    }

    /** Predictions of {@link #potential()} per configuration (null for unused ones). */
    public List<Prediction> predictions() {
        return predictions;
    }

    public MetricsReport metrics() {
        return metrics;
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
        Trainer tr = new Trainer(data, settings);
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
     * The design matrix of the training configurations at the starting radial functions (the
     * Chebyshev start, or those of {@link MtpSettings#start()}): what {@link MtpRunner} cross-validates
     * weights on, since the weights change only the row weights, not the matrix.
     */
    static DesignMatrix startDesign(Dataset data, MtpSettings settings) {
        Trainer tr = new Trainer(data, settings);
        return tr.design(new MtpDescriptor(tr.parameters(tr.start())));
    }

    /**
     * The linear step of the fit as a {@link Solver}: the column-scaled ridge
     * λ_c = ridge·s_max²·|A_c|² on the ξ columns of the system it is given (see
     * {@link Trainer#penalties}), so that cross-validation folds are solved as the fit solves.
     */
    static Solver linearSolver(double ridge, DesignColumns columns) {
        return new Solver() {
            @Override
            public Solution solve(TriangularSystem sys) {
                double[] lambda = Trainer.penalties(sys, ridge, columns);
                double[] x = Trainer.solve(sys, lambda);
                return new Solution(x, x.length, null, Double.NaN, describe());
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "column-scaled ridge %.3g", ridge);
            }
        };
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
        private final Trainer trainer;
        private final List<Step> history;
        private final double tolerance;
        private final long t0;
        private final PrintWriter log;
        private final Progress bar;

        /**
         * @param log may be null
         * @param bar stepped once per iteration (may be null)
         */
        Recorder(Trainer trainer, List<Step> history, double tolerance, long t0, PrintWriter log, Progress bar) {
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
            Step s = trainer.step(it, value, t0);
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

    /** Columns s_t (one per element) then ξ_α. */
    record Columns(int[] species, int size) implements DesignColumns {
        @Override
        public int columns() {
            return species.length + size;
        }

        @Override
        public String columnName(int c) {
            return c < species.length ? "s_" + Element.symbol(species[c]) : "ξ" + (c - species.length);
        }

        @Override
        public boolean isBias(int c) {
            return c < species.length;
        }
    }

    /** The caches and the variable-projection loss of one fit. */
    static final class Trainer implements Minimizable {
        final Dataset data;
        final MtpSettings settings;
        final MomentTensorBasis basis;
        final ChebyshevRadialBasis radial;
        final int[] species;
        final int types, size, cols;
        final int[] train;
        final NeighborList[] lists;
        final Results[] reference;
        final int[][] typeCounts;
        final boolean[] include;
        final LeastSquares.RowWeights weights;
        final Columns columns;
        final double[] scale;
        double[] lambda;
        int evaluations;
        double[] lastX;
        double lastEnergyRmse, lastForceRmse;

        Trainer(Dataset data, MtpSettings settings) {
            this.data = data;
            this.settings = settings;
            this.basis = MomentTensorBasis.ofLevel(settings.level());
            this.radial = new ChebyshevRadialBasis(settings.minDist(), settings.maxDist(), settings.radialBasisSize());
            this.species = settings.species();
            this.types = species.length;
            this.size = basis.size();
            this.cols = types + size;
            this.columns = new Columns(species, size);
            this.train = data.indices(Role.TRAIN);
            this.include = LeastSquares.roleMask(data, Role.TRAIN);
            this.weights = LeastSquares.weightsOf(data);
            int nc = data.size();
            lists = new NeighborList[nc];
            reference = new Results[nc];
            typeCounts = new int[nc][];
            int[] map = new int[Element.MAX_Z + 1];
            Arrays.fill(map, -1);
            for (int t = 0; t < types; t++) {
                map[species[t]] = t;
            }
            RuntimeException[] failure = new RuntimeException[1];
            Parallel.forEachChunk(train.length, q -> {
                int k = train[q];
                Configuration c = data.get(k);
                Structure s = c.structure();
                int[] counts = new int[types];
                for (int i = 0; i < s.size(); i++) {
                    int t = map[s.number(i)];
                    if (t < 0) {
                        synchronized (failure) {
                            failure[0] = new InputException(c.name() + ": has " + Element.symbol(s.number(i))
                                    + ", which is not among the MTP's elements");
                        }
                        return;
                    }
                    counts[t]++;
                }
                typeCounts[k] = counts;
                lists[k] = NeighborList.build(s, settings.maxDist(), NeighborList.Kind.FULL);
                reference[k] = settings.reference().evaluate(s);
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            int k = basis.radialFunctions(), r = radial.size();
            scale = new double[types * types * k * r];
            // M_{μ,0} of the initial f_μ = Q_{μ mod R}: its RMS over training atoms sets the scale
            double[] sum = new double[k];
            long atoms = 0;
            double[] q = new double[r], dq = new double[r];
            for (int kk : train) {
                Structure s = data.get(kk).structure();
                NeighborList nl = lists[kk];
                double[] vec = nl.vectorsFor(s);
                int[] off = nl.offsetsArray();
                for (int i = 0; i < s.size(); i++) {
                    double[] m = new double[k];
                    for (int e = off[i]; e < off[i + 1]; e++) {
                        double d = Math.sqrt(vec[3 * e] * vec[3 * e] + vec[3 * e + 1] * vec[3 * e + 1] + vec[3 * e + 2] * vec[3 * e + 2]);
                        if (d >= settings.maxDist() || d < 1e-10) {
                            continue;
                        }
                        radial.evaluate(d, q, dq, 0);
                        for (int mu = 0; mu < k; mu++) {
                            m[mu] += q[mu % r];
                        }
                    }
                    for (int mu = 0; mu < k; mu++) {
                        sum[mu] += m[mu] * m[mu];
                    }
                    atoms++;
                }
            }
            for (int ti = 0; ti < types; ti++) {
                for (int tj = 0; tj < types; tj++) {
                    for (int mu = 0; mu < k; mu++) {
                        double rms = Math.sqrt(sum[mu] / Math.max(1, atoms));
                        double sc = rms > 0 ? 1.0 / rms : 1.0;
                        for (int kk = 0; kk < r; kk++) {
                            scale[((ti * types + tj) * k + mu) * r + kk] = sc;
                        }
                    }
                }
            }
        }

        /**
         * The starting point y (c = y·scale): f_μ = the μ-th Chebyshev function, scaled; with a
         * start in the settings, its radial functions where it has them (same element pair, μ &lt; K').
         */
        @Override
        public int dimension() {
            return scale.length;
        }

        @Override
        public double[] start() {
            int k = basis.radialFunctions(), r = radial.size();
            double[] y = new double[scale.length];
            MtpParameters from = settings.start();
            int[] fromSpecies = from == null ? new int[0] : from.species();
            for (int ti = 0; ti < types; ti++) {
                for (int tj = 0; tj < types; tj++) {
                    int fi = indexOf(fromSpecies, species[ti]), fj = indexOf(fromSpecies, species[tj]);
                    for (int mu = 0; mu < k; mu++) {
                        int o = ((ti * types + tj) * k + mu) * r;
                        if (fi >= 0 && fj >= 0 && mu < from.basis().radialFunctions()) {
                            for (int q = 0; q < r; q++) {
                                y[o + q] = from.radialCoefficients()[from.index(fi, fj, mu, q)] / scale[o + q];
                            }
                        } else {
                            y[o + mu % r] = 1.0;
                        }
                    }
                }
            }
            return y;
        }

        private static int indexOf(int[] a, int v) {
            for (int q = 0; q < a.length; q++) {
                if (a[q] == v) {
                    return q;
                }
            }
            return -1;
        }

        MtpParameters parameters(double[] y) {
            double[] c = new double[y.length];
            for (int q = 0; q < c.length; q++) {
                c[q] = y[q] * scale[q];
            }
            return new MtpParameters(species, basis, radial, c);
        }

        Step step(int iteration, double loss, long t0) {
            return new Step(iteration, loss, lastEnergyRmse, lastForceRmse, (System.nanoTime() - t0) * 1e-9);
        }

        /** The reduced loss L(y) and, when {@code gradient} is not null, ∂L/∂y. */
        @Override
        public double evaluate(double[] y, double[] gradient) {
            evaluations++;
            MtpParameters p = parameters(y);
            MtpDescriptor d = new MtpDescriptor(p);
            DesignMatrix dm = design(d);
            TriangularSystem sys = LeastSquares.reduce(dm, include, weights);
            if (lambda == null) {
                lambda = penalties(sys, settings.ridge(), columns);
            }
            double[] x = solve(sys, lambda);
            lastX = x;
            double loss = sys.residual() * sys.residual();
            double[] rx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double s = -sys.z()[i];
                for (int j = i; j < x.length; j++) {
                    s += sys.r().get(i, j) * x[j];
                }
                loss += s * s + lambda[i] * x[i] * x[i];
            }
            // training RMSEs for the log
            double eSq = 0, fSq = 0;
            long ne = 0, nf = 0;
            for (int k : train) {
                DesignMatrix.Block b = dm.block(k);
                double[] pred = dm.predict(k, x);
                if (b.energy() == 1) {
                    double de = (pred[0] - b.truth()[0]) * 1000;
                    eSq += de * de;
                    ne++;
                }
                for (int r = b.energy(); r < b.energy() + b.forces(); r++) {
                    double df = pred[r] - b.truth()[r];
                    fSq += df * df;
                    nf++;
                }
            }
            lastEnergyRmse = ne > 0 ? Math.sqrt(eSq / ne) : Double.NaN;
            lastForceRmse = nf > 0 ? Math.sqrt(fSq / nf) : Double.NaN;
            if (gradient != null) {
                double[] xi = Arrays.copyOfRange(x, types, x.length);
                double[][] parts = new double[train.length][];
                Parallel.forEachChunk(train.length, q -> {
                    int k = train[q];
                    parts[q] = configurationGradient(k, d, dm, x, xi);
                });
                Arrays.fill(gradient, 0.0);
                for (double[] part : parts) {
                    for (int i = 0; i < gradient.length; i++) {
                        gradient[i] += part[i];
                    }
                }
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] *= scale[i];
                }
            }
            return loss;
        }

        /** The design matrix of the training configurations for descriptor d (other configurations have no rows). */
        DesignMatrix design(MtpDescriptor d) {
            DesignMatrix.Block[] blocks = new DesignMatrix.Block[data.size()];
            Parallel.forEachChunk(train.length, q -> {
                int k = train[q];
                blocks[k] = block(k, d);
            });
            return DesignMatrix.of(data, columns, blocks);
        }

        /** The design block of configuration k: columns s_t (atom counts) then ξ (Σ_i B_i). */
        DesignMatrix.Block block(int k, MtpDescriptor d) {
            Configuration conf = data.get(k);
            Structure s = conf.structure();
            DescriptorRows rows = d.rows(s, lists[k]);
            int n = s.size();
            double[] energy = new double[cols];
            for (int t = 0; t < types; t++) {
                // without a fitted bias the column is zero, so its coefficient solves to 0 and s_t = e0
                energy[t] = settings.fitBias() ? typeCounts[k][t] : 0;
            }
            System.arraycopy(rows.energy(), 0, energy, types, size);
            double[] forces = new double[3 * n * cols];
            for (int row = 0; row < 3 * n; row++) {
                System.arraycopy(rows.forces(), row * size, forces, row * cols + types, size);
            }
            double[] stress = new double[6 * cols];
            double volume = s.cell().volume();
            if (volume > 0) {
                for (int v = 0; v < 6; v++) {
                    for (int a = 0; a < size; a++) {
                        stress[v * cols + types + a] = -rows.virial()[v * size + a] / volume;
                    }
                }
            }
            return DesignMatrix.block(k, conf, new SnapBasis.Rows(energy, forces, stress, typeCounts[k]), cols, reference[k]);
        }

        /** ∂L/∂c of configuration k at the solution x (see the class comment). */
        double[] configurationGradient(int k, MtpDescriptor d, DesignMatrix dm, double[] x, double[] xi) {
            Configuration conf = data.get(k);
            Structure s = conf.structure();
            DesignMatrix.Block b = dm.block(k);
            double[] pred = dm.predict(k, x);
            int n = s.size();
            double a = 0;
            double[] v = null;
            double[] h = null;
            int r = 0;
            if (b.energy() == 1) {
                double w = weights.weight(conf, RowKind.ENERGY, 0);
                a = 2 * w * w * (pred[0] - b.truth()[0]) / n;
                r = 1;
            }
            if (b.forces() > 0) {
                v = new double[3 * n];
                for (int q = 0; q < b.forces(); q++) {
                    double w = weights.weight(conf, RowKind.FORCE, r + q);
                    v[q] = -2 * w * w * (pred[r + q] - b.truth()[r + q]);
                }
                r += b.forces();
            }
            if (b.stress() > 0) {
                h = new double[9];
                double f = Units.EV_PER_A3_TO_GPA / s.cell().volume();
                int[][] voigt = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
                for (int q = 0; q < 6; q++) {
                    double w = weights.weight(conf, RowKind.STRESS, q);
                    double res = pred[r + q] - b.truth()[r + q];
                    // stress row q = (conv/V) Σ_e r_a ∂E/∂r_b: H_ba collects its weight
                    h[voigt[q][1] * 3 + voigt[q][0]] += 2 * w * w * res * f;
                }
            }
            double[] g = new double[scale.length];
            d.radialGradient(s, lists[k], xi, a, v, h, g);
            return g;
        }

        /** Fixed ridge penalties: λ_c = ridge·s_max²·|A_c|² on the ξ columns (scaled-column ridge at the start). */
        static double[] penalties(TriangularSystem sys, double ridge, DesignColumns columns) {
            int n = sys.columns();
            double[] norm = columnNorms(sys.r());
            DMatrixRMaj scaled = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    scaled.set(i, j, norm[j] > 0 ? sys.r().get(i, j) / norm[j] : 0);
                }
            }
            double smax = SvdSolver.decompose(scaled).s()[0];
            double[] lambda = new double[n];
            for (int c = 0; c < n; c++) {
                lambda[c] = columns.isBias(c) ? 0 : ridge * smax * smax * norm[c] * norm[c];
            }
            return lambda;
        }

        static double[] columnNorms(DMatrixRMaj r) {
            int n = r.numCols;
            double[] norm = new double[n];
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int i = 0; i <= j && i < r.numRows; i++) {
                    s += r.get(i, j) * r.get(i, j);
                }
                norm[j] = Math.sqrt(s);
            }
            return norm;
        }

        /**
         * min ‖R·x − z‖² + Σ λ_c x_c² by Householder QR of [R·D⁻¹; diag(√λ_c/D_c)] in the scaled
         * unknowns D·x (D = column norms), so that badly scaled columns cost no accuracy.
         */
        static double[] solve(TriangularSystem sys, double[] lambda) {
            int n = sys.columns();
            double[] norm = columnNorms(sys.r());
            DMatrixRMaj m = new DMatrixRMaj(2 * n, n + 1);
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    m.set(i, j, norm[j] > 0 ? sys.r().get(i, j) / norm[j] : 0);
                }
                m.set(i, n, sys.z()[i]);
                m.set(n + i, i, norm[i] > 0 ? Math.sqrt(lambda[i]) / norm[i] : 0);
            }
            QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(2 * n, n + 1);
            qr.decompose(m);
            DMatrixRMaj rr = qr.getR(null, true);
            double[] y = new double[n];
            double tiny = 1e-14 * Math.abs(rr.get(0, 0));
            for (int i = n - 1; i >= 0; i--) {
                double s = rr.get(i, n);
                for (int j = i + 1; j < n; j++) {
                    s -= rr.get(i, j) * y[j];
                }
                double diag = rr.get(i, i);
                y[i] = Math.abs(diag) <= tiny ? 0 : s / diag;
            }
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = norm[j] > 0 ? y[j] / norm[j] : 0;
            }
            return x;
        }
    }
}
