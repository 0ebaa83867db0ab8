package org.peierls.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.LatticeType;
import org.peierls.util.InputException;

/**
 * The lattice constant, cohesive energy and bulk modulus from the {@link EquationOfState}: always
 * runs first, and every other property is measured on the crystal it finds. A crystal whose bulk
 * modulus is not positive is not stable: the other properties then fail with "needs the lattice
 * constant".
 */
public final class LatticeProperty implements BatteryProperty<EquationOfState.Options> {

    public static final String ID = "lattice";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "lattice constant, cohesive energy, bulk modulus (equation of state)";
    }

    @Override
    public double order() {
        return 0;
    }

    /** Default: {@link EquationOfState.Options#defaults}; quick 9 volumes within ±2 %; tiny 7. */
    @Override
    public EquationOfState.Options options(Preset preset, LatticeType lattice) {
        RelaxSettings relax = preset.relax();
        return switch (preset) {
            case DEFAULT -> EquationOfState.Options.defaults();
            case QUICK -> new EquationOfState.Options(9, 0.02, Double.NaN, relax.withFmax(1e-5));
            case TINY -> new EquationOfState.Options(7, 0.02, Double.NaN, relax.withFmax(1e-5));
        };
    }

    @Override
    public List<ResultKey> keys(LatticeType lattice) {
        List<ResultKey> k = new ArrayList<>();
        k.add(ResultKey.scalar("lattice_constant_a"));
        if (lattice == LatticeType.HCP) {
            k.add(ResultKey.scalar("lattice_constant_c"));
        }
        k.add(ResultKey.scalar("cohesive_energy_ev"));
        k.add(ResultKey.scalar("bulk_modulus_gpa"));
        return k;
    }

    @Override
    public List<String> extraKeys() {
        return List.of("equation_of_state");
    }

    @Override
    public void compute(BatteryRun run, EquationOfState.Options options) {
        EquationOfState.Result r;
        String note = null;
        double aGuess = run.latticeGuess();
        try {
            r = EquationOfState.compute(run.guarded(), run.element(), run.lattice(), options.withGuess(aGuess));
        } catch (InputException e) {
            if (Double.isNaN(aGuess)) {
                throw e;
            }
            // no minimum within ±8 % of the guess: scan the whole range
            r = EquationOfState.compute(run.guarded(), run.element(), run.lattice(), options.withGuess(Double.NaN));
            note = String.format(Locale.ROOT, "no minimum near a = %.3f Å; found by a scan", aGuess);
        }
        ReferenceCrystal c = r.crystal();
        String unstable = null;
        if (!(r.bulkModulusGpa() > 0) || !Double.isFinite(r.bulkModulusGpa())) {
            unstable = String.format(Locale.ROOT, "the equation of state at a = %.4f Å has B = %.3g GPa", c.a(), r.bulkModulusGpa());
            run.crystalFailed(unstable);
        }
        run.put("lattice_constant_a", c.a());
        if (run.lattice() == LatticeType.HCP) {
            run.put("lattice_constant_c", c.c());
        }
        run.put("cohesive_energy_ev", r.cohesiveEnergy());
        run.put("bulk_modulus_gpa", r.bulkModulusGpa());
        Map<String, Object> eos = new LinkedHashMap<>();
        eos.put("energy_per_atom_ev", c.energyPerAtom());
        eos.put("isolated_atom_energy_ev", r.isolatedAtom());
        eos.put("bulk_modulus_derivative", r.bulkModulusPrime());
        eos.put("volume_per_atom_a3", r.fitVolume());
        eos.put("fit_rms_mev_per_atom", r.fitRmsMev());
        eos.put("volumes_a3", r.volumes());
        eos.put("energies_ev_per_atom", r.energies());
        if (note != null) {
            eos.put("note", note);
        }
        run.put("equation_of_state", eos);
        if (unstable != null) {
            throw new PartialFailure(unstable + " (not a stable crystal; the other properties are not computed)");
        }
        run.setCrystal(c.withPotential(run.potential()));
        EquationOfState.Result res = r;
        run.plot("equation_of_state.png", () -> res.png(run.title("E(V)")));
    }
}
