package org.peierls.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.LatticeType;

/** Generalized stacking-fault curves: unstable and intrinsic fault energies per line ({@link StackingFaultEnergy}). */
public final class GsfProperty implements BatteryProperty<StackingFaultEnergy.Options> {

    public static final String ID = "gsf";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "generalized stacking-fault curves: unstable and intrinsic fault energies (mJ/m²)";
    }

    @Override
    public double order() {
        return 60;
    }

    /** The lattice's slip lines with 24 points (quick 12); tiny: the first line, 6 intervals. */
    @Override
    public StackingFaultEnergy.Options options(Preset preset, LatticeType lattice) {
        List<StackingFaultEnergy.Line> lines = StackingFaultEnergy.defaultLines(lattice);
        return switch (preset) {
            case DEFAULT -> new StackingFaultEnergy.Options(lines, 24, preset.relax());
            case QUICK -> new StackingFaultEnergy.Options(lines, 12, preset.relax());
            case TINY -> new StackingFaultEnergy.Options(lines.subList(0, 1), 6, preset.relax());
        };
    }

    @Override
    public List<ResultKey> keys(LatticeType lattice) {
        return List.of(ResultKey.mapOfFields("gsf", "unstable_mj_m2", "intrinsic_mj_m2"));
    }

    @Override
    public List<String> entries(String key, StackingFaultEnergy.Options options, BatteryRun run) {
        return keysOf(options.lines());
    }

    /** JSON keys of GSF lines: the plane, or plane_direction where a plane occurs twice. */
    static List<String> keysOf(List<StackingFaultEnergy.Line> lines) {
        List<String> keys = new ArrayList<>();
        for (StackingFaultEnergy.Line l : lines) {
            int count = 0;
            for (StackingFaultEnergy.Line o : lines) {
                count += o.plane().equals(l.plane()) ? 1 : 0;
            }
            keys.add(count > 1 ? l.plane() + "_" + l.direction() : l.key());
        }
        return keys;
    }

    @Override
    public void compute(BatteryRun run, StackingFaultEnergy.Options options) {
        StackingFaultEnergy.Result r = StackingFaultEnergy.compute(run.crystal(), options);
        List<String> keys = keysOf(options.lines());
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (int k = 0; k < r.curves().size(); k++) {
            StackingFaultEnergy.Curve c = r.curves().get(k);
            Map<String, Object> j = c.toJson();
            if (!c.converged()) {
                j.put("unstable_mj_m2", Double.NaN);
                j.put("intrinsic_mj_m2", Double.NaN);
                failed.add("{" + c.line().plane() + "}");
            } else if (!j.containsKey("intrinsic_mj_m2")) {
                j.put("intrinsic_mj_m2", Double.NaN);
            }
            m.put(keys.get(k), j);
        }
        run.put("gsf", m);
        run.plot("gsf.png", () -> r.png(run.title("GSF")));
        if (!failed.isEmpty()) {
            throw new PartialFailure("relaxation did not converge on " + String.join(", ", failed));
        }
    }
}
