package org.peierls.properties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.LatticeType;

/**
 * The relaxed core of the bcc ½⟨111⟩ screw dislocation in a quadrupolar cell ({@link ScrewCore}):
 * polarity and compact/degenerate type. The field starts from the anisotropic (Stroh) solution of
 * the battery's elastic constants when they are Born-stable (else isotropic, ν = 0.3), and falls
 * back to the isotropic field when Stroh fails; {@code elastic_field} says which.
 */
public final class ScrewCoreProperty extends ScrewDislocationProperty<ScrewCore.Options> {

    public static final String ID = "screw_core";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> aliases() {
        return List.of("core");
    }

    @Override
    public String description() {
        return "bcc ½⟨111⟩ screw-dislocation core: polarity, compact or degenerate";
    }

    @Override
    public double order() {
        return 80;
    }

    /** A 5×9 quadrupole (270 atoms; quick and tiny 3×5, 90 atoms; tiny without the rattled start). */
    @Override
    public ScrewCore.Options options(Preset preset, LatticeType lattice) {
        return switch (preset) {
            case DEFAULT -> new ScrewCore.Options(5, 9, 0.01, preset.relax());
            case QUICK -> new ScrewCore.Options(3, 5, 0.01, preset.relax());
            case TINY -> new ScrewCore.Options(3, 5, 0, preset.relax());
        };
    }

    @Override
    public List<ResultKey> keys(LatticeType lattice) {
        return List.of(ResultKey.fields("screw_core", List.of("polarity"), List.of("compact")));
    }

    @Override
    public void compute(BatteryRun run, ScrewCore.Options options) {
        ElasticProperty.Fielded<ScrewCore.Result> f = ElasticProperty.withStrohOrIsotropic(run,
                c -> ScrewCore.compute(run.crystal(), c, options));
        ScrewCore.Result r = f.result();
        Map<String, Object> m = new LinkedHashMap<>();
        boolean ok = r.converged();
        m.put("polarity", ok ? r.polarity()[0] : Double.NaN);
        m.put("polarity_second_core", ok ? r.polarity()[1] : Double.NaN);
        m.put("compact", ok ? r.type().equals("compact/non-degenerate") : null);
        m.put("type", ok ? r.type() : null);
        m.put("elastic_field", f.field());
        m.put("atoms", r.relaxed().size());
        run.put("screw_core", m);
        run.plot("screw_core_dd.png", () -> r.png(run.title("screw core DD map")));
        run.plot("screw_core_structure.png", () -> StructurePictures.byStructureType(r.relaxed(), 'z', run.title("relaxed screw cores, PTM")));
        if (!ok) {
            throw new PartialFailure("the quadrupole relaxation did not converge");
        }
    }
}
