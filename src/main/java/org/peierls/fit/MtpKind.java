package org.peierls.fit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.descriptor.ChebyshevRadialBasis;
import org.peierls.descriptor.MomentTensorBasis;
import org.peierls.descriptor.MtpParameters;
import org.peierls.model.MlPotential;
import org.peierls.model.MtpFile;
import org.peierls.util.InputException;
import org.peierls.util.Progress;

/**
 * Moment tensor potentials (Shapeev, Multiscale Model. Simul. 14, 1153 (2016); MLIP-2's
 * level-based basis and conventions), fitted by variable projection ({@link MtpFit}). Several
 * default weights (or {@code --cv K}) are chosen by k-fold cross-validation of the linear step at
 * the starting radial functions before the radial functions are trained. The fit folder gets
 * {@code NAME.mtp} and {@code NAME.mlip.ini} for MLIP's LAMMPS interface.
 *
 * <p>Its {@code model.json} (kind "mtp"):</p>
 * <pre>
 *  "descriptor": {"type": "moment_tensor", "level": 16, "elements": ["Mo"],
 *                 "radial_basis": "RBChebyshev", "min_dist": 2.0, "max_dist": 5.0, "radial_basis_size": 8,
 *                 "scaling": 1.0, "radial_funcs_count": 4,
 *                 "radial_coeffs": [c…]},                  T·T·K·R numbers, MLIP's order
 *  "coefficients": {"species": {"Mo": s}, "moments": [ξ…]},   eV, s including e0
 * </pre>
 */
public final class MtpKind implements ModelKind<MtpOptions> {

    @Override
    public String name() {
        return "mtp";
    }

    @Override
    public String description() {
        return "moment tensor potential: MLIP-2 level-based basis, radial functions by BFGS (Shapeev 2016)";
    }

    @Override
    public List<ModelOption> options() {
        return List.of(
                ModelOption.value("level", "L", Integer.toString(MtpOptions.DEFAULT_LEVEL), "lev_max of the level-based basis, 2…28"),
                ModelOption.value("radial_basis_size", "R", Integer.toString(MtpOptions.DEFAULT_RADIAL_BASIS_SIZE),
                        "Chebyshev radial functions"),
                ModelOption.value("min_dist", "R", Double.toString(MtpOptions.DEFAULT_MIN_DIST), "inner radius of the radial basis, Å"),
                ModelOption.value("max_dist", "R", Double.toString(MtpOptions.DEFAULT_MAX_DIST), "cutoff, Å")
                        .withAliases("rcutfac"),
                ModelOption.value("max_iter", "N", Integer.toString(MtpOptions.DEFAULT_MAX_ITERATIONS),
                        "BFGS iterations over the radial coefficients (0: linear fit only)"),
                ModelOption.value("tolerance", "T", Double.toString(MtpOptions.DEFAULT_TOLERANCE),
                        "stop when the loss fell by less than this fraction over 10 iterations"),
                ModelOption.value("mtp_ridge", "L", Double.toString(MtpOptions.DEFAULT_RIDGE),
                        "relative ridge penalty on the moment coefficients"),
                ModelOption.value("init", "P", null, "start the radial functions from an MTP (FILE.mtp, or the folder of an"
                        + " MTP fit), e.g. a fit at a lower level or one to continue"));
    }

    /**
     * A study's students: level 10, 8 radial functions on [1.5 Å, 5 Å] (a teacher's configurations
     * come closer than MLIP's default 2 Å), at most 60 iterations per rung (each rung starts from
     * the previous one's radial functions).
     */
    @Override
    public Map<String, String> studyDefaults() {
        return Map.of("level", "10", "min_dist", "1.5", "max_dist", "5.0", "max_iter", "60");
    }

    @Override
    public MtpOptions parse(OptionValues v) {
        return new MtpOptions(v.integer("level"), v.integer("radial_basis_size"), v.number("min_dist"), v.number("max_dist"),
                v.integer("max_iter"), v.number("tolerance"), v.number("mtp_ridge"), v.path("init"));
    }

    @Override
    public FitOutcome fit(FitContext c, MtpOptions o) {
        MtpSettings settings = o.settings(c.species(), c.reference(), c.fitBias());
        Weights chosen = c.weights().get(0);
        Map<String, Object> cv = null;
        if (c.cv().wanted(c.weights().size())) {
            WeightChoice w = crossValidate(c, settings);
            chosen = w.chosen();
            cv = w.json();
        }
        MtpFit fit = MtpFit.run(c.weighted(chosen), settings, c.log());
        return new FitOutcome(fit, cv);
    }

    /** Each fit starts from the radial functions of the previous one (the first from the options' start). */
    @Override
    public Session session(FitContext c, MtpOptions o) {
        MtpSettings first = o.settings(c.species(), c.reference(), c.fitBias());
        return new Session() {
            private MtpParameters start = first.start();

            @Override
            public FittedModel fit(Dataset data) {
                MtpFit fit = MtpFit.run(data, first.withStart(start), null);
                start = fit.parameters();
                return fit;
            }
        };
    }

    /** The weights to train with, and what cv.json records. */
    record WeightChoice(Weights chosen, Map<String, Object> json) {
    }

    /**
     * Chooses the weights by k-fold cross-validation of the linear step at the starting radial
     * functions (those of {@code --init}, or the Chebyshev start): one design matrix, the weights
     * change only the rows' weights. The radial functions are then trained with the chosen weights.
     * With {@code --init} from a fit at a lower level this ranks weights for the functions the fit
     * starts from; from the Chebyshev start it is a cruder guide.
     */
    static WeightChoice crossValidate(FitContext c, MtpSettings settings) {
        CvOptions cv = c.cv();
        PrintWriter log = c.log();
        List<Weights> candidates = c.weights();
        log.printf(Locale.ROOT, "cross-validation: %d-fold over %d weight combinations at the %s radial functions, %s%n",
                cv.k(), candidates.size(), settings.start() != null ? "--init" : "starting", cv.describe());
        // only the training configurations are cross-validated (test ones have no rows here)
        Dataset data = c.data();
        Role[] roles = new Role[data.size()];
        for (int i = 0; i < roles.length; i++) {
            roles[i] = data.get(i).role() == Role.TRAIN ? Role.TRAIN : Role.UNUSED;
        }
        Dataset train = data.withRoles(roles);
        DesignMatrix dm;
        try (Progress p = Progress.start("MTP design matrix for cross-validation", 1)) {
            dm = MtpTrainer.startDesign(train, settings);
            p.step();
        }
        Solver solver = new ColumnScaledRidge(settings.ridge(), dm.columnInfo());
        List<Map<String, Object>> rows = new ArrayList<>();
        Weights best = candidates.get(0);
        double bestScore = Double.POSITIVE_INFINITY;
        for (Weights w : candidates) {
            MetricsReport r = CrossValidation.reports(dm.withData(train.withWeights(w, c.groupWeights())), cv.k(), cv.seed(),
                    List.of(solver)).get(0);
            Metrics m = cv.scored(r);
            double score = cv.score(m);
            log.printf(Locale.ROOT, "  weights(E=%g F=%g S=%g): E_mae %.3f meV/atom, F_mae %.4f eV/Å, S_mae %.3f GPa,"
                    + " score %.4f%n", w.energy(), w.force(), w.stress(), m.energyMae(), m.forceMae(), m.stressMae(), score);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("weights", w.json());
            row.put("metrics", m.toJson());
            row.put("score", score);
            rows.add(row);
            if (score < bestScore) {
                bestScore = score;
                best = w;
            }
        }
        log.printf(Locale.ROOT, "best: weights(E=%g F=%g S=%g)%n", best.energy(), best.force(), best.stress());
        Map<String, Object> root = cv.json();
        root.put("radial_functions", settings.start() != null ? "init" : "chebyshev start");
        root.put("candidates", rows);
        root.put("chosen_weights", best.json());
        return new WeightChoice(best, root);
    }

    @Override
    public MlPotential load(ModelFile f) {
        return mtpFile(f).potential(f.file().toString());
    }

    /**
     * The MTP of a fit folder or model JSON of kind "mtp" (without its reference potential).
     *
     * @throws InputException for a malformed file or another kind of model
     */
    public static MtpFile loadMtp(Path path) {
        ModelFile f = ModelStore.read(path);
        if (!"mtp".equals(f.root().path("kind").asText())) {
            throw f.error("not an MTP model (\"kind\": \"mtp\")");
        }
        return mtpFile(f);
    }

    /** The MTP of a model file of kind "mtp". */
    static MtpFile mtpFile(ModelFile f) {
        JsonNode d = f.descriptor();
        if (!"moment_tensor".equals(d.path("type").asText())) {
            throw f.error("an mtp model needs descriptor type 'moment_tensor', found '" + d.path("type").asText() + "'");
        }
        if (!"RBChebyshev".equals(d.path("radial_basis").asText("RBChebyshev"))) {
            throw f.error("radial basis '" + d.path("radial_basis").asText() + "' is not supported");
        }
        int[] z = f.elements();
        String[] symbols = f.elementSymbols();
        int nt = z.length;
        int level = f.field(d, "level").asInt(-1);
        if (level < 2 || level > MomentTensorBasis.MAX_LEVEL) {
            throw f.error("MTP level must be in 2…" + MomentTensorBasis.MAX_LEVEL + ", got " + level);
        }
        MomentTensorBasis basis = MomentTensorBasis.ofLevel(level);
        int k = f.field(d, "radial_funcs_count").asInt(-1);
        if (k != basis.radialFunctions()) {
            throw f.error("radial_funcs_count " + k + " does not match level " + level + " (" + basis.radialFunctions() + ")");
        }
        MtpParameters p;
        try {
            ChebyshevRadialBasis rb = new ChebyshevRadialBasis(f.number(d, "min_dist"), f.number(d, "max_dist"),
                    f.field(d, "radial_basis_size").asInt(), d.path("scaling").asDouble(1.0));
            p = new MtpParameters(z, basis, rb, f.numbers(d, "radial_coeffs"));
        } catch (IllegalArgumentException e) {
            throw f.error("descriptor: " + e.getMessage());
        }
        JsonNode c = f.coefficients();
        JsonNode sp = f.field(c, "species");
        double[] s = new double[nt];
        for (int t = 0; t < nt; t++) {
            s[t] = f.number(sp, symbols[t]);
        }
        double[] xi = f.numbers(c, "moments");
        if (xi.length != basis.size()) {
            throw f.error(xi.length + " moment coefficients, level " + level + " has " + basis.size() + " basis functions");
        }
        return new MtpFile(MtpFile.defaultName(z, level), z, p, s, xi);
    }
}
