package org.peierls.fit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.descriptor.Bispectrum;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.model.LinearModel;
import org.peierls.model.MlPotential;
import org.peierls.model.Model;
import org.peierls.model.QuadraticModel;
import org.peierls.util.Progress;

/**
 * Linear SNAP (Thompson et al., J. Comput. Phys. 285, 316 (2015)): the bispectrum with a linear
 * model per element, fitted by weighted linear least squares; {@link QuadraticSnapKind} adds the
 * ½B⊗B terms (Wood &amp; Thompson, J. Chem. Phys. 148, 241721 (2018)). Several 2J_max, rcutfac,
 * default weights or ridge penalties are cross-validated: one design matrix per (2J_max, rcutfac),
 * the weights and penalties only change the row weights and the solve. The fit folder gets
 * {@code NAME.snap} with {@code NAME.snapcoeff} / {@code NAME.snapparam} for LAMMPS.
 */
public class SnapKind implements ModelKind<SnapOptions> {

    private final boolean quadratic;

    /** Linear SNAP (for {@code ServiceLoader}). */
    public SnapKind() {
        this(false);
    }

    protected SnapKind(boolean quadratic) {
        this.quadratic = quadratic;
    }

    @Override
    public String name() {
        return quadratic ? "qsnap" : "snap";
    }

    @Override
    public String description() {
        return quadratic ? "quadratic SNAP: bispectrum, linear + ½B⊗B terms (Wood & Thompson 2018)"
                : "linear SNAP: bispectrum, linear model per element (Thompson et al. 2015)";
    }

    @Override
    public List<ModelOption> options() {
        return List.of(
                ModelOption.list("twojmax", "J", "6", "2J_max of the bispectrum (several: cross-validated)"),
                ModelOption.list("rcutfac", "R", "4.67637", "cutoff scale, Å: cutoff = rcutfac·2·radelem (several: cross-validated)"),
                ModelOption.value("rfac0", "X", "0.99363", "θ0 scale"),
                ModelOption.value("rmin0", "R", "0", "inner radius, Å"),
                ModelOption.flag("no_switch", "no smooth cutoff function (switchflag 0)"),
                ModelOption.flag("bzero", "subtract the bispectrum of an isolated atom (bzeroflag 1)"),
                ModelOption.list("radelem", "R", null, "radelem per element (default 0.5 each)"),
                ModelOption.list("wj", "W", null, "neighbor weight per element (default 1 each)"),
                ModelOption.value("solver", "S", "svd", "svd, qr or ridge"),
                ModelOption.value("rcond", "C", "1e-13", "SVD cut-off relative to the largest singular value"),
                ModelOption.list("ridge", "L", "0", "ridge penalty λ (with --solver ridge; several: cross-validated)"));
    }

    /**
     * A study's students: 2J = 6 on a 5 Å cutoff, and an SVD cut-off of 1e-10, which drops the
     * directions a small teacher data set does not determine.
     */
    @Override
    public Map<String, String> studyDefaults() {
        return Map.of("twojmax", "6", "rcutfac", "5.0", "rcond", "1e-10");
    }

    @Override
    public SnapOptions parse(OptionValues v) {
        return new SnapOptions(v.integers("twojmax"), v.numbers("rcutfac"), v.number("rfac0"), v.number("rmin0"),
                !v.flag("no_switch"), v.flag("bzero"), v.text("radelem") == null ? null : v.numbers("radelem"),
                v.text("wj") == null ? null : v.numbers("wj"), v.text("solver"), v.number("rcond"), v.numbers("ridge"));
    }

    /** One cross-validated combination (2J_max, rcutfac, weights, solver) and its held-out score. */
    record Candidate(int twojmax, double rcutfac, Weights weights, Solver solver, Metrics metrics, double score) {
    }

    @Override
    public FitOutcome fit(FitContext c, SnapOptions o) {
        LammpsExport.checkExportable(c.reference()); // the .snap file must hold the reference: say so before fitting
        PrintWriter log = c.log();
        List<Solver> solvers = o.solvers();
        List<Weights> weights = c.weights();
        int combos = o.twojmax().length * o.rcutfac().length * weights.size() * solvers.size();
        int bestJ = o.twojmax()[0];
        double bestR = o.rcutfac()[0];
        Weights bestW = weights.get(0);
        Solver bestS = solvers.get(0);
        DesignMatrix kept = null;
        List<Candidate> candidates = new ArrayList<>();
        CvOptions cv = c.cv();
        if (cv.wanted(combos)) {
            log.printf(Locale.ROOT, "cross-validation: %d-fold over %d combinations, %s%n", cv.k(), combos, cv.describe());
            double best = Double.POSITIVE_INFINITY;
            for (int j : o.twojmax()) {
                for (double rc : o.rcutfac()) {
                    SnapSettings s = o.settings(quadratic, c.species(), j, rc, c.reference(), c.fitBias(), bestS);
                    DesignMatrix dm;
                    try (Progress p = Progress.start("descriptors 2J=" + j + " rcutfac=" + rc, c.data().size())) {
                        dm = DesignMatrix.build(c.data(), s.basis(), c.reference(), p);
                    }
                    for (Weights w : weights) {
                        List<MetricsReport> ms = CrossValidation.reports(dm.withData(c.weighted(w)), cv.k(), cv.seed(), solvers);
                        for (int q = 0; q < solvers.size(); q++) {
                            Metrics m = cv.scored(ms.get(q));
                            double score = cv.score(m);
                            candidates.add(new Candidate(j, rc, w, solvers.get(q), m, score));
                            log.printf(Locale.ROOT, "  2J=%d rcutfac=%.4f weights(E=%g F=%g S=%g) %s: E_mae %.3f meV/atom,"
                                            + " F_mae %.4f eV/Å, S_mae %.3f GPa, score %.4f%n", j, rc, w.energy(), w.force(),
                                    w.stress(), solvers.get(q).describe(), m.energyMae(), m.forceMae(), m.stressMae(), score);
                            if (score < best) {
                                best = score;
                                bestJ = j;
                                bestR = rc;
                                bestW = w;
                                bestS = solvers.get(q);
                                kept = dm;
                            }
                        }
                    }
                }
            }
            log.printf(Locale.ROOT, "best: 2J=%d rcutfac=%.4f weights(E=%g F=%g S=%g) %s%n", bestJ, bestR, bestW.energy(),
                    bestW.force(), bestW.stress(), bestS.describe());
        }
        Dataset data = c.weighted(bestW);
        SnapSettings s = o.settings(quadratic, c.species(), bestJ, bestR, c.reference(), c.fitBias(), bestS);
        SnapFit fit;
        if (kept != null) {
            fit = SnapFit.solve(kept.withData(data), s);
        } else {
            long t0 = System.nanoTime();
            DesignMatrix dm;
            try (Progress p = Progress.start("descriptors", data.size())) {
                dm = DesignMatrix.build(data, s.basis(), c.reference(), p);
            }
            fit = SnapFit.solve(dm, s, (System.nanoTime() - t0) * 1e-9);
        }
        return new FitOutcome(fit, candidates.isEmpty() ? null : cvJson(cv, candidates));
    }

    private static Map<String, Object> cvJson(CvOptions cv, List<Candidate> candidates) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Candidate k : candidates) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("twojmax", k.twojmax());
            m.put("rcutfac", k.rcutfac());
            m.put("weights", k.weights().json());
            m.put("solver", k.solver().describe());
            m.put("metrics", k.metrics().toJson());
            m.put("score", k.score());
            rows.add(m);
        }
        Map<String, Object> root = cv.json();
        root.put("candidates", rows);
        return root;
    }

    /** The descriptor's rows are built once; each fit is one least-squares solve. */
    @Override
    public Session session(FitContext c, SnapOptions o) {
        SnapSettings s = o.settings(quadratic, c.species(), o.twojmax()[0], o.rcutfac()[0], c.reference(), c.fitBias(),
                o.solvers().get(0));
        DesignMatrix dm;
        try (Progress p = Progress.start(name() + " descriptors", c.data().size())) {
            dm = DesignMatrix.build(c.data(), s.basis(), c.reference(), p);
        }
        return data -> SnapFit.solve(dm.withData(data), s);
    }

    @Override
    public MlPotential load(ModelFile f) {
        JsonNode d = f.descriptor();
        if (!"bispectrum".equals(d.path("type").asText())) {
            throw f.error("a " + name() + " model needs descriptor type 'bispectrum', found '" + d.path("type").asText() + "'");
        }
        int[] z = f.elements();
        String[] symbols = f.elementSymbols();
        int nt = z.length;
        double[] rad = new double[nt];
        double[] wj = new double[nt];
        for (int t = 0; t < nt; t++) {
            rad[t] = f.field(d, "radelem").path(t).asDouble(Double.NaN);
            wj[t] = f.field(d, "wj").path(t).asDouble(Double.NaN);
        }
        BispectrumParameters p;
        try {
            p = new BispectrumParameters(f.number(d, "rcutfac"), f.field(d, "twojmax").asInt(), f.number(d, "rfac0"),
                    f.number(d, "rmin0"), d.path("switchflag").asBoolean(true), d.path("bzeroflag").asBoolean(false),
                    d.path("bnormflag").asBoolean(false), z, rad, wj);
        } catch (IllegalArgumentException e) {
            throw f.error("descriptor: " + e.getMessage());
        }
        Bispectrum b = new Bispectrum(p);
        Model[] models = new Model[nt];
        JsonNode coeffs = f.coefficients();
        for (int t = 0; t < nt; t++) {
            double[] v = f.numbersOf(f.field(coeffs, symbols[t]), "the coefficients of " + symbols[t]);
            int need = quadratic ? QuadraticModel.coefficientCount(b.size()) : b.size() + 1;
            if (v.length != need) {
                throw f.error(symbols[t] + " has " + v.length + " coefficients, " + name() + " with twojmax " + p.twojmax()
                        + " needs " + need);
            }
            models[t] = quadratic ? QuadraticModel.fromCoefficients(v) : LinearModel.fromCoefficients(v);
        }
        return new MlPotential(b, models, f.file().toString());
    }
}
