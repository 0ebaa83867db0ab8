package org.peierls.properties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.LatticeType;
import org.peierls.optim.Minimizer;
import org.peierls.sim.neb.NebOptions;

/**
 * The vacancy migration barrier by NEB ({@link VacancyMigration}), from the relaxed vacancy of
 * {@link VacancyProperty} when that ran before it.
 */
public final class MigrationProperty implements BatteryProperty<VacancyMigration.Options> {

    public static final String ID = "migration";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "vacancy migration barrier (eV, NEB)";
    }

    @Override
    public double order() {
        return 30;
    }

    /**
     * 5 images in every preset: fewer put the middle image in the metastable split vacancy that
     * some bcc EAM potentials have halfway along the hop, and the barrier of Mendelev's Fe comes
     * out 0.54 eV instead of 0.64 eV.
     */
    @Override
    public VacancyMigration.Options options(Preset preset, LatticeType lattice) {
        NebOptions neb = switch (preset) {
            case DEFAULT -> NebOptions.defaults(5).withFmax(2e-3).withMaxSteps(2000);
            case QUICK -> NebOptions.defaults(5).withFmax(5e-3).withMaxSteps(1000);
            case TINY -> NebOptions.defaults(5).withFmax(1e-2).withMaxSteps(500);
        };
        return new VacancyMigration.Options(preset.pointDefectCells(lattice), neb, preset.relax());
    }

    @Override
    public List<ResultKey> keys(LatticeType lattice) {
        return List.of(ResultKey.scalar("vacancy_migration_ev"));
    }

    @Override
    public List<String> extraKeys() {
        return List.of("vacancy_migration_profile");
    }

    @Override
    public void compute(BatteryRun run, VacancyMigration.Options options) {
        VacancyMigration.Result r = VacancyMigration.compute(run.crystal(), options, run.recall(VacancyFormation.Result.class),
                Minimizer.SILENT);
        Map<String, Object> prof = new LinkedHashMap<>();
        double[] e = r.neb().energies();
        double[] rel = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            rel[i] = e[i] - e[0];
        }
        prof.put("path_a", r.neb().pathLength());
        prof.put("energy_ev", rel);
        prof.put("converged", r.neb().converged());
        run.put("vacancy_migration_profile", prof);
        run.plot("vacancy_migration.png", () -> r.png(run.title("vacancy migration")));
        if (!r.neb().converged()) {
            throw new PartialFailure(String.format(Locale.ROOT, "the NEB did not converge (max force %.3g eV/Å after %d steps)",
                    r.neb().minimization().forceNorm(), r.neb().steps()));
        }
        run.put("vacancy_migration_ev", r.barrier());
    }
}
