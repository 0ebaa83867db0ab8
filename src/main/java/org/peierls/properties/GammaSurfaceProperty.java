package org.peierls.properties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.LatticeType;

/** The γ-surface of the first slip plane ({@link GammaSurface}). */
public final class GammaSurfaceProperty implements BatteryProperty<GammaSurface.Options> {

    public static final String ID = "gamma_surface";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> aliases() {
        return List.of("gamma");
    }

    @Override
    public String description() {
        return "γ-surface of the first slip plane (grid, maximum in mJ/m²)";
    }

    @Override
    public double order() {
        return 70;
    }

    /** 12×12 shifts (quick 6×6, tiny 4×4) of the lattice's first slip plane. */
    @Override
    public GammaSurface.Options options(Preset preset, LatticeType lattice) {
        StackingFaultEnergy.Line line = StackingFaultEnergy.defaultLines(lattice).get(0);
        int n = switch (preset) {
            case DEFAULT -> 12;
            case QUICK -> 6;
            case TINY -> 4;
        };
        return new GammaSurface.Options(line, n, n, preset.relax());
    }

    @Override
    public List<ResultKey> keys(LatticeType lattice) {
        return List.of(ResultKey.fields("gamma_surface", "max_mj_m2"));
    }

    /** The NaN maximum, with the plane it was asked for. */
    @Override
    public void placeholder(BatteryRun run, GammaSurface.Options options) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plane", options.line().plane());
        m.put("max_mj_m2", Double.NaN);
        run.put("gamma_surface", m);
    }

    @Override
    public void compute(BatteryRun run, GammaSurface.Options options) {
        GammaSurface.Result r = GammaSurface.compute(run.crystal(), options);
        Map<String, Object> j = r.toJson();
        if (!r.converged()) {
            j.put("max_mj_m2", Double.NaN);
        }
        run.put("gamma_surface", j);
        run.plot("gamma_surface.png", () -> r.png(run.title("γ-surface {" + r.line().plane() + "}")));
        if (!r.converged()) {
            throw new PartialFailure("relaxation did not converge on every grid point");
        }
    }
}
