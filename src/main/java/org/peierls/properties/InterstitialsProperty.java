package org.peierls.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.LatticeType;
import org.peierls.defects.InterstitialSite;

/** Self-interstitial formation energies from several starting sites ({@link InterstitialFormation}). */
public final class InterstitialsProperty implements BatteryProperty<InterstitialFormation.Options> {

    public static final String ID = "interstitials";
    static final String KEY = "interstitial_formation_ev";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> aliases() {
        return List.of("interstitial");
    }

    @Override
    public String description() {
        return "self-interstitial formation energies (eV) and the configuration each start relaxes to";
    }

    @Override
    public double order() {
        return 40;
    }

    /**
     * The lattice's usual sites; tiny: bcc ⟨110⟩, ⟨111⟩ and ⟨100⟩ dumbbells, fcc ⟨100⟩ dumbbell and
     * octahedral, hcp octahedral and basal split.
     */
    @Override
    public InterstitialFormation.Options options(Preset preset, LatticeType lattice) {
        int n = preset.pointDefectCells(lattice);
        if (preset != Preset.TINY) {
            return InterstitialFormation.Options.of(lattice, n, preset.relax());
        }
        List<InterstitialSite> sites = switch (lattice) {
            case BCC -> List.of(InterstitialSite.BCC_DUMBBELL_110, InterstitialSite.BCC_DUMBBELL_111, InterstitialSite.BCC_DUMBBELL_100);
            case FCC -> List.of(InterstitialSite.FCC_DUMBBELL_100, InterstitialSite.FCC_OCTAHEDRAL);
            default -> List.of(InterstitialSite.HCP_OCTAHEDRAL, InterstitialSite.HCP_BASAL_SPLIT);
        };
        return new InterstitialFormation.Options(n, sites, 0.02, 7L, preset.relax());
    }

    @Override
    public List<ResultKey> keys(LatticeType lattice) {
        return List.of(ResultKey.map(KEY));
    }

    @Override
    public List<String> extraKeys() {
        return List.of("interstitial_final_configuration");
    }

    @Override
    public List<String> entries(String key, InterstitialFormation.Options options, BatteryRun run) {
        return options.sites().stream().map(InterstitialSite::label).toList();
    }

    @Override
    public void compute(BatteryRun run, InterstitialFormation.Options options) {
        InterstitialFormation.Result r = InterstitialFormation.compute(run.crystal(), options);
        Map<String, Object> e = new LinkedHashMap<>();
        Map<String, Object> fin = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (InterstitialFormation.Entry x : r.entries()) {
            e.put(x.start(), x.converged() ? x.formationEnergy() : Double.NaN);
            fin.put(x.start(), x.finalConfiguration());
            if (!x.converged()) {
                failed.add(x.start());
            }
        }
        run.put(KEY, e);
        run.put("interstitial_final_configuration", fin);
        if (!failed.isEmpty()) {
            throw new PartialFailure("relaxation did not converge for " + String.join(", ", failed));
        }
    }
}
