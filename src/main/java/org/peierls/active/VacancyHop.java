package org.peierls.active;

import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Distances;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.defects.DefectGeometry;
import org.peierls.defects.PointDefects;
import org.peierls.potential.Potential;
import org.peierls.sim.ForceField;
import org.peierls.sim.min.Relaxation;
import org.peierls.sim.neb.AtomisticNeb;
import org.peierls.sim.neb.NebOptions;

/**
 * The vacancy hop of an active-learning run: relax the vacancy and the vacancy next door (a
 * first-shell atom moved into the vacant site), then a climbing-image NEB between them. Every
 * stage reports its current structures to a {@link Watch}, which may stop it (the model
 * extrapolates); a stopped hop starts again from its relaxed end states when they are done.
 */
final class VacancyHop {

    /** Sees the structures of a running stage; returns false to stop. */
    interface Watch {
        boolean check(String stage, int iteration, java.util.function.Supplier<List<Structure>> structures);
    }

    /** The outcome: finished (barrier set) or stopped at a stage. */
    record Outcome(boolean finished, double barrier, String stoppedAt, List<Structure> last, int evaluations, int saddle) {
    }

    private final Structure initialStart, finalStart;
    private final double hopLength;
    private final Relaxation.Options relax;
    private final NebOptions neb;
    private Structure initial, fin;
    private Potential relaxedWith;

    VacancyHop(LatticeType lattice, String element, double a0, int size, int images) {
        Structure perfect = PointDefects.supercell(lattice, element, a0, size);
        int c = PointDefects.centralAtom(perfect);
        int j = DefectGeometry.shellMember(perfect, c, 1);
        double[] d = Distances.separation(perfect, c, j);
        hopLength = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        int jv = j > c ? j - 1 : j;
        initialStart = PointDefects.vacancy(perfect).structure();
        double[] x = initialStart.positions();
        for (int k = 0; k < 3; k++) {
            x[3 * jv + k] = perfect.position(c, k);
        }
        finalStart = initialStart.withPositions(x);
        relax = Relaxation.Options.defaults().withFmax(0.01).withMaxSteps(2000);
        neb = NebOptions.defaults(images).withClimb(true).withFmax(0.02).withMaxSteps(2000);
    }

    /** The unrelaxed vacancy (a candidate for a starting label). */
    Structure vacancy() {
        return initialStart;
    }

    double hopLength() {
        return hopLength;
    }

    /**
     * Runs the hop with {@code potential}; the end states relaxed by an earlier call are reused
     * only when they were relaxed with the same potential object (a refit relaxes them again).
     */
    Outcome run(Potential potential, Watch watch) {
        int[] evals = {0};
        if (relaxedWith != potential) {
            initial = null;
            fin = null;
        }
        relaxedWith = potential;
        if (initial == null) {
            Relaxation.Result r = Relaxation.run(initialStart, potential, relax, (it, v, f, x) -> {
                evals[0]++;
                return watch.check("relax initial", it, () -> List.of(Relaxation.structureAt(initialStart, potential, relax, x)));
            });
            if (!r.converged()) {
                return new Outcome(false, Double.NaN, "relax initial", List.of(r.structure()), evals[0], -1);
            }
            initial = r.structure();
        }
        if (fin == null) {
            Relaxation.Result r = Relaxation.run(finalStart, potential, relax, (it, v, f, x) -> {
                evals[0]++;
                return watch.check("relax final", it, () -> List.of(Relaxation.structureAt(finalStart, potential, relax, x)));
            });
            if (!r.converged()) {
                return new Outcome(false, Double.NaN, "relax final", List.of(r.structure()), evals[0], -1);
            }
            fin = r.structure();
        }
        List<Structure> band = AtomisticNeb.interpolate(initial, fin, neb.images());
        AtomisticNeb.Result r = AtomisticNeb.run(band, new ForceField(potential, 1.0), neb, (it, v, f, x) -> {
            evals[0]++;
            return watch.check("neb", it, () -> new ArrayList<>(AtomisticNeb.imagesAt(band, x)));
        });
        if (!r.neb().converged()) {
            return new Outcome(false, Double.NaN, "neb", r.images(), evals[0], -1);
        }
        return new Outcome(true, r.neb().barrier(), null, r.images(), evals[0], r.neb().saddleImage());
    }
}
