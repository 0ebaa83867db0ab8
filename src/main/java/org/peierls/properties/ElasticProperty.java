package org.peierls.properties;

import java.util.List;
import org.peierls.atoms.LatticeType;

/**
 * The elastic constants C_ij ({@link ElasticConstants}) and the Born stability criteria
 * (Mouhat &amp; Coudert, PRB 90 (2014) 224104); kept for the dislocations, whose fields start
 * from the anisotropic (Stroh) solution when the crystal is stable.
 */
public final class ElasticProperty implements BatteryProperty<ElasticConstants.Options> {

    public static final String ID = "elastic";

    private static final List<String> CUBIC = List.of("c11", "c12", "c44");
    private static final List<String> HCP = List.of("c11", "c12", "c13", "c33", "c44", "c66");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "elastic constants C_ij (GPa) and the Born stability criteria";
    }

    @Override
    public double order() {
        return 10;
    }

    @Override
    public ElasticConstants.Options options(Preset preset, LatticeType lattice) {
        return ElasticConstants.Options.defaults();
    }

    @Override
    public List<ResultKey> keys(LatticeType lattice) {
        return (lattice == LatticeType.HCP ? HCP : CUBIC).stream().map(c -> ResultKey.scalar(c + "_gpa")).toList();
    }

    @Override
    public List<String> extraKeys() {
        return List.of("mechanically_stable");
    }

    @Override
    public void compute(BatteryRun run, ElasticConstants.Options options) {
        ElasticConstants.Result r = ElasticConstants.compute(run.crystal(), options);
        run.put("c11_gpa", r.c11());
        run.put("c12_gpa", r.c12());
        if (run.lattice() == LatticeType.HCP) {
            run.put("c13_gpa", r.c13());
            run.put("c33_gpa", r.c33());
        }
        run.put("c44_gpa", r.c44());
        if (run.lattice() == LatticeType.HCP) {
            run.put("c66_gpa", r.c66());
        }
        run.put("mechanically_stable", DefectBattery.bornStable(r, run.lattice()));
        run.remember(ElasticConstants.Result.class, r);
    }

    /** The elastic constants of the run when they were computed and are Born-stable, else null. */
    static ElasticConstants.Result stable(BatteryRun run) {
        ElasticConstants.Result c = run.recall(ElasticConstants.Result.class);
        return c == null || !DefectBattery.bornStable(c, run.lattice()) ? null : c;
    }

    /**
     * A result and the elastic field its dislocation started from.
     *
     * @param result the calculator's result
     * @param field  "anisotropic (Stroh)", "isotropic (ν = 0.3)", or the isotropic fallback with
     *               the reason Stroh failed
     */
    record Fielded<R>(R result, String field) {
    }

    /**
     * Runs a dislocation calculation from the anisotropic (Stroh) field of the run's Born-stable
     * elastic constants, else from the isotropic one; when the Stroh start itself fails (not the
     * guard: a collapse or the time limit stands) it runs again from the isotropic field.
     */
    static <R> Fielded<R> withStrohOrIsotropic(BatteryRun run, java.util.function.Function<ElasticConstants.Result, R> compute) {
        ElasticConstants.Result c = stable(run);
        try {
            return new Fielded<>(compute.apply(c), c == null ? "isotropic (ν = 0.3)" : "anisotropic (Stroh)");
        } catch (GuardedPotential.Failure e) {
            throw e;
        } catch (RuntimeException e) {
            if (c == null) {
                throw e;
            }
            return new Fielded<>(compute.apply(null), "isotropic (ν = 0.3; Stroh failed: " + DefectBattery.oneLine(e) + ")");
        }
    }
}
