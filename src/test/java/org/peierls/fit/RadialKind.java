package org.peierls.fit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.Element;
import org.peierls.descriptor.RadialShells;
import org.peierls.model.MlPotential;
import org.peierls.model.Model;
import org.peierls.model.LinearModel;
import org.peierls.potential.Potential;
import org.peierls.potential.SumPotential;
import org.peierls.util.InputException;
import org.peierls.util.Progress;

/**
 * A model kind written in the test tree only (listed in the test resources'
 * {@code META-INF/services/org.peierls.fit.ModelKind}), to show that a new kind needs no edit of
 * Peierls's code: a linear model on {@link RadialShells}, fitted by least squares through
 * {@link FeatureBasis} and {@link DesignMatrix} — {@code peierls fit --model radial}, its options
 * in {@code --help}, model.json loaded back as {@code --potential DIR}, a student of a study.
 */
public final class RadialKind implements ModelKind<RadialKind.Options> {

    /** @param shells K, @param rc cutoff Å, @param rmin first shell Å, @param eta width Å⁻² */
    public record Options(int shells, double rc, double rmin, double eta) {
        public Options {
            if (shells < 1 || shells > 40 || !(rc > rmin) || !(eta > 0)) {
                throw new InputException("radial: need 1 ≤ shells ≤ 40, rmin < rc, eta > 0");
            }
        }
    }

    @Override
    public String name() {
        return "radial";
    }

    @Override
    public String description() {
        return "test kind: linear model on radial symmetry functions";
    }

    @Override
    public List<ModelOption> options() {
        return List.of(ModelOption.value("shells", "K", "6", "number of radial shells"),
                ModelOption.value("shell_cutoff", "R", "4.8", "cutoff of the shells, Å").withAliases("rcutfac"),
                ModelOption.value("shell_min", "R", "1.5", "first shell, Å"),
                ModelOption.value("shell_eta", "E", "1.0", "shell width η, Å⁻²"));
    }

    @Override
    public Options parse(OptionValues v) {
        return new Options(v.integer("shells"), v.number("shell_cutoff"), v.number("shell_min"), v.number("shell_eta"));
    }

    private static FeatureBasis basis(FitContext c, Options o) {
        RadialShells d = new RadialShells(c.species(), o.shells(), o.rc(), o.rmin(), o.eta());
        return new FeatureBasis(d, FeatureMap.linear(d.size()), c.fitBias());
    }

    @Override
    public FitOutcome fit(FitContext c, Options o) {
        return new FitOutcome(session(c, o).fit(c.data()), null);
    }

    @Override
    public Session session(FitContext c, Options o) {
        FeatureBasis basis = basis(c, o);
        DesignMatrix dm = DesignMatrix.build(c.data(), basis, c.reference(), Progress.silent());
        return data -> new Fitted(basis, dm.withData(data), c.reference(), o);
    }

    @Override
    public MlPotential load(ModelFile f) {
        JsonNode d = f.descriptor();
        int[] z = f.elements();
        RadialShells shells = new RadialShells(z, f.integer(d, "shells"), f.number(d, "rc"), f.number(d, "rmin"), f.number(d, "eta"));
        Model[] models = new Model[z.length];
        String[] symbols = f.elementSymbols();
        for (int t = 0; t < z.length; t++) {
            models[t] = LinearModel.fromCoefficients(f.numbers(f.coefficients(), symbols[t]));
        }
        return new MlPotential(shells, models, f.file().toString());
    }

    /** A fitted radial model. */
    static final class Fitted implements FittedModel {
        private final FeatureBasis basis;
        private final DesignMatrix dm;
        private final Reference reference;
        private final Options options;
        private final MlPotential model;
        private final List<Prediction> predictions = new ArrayList<>();

        Fitted(FeatureBasis basis, DesignMatrix dm, Reference reference, Options options) {
            this.basis = basis;
            this.dm = dm;
            this.reference = reference;
            this.options = options;
            double[] x = LeastSquares.fit(dm, new SvdSolver(1e-12)).coefficients();
            this.model = basis.potential(x, reference.energies(basis.descriptor().species()), "radial");
            for (int k = 0; k < dm.configurations(); k++) {
                predictions.add(dm.block(k) == null ? null : Prediction.ofRows(dm, k, x));
            }
        }

        @Override
        public String kind() {
            return "radial";
        }

        @Override
        public MlPotential model() {
            return model;
        }

        @Override
        public Potential potential() {
            return reference.potential() == null ? model : SumPotential.of(reference.potential(), model);
        }

        @Override
        public Dataset data() {
            return dm.data();
        }

        @Override
        public List<Prediction> predictions() {
            return predictions;
        }

        @Override
        public MetricsReport metrics() {
            return MetricsReport.of(dm.data(), predictions);
        }

        @Override
        public Map<String, Object> json() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("type", "radial_shells");
            d.put("shells", options.shells());
            d.put("rc", options.rc());
            d.put("rmin", options.rmin());
            d.put("eta", options.eta());
            List<String> el = new ArrayList<>();
            for (int z : basis.descriptor().species()) {
                el.add(Element.symbol(z));
            }
            d.put("elements", el);
            Map<String, Object> c = new LinkedHashMap<>();
            for (int t = 0; t < el.size(); t++) {
                c.put(el.get(t), model.model(t).parameters());
            }
            return ModelStore.document("radial", d, c, reference, basis.descriptor().species());
        }

        @Override
        public Map<String, Object> fitInfo() {
            return Map.of("columns", dm.columns());
        }

        @Override
        public Map<String, Object> writeLammps(Path dir, String name, String comment) {
            return Map.of("note", "radial shells have no LAMMPS pair style");
        }

        @Override
        public String summary() {
            return String.format(Locale.ROOT, "fit: radial shells K=%d, %d columns", options.shells(), dm.columns());
        }
    }
}
