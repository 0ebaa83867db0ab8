package org.peierls.properties;

import java.util.List;
import org.peierls.atoms.LatticeType;

/** The vacancy formation energy at constant volume ({@link VacancyFormation}); kept for the migration. */
public final class VacancyProperty implements BatteryProperty<VacancyFormation.Options> {

    public static final String ID = "vacancy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "vacancy formation energy (eV, constant volume)";
    }

    @Override
    public double order() {
        return 20;
    }

    @Override
    public VacancyFormation.Options options(Preset preset, LatticeType lattice) {
        return new VacancyFormation.Options(preset.pointDefectCells(lattice), preset.relax());
    }

    @Override
    public List<ResultKey> keys(LatticeType lattice) {
        return List.of(ResultKey.scalar("vacancy_formation_ev"));
    }

    @Override
    public void compute(BatteryRun run, VacancyFormation.Options options) {
        VacancyFormation.Result r = VacancyFormation.compute(run.crystal(), options);
        if (!r.converged()) {
            throw new PartialFailure("the vacancy relaxation did not converge");
        }
        run.put("vacancy_formation_ev", r.formationEnergy());
        run.remember(VacancyFormation.Result.class, r);
    }
}
