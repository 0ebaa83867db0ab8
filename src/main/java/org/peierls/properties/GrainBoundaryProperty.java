package org.peierls.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.LatticeType;
import org.peierls.defects.TiltGrainBoundary;

/** Energies of symmetric tilt grain boundaries ({@link GrainBoundaryEnergy}), cubic lattices. */
public final class GrainBoundaryProperty implements BatteryProperty<GrainBoundaryEnergy.Options> {

    public static final String ID = "gb";
    static final String KEY = "gb_energy_j_m2";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "symmetric tilt grain-boundary energies (J/m²)";
    }

    @Override
    public boolean appliesTo(LatticeType lattice) {
        return lattice != LatticeType.HCP;
    }

    @Override
    public double order() {
        return 100;
    }

    /**
     * 7 tilt boundaries, 3×3 translations × 3 deletion criteria (quick: 3 boundaries, 2×2 × 2;
     * tiny: Σ5(310)[001], 2×1 translations, no deletion).
     */
    @Override
    public GrainBoundaryEnergy.Options options(Preset preset, LatticeType lattice) {
        return switch (preset) {
            case DEFAULT -> new GrainBoundaryEnergy.Options(GrainBoundaryEnergy.DEFAULT, 3, 3, new double[]{0.0, 0.6, 0.8}, 12, true,
                    preset.relax());
            case QUICK -> new GrainBoundaryEnergy.Options(List.of(new GrainBoundaryEnergy.Tilt("[001]", "(310)"),
                    new GrainBoundaryEnergy.Tilt("[1-10]", "(111)"), new GrainBoundaryEnergy.Tilt("[1-10]", "(112)")), 2, 2,
                    new double[]{0.0, 0.7}, 10, true, preset.relax());
            case TINY -> new GrainBoundaryEnergy.Options(List.of(new GrainBoundaryEnergy.Tilt("[001]", "(310)")), 2, 1,
                    new double[]{0.0}, 8, true, preset.relax());
        };
    }

    @Override
    public List<ResultKey> keys(LatticeType lattice) {
        return List.of(ResultKey.map(KEY));
    }

    /** The names the boundaries are listed under (built with a = 1: no potential needed). */
    @Override
    public List<String> entries(String key, GrainBoundaryEnergy.Options options, BatteryRun run) {
        List<String> names = new ArrayList<>();
        for (GrainBoundaryEnergy.Tilt t : options.boundaries()) {
            String name;
            try {
                name = TiltGrainBoundary.symmetric(run.lattice(), run.element(), 1.0, t.axis(), t.plane()).name();
            } catch (RuntimeException e) {
                name = t.plane() + t.axis();
            }
            names.add(name);
        }
        return names;
    }

    @Override
    public void compute(BatteryRun run, GrainBoundaryEnergy.Options options) {
        GrainBoundaryEnergy.Result r = GrainBoundaryEnergy.compute(run.crystal(), options);
        Map<String, Object> e = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (GrainBoundaryEnergy.Entry x : r.entries()) {
            e.put(x.name(), x.converged() ? x.energyJm2() : Double.NaN);
            if (!x.converged()) {
                failed.add(x.name());
            }
        }
        run.put(KEY, e);
        run.plot("gb_energy.png", () -> r.png(run.title("grain boundaries")));
        r.entries().stream().filter(x -> x.converged() && x.best() != null).findFirst().ifPresent(x -> run.plot("gb_structure.png",
                () -> StructurePictures.byStructureType(x.best(), 'x', run.title(x.name() + ", PTM"))));
        if (!failed.isEmpty()) {
            throw new PartialFailure("relaxation did not converge for " + String.join(", ", failed));
        }
    }
}
