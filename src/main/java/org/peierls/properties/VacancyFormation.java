package org.peierls.properties;

import java.util.LinkedHashMap;
import java.util.Map;
import org.peierls.atoms.Structure;
import org.peierls.defects.PointDefect;
import org.peierls.defects.PointDefects;

/**
 * Vacancy formation energy E_f = E(N − 1 atoms, relaxed) − (N − 1)·ε_bulk, with ε_bulk the energy
 * per atom of the perfect crystal: the vacancy in a periodic supercell at <b>constant volume</b>
 * (the cell of the perfect crystal at its relaxed, zero-pressure lattice constant), atoms relaxed.
 * At this size the difference from the constant-pressure value is the elastic relaxation-volume
 * term, O(1/N).
 */
public final class VacancyFormation {

    /** The volume/pressure condition, as reported. */
    public static final String CONDITION = "constant volume at the relaxed lattice constant";

    /**
     * @param size  supercell repeats n of the conventional cell (n × n × n cubes; hcp see
     *              {@link ReferenceCrystal#supercell})
     * @param relax relaxation settings
     */
    public record Options(int size, RelaxSettings relax) {
        public Options {
            if (size < 2) {
                throw new IllegalArgumentException("vacancy supercell needs at least 2 repeats, got " + size);
            }
        }
    }

    /**
     * @param formationEnergy   relaxed E_f, eV
     * @param unrelaxedEnergy   unrelaxed E_f (atoms on perfect sites), eV
     * @param atoms             atoms in the defective cell
     * @param defect            the built (unrelaxed) defect
     * @param relaxed           the relaxed defective cell
     * @param converged         whether the relaxation reached its force tolerance
     */
    public record Result(double formationEnergy, double unrelaxedEnergy, int atoms, PointDefect defect, Structure relaxed,
                         boolean converged) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vacancy_formation_ev", formationEnergy);
            m.put("unrelaxed_formation_ev", unrelaxedEnergy);
            m.put("atoms", atoms);
            m.put("condition", CONDITION);
            m.put("converged", converged);
            return m;
        }
    }

    private VacancyFormation() {
    }

    public static Result compute(ReferenceCrystal crystal, Options options) {
        PointDefect v = PointDefects.vacancy(crystal.supercell(options.size()));
        Structure s = v.structure();
        double eBulk = crystal.energyPerAtom();
        double unrelaxed = crystal.potential().compute(s).energy() - s.size() * eBulk;
        RelaxSettings.Relaxed r = options.relax().relax(s, crystal.potential());
        return new Result(r.energy() - s.size() * eBulk, unrelaxed, s.size(), v, r.structure(), r.converged());
    }
}
