package org.peierls.properties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.LatticeType;
import org.peierls.optim.Fire;
import org.peierls.optim.Minimizer;
import org.peierls.sim.neb.NebOptions;

/**
 * The Peierls barrier of the bcc ½⟨111⟩ screw dislocation by NEB in a cylinder ({@link PeierlsBarrier}):
 * height per Burgers vector and the number of humps (a single hump is what DFT gives for bcc
 * transition metals; a double hump marks a degenerate core). Starts from the Stroh field of the
 * battery's elastic constants when they are Born-stable.
 */
public final class PeierlsProperty extends ScrewDislocationProperty<PeierlsBarrier.Options> {

    public static final String ID = "peierls";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> aliases() {
        return List.of("peierls_barrier");
    }

    @Override
    public String description() {
        return "Peierls barrier of the bcc screw dislocation (eV/b, NEB) and its humps";
    }

    @Override
    public double order() {
        return 90;
    }

    /** A 20 Å cylinder with 9 images (quick 12 Å, 7; tiny 9 Å, 5), climbing image, FIRE steps ≤ 0.1 Å. */
    @Override
    public PeierlsBarrier.Options options(Preset preset, LatticeType lattice) {
        Fire.Parameters fire = Fire.Parameters.defaults().withMaxStep(0.1);
        return switch (preset) {
            case DEFAULT -> new PeierlsBarrier.Options(20, Double.NaN, new NebOptions(9, 1.0, true, 2e-4, 2e-3, 3000, fire), preset.relax());
            case QUICK -> new PeierlsBarrier.Options(12, Double.NaN, new NebOptions(7, 1.0, true, 5e-4, 5e-3, 1500, fire), preset.relax());
            case TINY -> new PeierlsBarrier.Options(9, Double.NaN, new NebOptions(5, 1.0, true, 1e-3, 1e-2, 800, fire), preset.relax());
        };
    }

    @Override
    public List<ResultKey> keys(LatticeType lattice) {
        return List.of(ResultKey.scalar("peierls_barrier_ev_per_b"), ResultKey.scalar("peierls_barrier_humps"));
    }

    @Override
    public List<String> extraKeys() {
        return List.of("peierls_barrier_profile");
    }

    @Override
    public void compute(BatteryRun run, PeierlsBarrier.Options options) {
        ElasticProperty.Fielded<PeierlsBarrier.Result> f = ElasticProperty.withStrohOrIsotropic(run,
                c -> PeierlsBarrier.compute(run.crystal(), c, options, Minimizer.SILENT));
        PeierlsBarrier.Result r = f.result();
        Map<String, Object> prof = new LinkedHashMap<>();
        prof.put("coordinate", r.coordinate());
        prof.put("energy_ev_per_b", r.profile());
        prof.put("end_difference_ev_per_b", r.endDifference());
        prof.put("shape", r.shape());
        prof.put("atoms", r.atoms());
        prof.put("converged", r.neb().converged());
        prof.put("elastic_field", f.field());
        run.put("peierls_barrier_profile", prof);
        run.keep("peierls_path", r.images());
        run.plot("peierls_barrier.png", () -> r.png(run.title("Peierls barrier")));
        if (!r.neb().converged()) {
            throw new PartialFailure(String.format(Locale.ROOT, "the NEB did not converge (max force %.3g eV/Å after %d steps)",
                    r.neb().minimization().forceNorm(), r.neb().steps()));
        }
        run.put("peierls_barrier_ev_per_b", r.barrierPerB());
        run.put("peierls_barrier_humps", r.maxima());
    }
}
