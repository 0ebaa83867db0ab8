package org.peierls.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.LatticeType;

/** Free-surface energies of low-index planes ({@link SurfaceEnergy}). */
public final class SurfacesProperty implements BatteryProperty<SurfaceEnergy.Options> {

    public static final String ID = "surfaces";
    static final String KEY = "surface_energy_j_m2";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> aliases() {
        return List.of("surface");
    }

    @Override
    public String description() {
        return "surface energies (J/m²) of the low-index planes";
    }

    @Override
    public double order() {
        return 50;
    }

    /** Slabs ≥ 15 Å (quick 10, tiny 8 on (100), (110), (111)) with 12 Å of vacuum (10, 8). */
    @Override
    public SurfaceEnergy.Options options(Preset preset, LatticeType lattice) {
        boolean cubic = lattice != LatticeType.HCP;
        return switch (preset) {
            case DEFAULT -> new SurfaceEnergy.Options(cubic ? SurfaceEnergy.CUBIC_PLANES : SurfaceEnergy.HCP_PLANES, 15, 12, preset.relax());
            case QUICK -> new SurfaceEnergy.Options(cubic ? SurfaceEnergy.CUBIC_PLANES : SurfaceEnergy.HCP_PLANES, 10, 10, preset.relax());
            case TINY -> new SurfaceEnergy.Options(cubic ? List.of("100", "110", "111") : SurfaceEnergy.HCP_PLANES, 8, 8, preset.relax());
        };
    }

    @Override
    public List<ResultKey> keys(LatticeType lattice) {
        return List.of(ResultKey.map(KEY));
    }

    @Override
    public List<String> entries(String key, SurfaceEnergy.Options options, BatteryRun run) {
        return options.planes();
    }

    @Override
    public void compute(BatteryRun run, SurfaceEnergy.Options options) {
        SurfaceEnergy.Result r = SurfaceEnergy.compute(run.crystal(), options);
        Map<String, Object> e = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (SurfaceEnergy.Entry x : r.entries()) {
            e.put(x.plane(), x.converged() ? x.energyJm2() : Double.NaN);
            if (!x.converged()) {
                failed.add("(" + x.plane() + ")");
            }
        }
        run.put(KEY, e);
        if (!failed.isEmpty()) {
            throw new PartialFailure("relaxation did not converge for " + String.join(", ", failed));
        }
    }
}
