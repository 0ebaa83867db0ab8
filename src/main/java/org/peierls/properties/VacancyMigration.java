package org.peierls.properties;

import java.util.LinkedHashMap;
import java.util.Map;
import org.peierls.atoms.Distances;
import org.peierls.atoms.Structure;
import org.peierls.defects.DefectGeometry;
import org.peierls.defects.PointDefects;
import org.peierls.optim.Minimizer;
import org.peierls.sim.ForceField;
import org.peierls.sim.neb.AtomisticNeb;
import org.peierls.sim.neb.NebOptions;
import org.peierls.sim.neb.NebPlot;
import org.peierls.sim.neb.NebResult;

/**
 * Vacancy migration energy: the climbing-image NEB barrier of a nearest-neighbour hop (a
 * neighbour of the vacant site moves into it) in the constant-volume supercell of
 * {@link VacancyFormation}. Both end states are relaxed first; they are equivalent by symmetry,
 * so the forward and reverse barriers agree to the relaxation tolerance.
 */
public final class VacancyMigration {

    /**
     * @param size  supercell repeats (as {@link VacancyFormation.Options#size})
     * @param neb   NEB settings (images, climbing, tolerance)
     * @param relax end-state relaxation settings
     */
    public record Options(int size, NebOptions neb, RelaxSettings relax) {
    }

    /**
     * @param barrier  forward barrier E_saddle − E_initial, eV
     * @param neb      the band (energies, reaction coordinate, convergence)
     * @param hopLength length of the hop, Å
     */
    public record Result(double barrier, NebResult neb, double hopLength) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vacancy_migration_ev", barrier);
            m.put("reverse_barrier_ev", neb.reverseBarrier());
            m.put("hop_length_a", hopLength);
            m.put("images", neb.energies().length - 2);
            m.put("climbing", neb.climbed());
            m.put("converged", neb.converged());
            double[] rel = new double[neb.energies().length];
            for (int i = 0; i < rel.length; i++) {
                rel[i] = neb.energies()[i] - neb.energies()[0];
            }
            m.put("energy_ev", rel);
            m.put("path_a", neb.pathLength());
            return m;
        }

        public byte[] png(String title) {
            return NebPlot.png(neb, title);
        }
    }

    private VacancyMigration() {
    }

    /**
     * @param formation a relaxed vacancy of the same supercell size (reused as the initial state),
     *                  or null to relax one here
     */
    public static Result compute(ReferenceCrystal crystal, Options options, VacancyFormation.Result formation, Minimizer.Listener listener) {
        Structure perfect = crystal.supercell(options.size());
        int c = PointDefects.centralAtom(perfect);
        int j = DefectGeometry.shellMember(perfect, c, 1);
        double[] d = Distances.separation(perfect, c, j);
        int jv = j > c ? j - 1 : j;
        Structure start = PointDefects.vacancy(perfect).structure();
        double[] x = start.positions();
        for (int k = 0; k < 3; k++) {
            x[3 * jv + k] = perfect.position(c, k);
        }
        Structure finalStart = start.withPositions(x);
        Structure initial;
        if (formation != null && formation.atoms() == start.size() && formation.relaxed().cell().equals(start.cell())) {
            initial = formation.relaxed();
        } else {
            initial = options.relax().relax(start, crystal.potential()).structure();
        }
        Structure fin = options.relax().relax(finalStart, crystal.potential()).structure();
        ForceField ff = new ForceField(crystal.potential(), options.relax().skin());
        AtomisticNeb.Result r = AtomisticNeb.run(initial, fin, ff, options.neb(), listener);
        return new Result(r.neb().barrier(), r.neb(), Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
    }
}
