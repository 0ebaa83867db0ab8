package org.peierls.properties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.peierls.analysis.CoreType;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.MoveMask;
import org.peierls.atoms.Structure;
import org.peierls.defects.DefectArrays;
import org.peierls.defects.Dislocation;
import org.peierls.defects.DislocationCylinder;
import org.peierls.defects.DislocationField;
import org.peierls.defects.ElasticModel;
import org.peierls.defects.OrientedCrystal;
import org.peierls.optim.Minimizer;
import org.peierls.sim.ForceField;
import org.peierls.sim.neb.AtomisticNeb;
import org.peierls.sim.neb.NebOptions;
import org.peierls.sim.neb.NebResult;
import org.peierls.util.Charts;

/**
 * The Peierls barrier of the bcc ½⟨111⟩ screw dislocation: a climbing-image NEB between a
 * relaxed dislocation at an easy-core site and the same dislocation at the neighbouring easy-core
 * site along x = [11-2] (glide on (-110) by a√6/3), in a cylinder one Burgers vector thick whose
 * outer shell is held at the anisotropic elastic field ({@link DislocationCylinder}; in each end
 * state the shell follows its own core position, and along the band it is interpolated with the
 * free atoms, so that no back stress acts on the moving core).
 *
 * <p>A periodic quadrupole is not used here: moving one of its dislocations changes the plastic
 * strain of the fixed cell, and moving both lets the band move them one after the other (two
 * humps that are not the Peierls barrier's).</p>
 *
 * <p>The end states differ slightly in energy (the discrete outer shell, the free surface beyond
 * it); the profile is reported with that difference removed linearly along the reaction
 * coordinate, E(ξ) − E(0) − ξ[E(1) − E(0)], and the raw difference is reported too. Shape: the
 * interior local maxima of that profile standing out by more than 5 % of the barrier on both
 * sides: one is "single", two or more "double hump" (a metastable core halfway, as some EAM
 * potentials for Fe give).</p>
 */
public final class PeierlsBarrier {

    /**
     * @param radius radius of the free region, Å
     * @param shell  thickness of the fixed shell, Å (at least the potential's cutoff; NaN: cutoff + 1 Å)
     * @param neb    NEB settings (images, tolerance); climbing is advised
     * @param relax  end-state relaxation settings
     */
    public record Options(double radius, double shell, NebOptions neb, RelaxSettings relax) {
    }

    /**
     * @param barrierPerB  Peierls barrier, eV per b of dislocation line
     * @param shape        "single" or "double hump"
     * @param maxima       number of distinct interior maxima of the profile
     * @param profile      energy per b along the band, relative to the first image, eV
     * @param coordinate   reaction coordinate: fraction of the distance between Peierls valleys
     * @param neb          the band
     * @param distance     distance between neighbouring Peierls valleys, Å (a√6/3)
     * @param endDifference  E(final) − E(initial) per b, eV (removed from the profile)
     * @param atoms        atoms in the cylinder
     * @param images       the relaxed band, end states included
     */
    public record Result(double barrierPerB, String shape, int maxima, double[] profile, double[] coordinate, NebResult neb,
                         double distance, double endDifference, int atoms, List<Structure> images) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("peierls_barrier_ev_per_b", barrierPerB);
            m.put("peierls_barrier_shape", shape);
            m.put("maxima", maxima);
            m.put("valley_distance_a", distance);
            m.put("end_difference_ev_per_b", endDifference);
            m.put("atoms", atoms);
            m.put("cell", "cylinder with a fixed elastic shell, one b thick");
            m.put("images", neb.energies().length - 2);
            m.put("converged", neb.converged());
            m.put("coordinate", coordinate);
            m.put("energy_ev_per_b", profile);
            return m;
        }

        public byte[] png(String title) {
            XYChart chart = Charts.xy(title, "reaction coordinate (fraction of the path)", "E − E₀ − ξΔE (eV/b)");
            XYSeries s = chart.addSeries(String.format(Locale.ROOT, "NEB: %.4f eV/b, %s", barrierPerB, shape), coordinate, profile);
            s.setMarker(SeriesMarkers.CIRCLE);
            return Charts.png(chart);
        }
    }

    private PeierlsBarrier() {
    }

    /**
     * @param elastic  elastic constants for the anisotropic field, or null (isotropic)
     */
    public static Result compute(ReferenceCrystal crystal, ElasticConstants.Result elastic, Options options, Minimizer.Listener listener) {
        if (crystal.lattice() != LatticeType.BCC) {
            throw new IllegalArgumentException("the Peierls barrier calculation is for bcc crystals, got " + crystal.lattice().label());
        }
        double shell = Double.isNaN(options.shell()) ? crystal.potential().cutoff() + 1 : options.shell();
        if (shell < crystal.potential().cutoff()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the fixed shell (%.2f Å) must be at least the cutoff (%.2f Å)",
                    shell, crystal.potential().cutoff()));
        }
        double a = crystal.a();
        ElasticModel model = ScrewCore.model(elastic);
        Dislocation d0 = DislocationCylinder.bccScrew(crystal.element(), a, model, CoreType.EASY, options.radius(), shell, 1);
        OrientedCrystal oc = OrientedCrystal.cubic(LatticeType.BCC, new String[]{crystal.element()}, a, new int[]{1, 1, -2},
                new int[]{-1, 1, 0}, new int[]{1, 1, 1});
        DislocationField field = model.field(oc.rotation(), new double[]{a / 2, a / 2, a / 2});
        double step = a * Math.sqrt(6) / 3;
        double[] core = d0.cores()[0];
        Structure ref = d0.reference();
        int n = ref.size();
        Structure start0 = withMoveMask(d0.structure());
        // the initial state: the lower of the symmetric and a slightly rattled relaxation (a
        // degenerate core breaks the symmetry of the elastic start)
        Structure initial = options.relax().relax(start0, crystal.potential()).structure();
        RelaxSettings.Relaxed rattled = options.relax().relax(InterstitialFormation.rattled(start0, 0.01, 13L), crystal.potential());
        if (rattled.energy() < crystal.potential().compute(initial).energy() - 1e-5) {
            initial = rattled.structure();
        }
        // the final state: the relaxed initial displacements translated by the lattice vector
        // a/2[11-1] (a√6/3 along x, b/3 along z); sites whose source lies outside the free region
        // take the elastic field of the moved core. Same core structure (and polarity) as the initial.
        double[] t = {step, 0, a * Math.sqrt(3) / 6};
        double lz = ref.cell().norm(2);
        boolean[] fixed = (boolean[]) d0.structure().arrays().get(DefectArrays.FIXED);
        double[] x = new double[3 * n];
        double[] u = new double[3];
        for (int i = 0; i < n; i++) {
            int j = -1;
            for (int c = 0; c < n && j < 0; c++) {
                double dz = ref.position(i, 2) - t[2] - ref.position(c, 2);
                dz -= lz * Math.rint(dz / lz);
                if (!fixed[c] && Math.abs(ref.position(i, 0) - t[0] - ref.position(c, 0)) < 1e-4
                        && Math.abs(ref.position(i, 1) - t[1] - ref.position(c, 1)) < 1e-4 && Math.abs(dz) < 1e-4) {
                    j = c;
                }
            }
            if (j >= 0) {
                for (int k = 0; k < 3; k++) {
                    u[k] = initial.position(j, k) - ref.position(j, k);
                }
            } else {
                field.displacement(ref.position(i, 0) - core[0] - step, ref.position(i, 1) - core[1], u);
            }
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = ref.position(i, k) + u[k];
            }
        }
        Structure fin = options.relax().relax(start0.withPositions(x), crystal.potential()).structure();
        ForceField ff = new ForceField(crystal.potential(), options.relax().skin());
        AtomisticNeb.Result r = AtomisticNeb.run(initial, fin, ff, options.neb(), listener);
        NebResult nb = r.neb();
        double[] e = nb.energies();
        int m = e.length;
        double[] prof = new double[m];
        double[] coord = new double[m];
        double total = nb.pathLength()[m - 1];
        double diff = e[m - 1] - e[0];
        for (int i = 0; i < m; i++) {
            coord[i] = total > 0 ? nb.pathLength()[i] / total : (double) i / (m - 1);
            prof[i] = e[i] - e[0] - coord[i] * diff;
        }
        double barrier = 0;
        for (double p : prof) {
            barrier = Math.max(barrier, p);
        }
        int maxima = countMaxima(prof, 0.05 * barrier);
        return new Result(barrier, maxima >= 2 ? "double hump" : "single", maxima, prof, coord, nb, step, diff, n, r.images());
    }

    /** The structure with its {@link DefectArrays#FIXED} atoms written as a {@link MoveMask#ARRAY} (what NEB reads). */
    static Structure withMoveMask(Structure s) {
        boolean[] free = RelaxSettings.mask(s).flags();
        return s.withArray(MoveMask.ARRAY, free);
    }

    /**
     * Interior local maxima of {@code e} whose height above the lowest point between them and the
     * previous maximum (or the start), and above the lowest point up to the next maximum (or the
     * end), exceeds {@code prominence}.
     */
    static int countMaxima(double[] e, double prominence) {
        List<Integer> peaks = new java.util.ArrayList<>();
        for (int i = 1; i < e.length - 1; i++) {
            if (e[i] > e[i - 1] && e[i] >= e[i + 1]) {
                peaks.add(i);
            }
        }
        int count = 0;
        int prev = 0;
        for (int p = 0; p < peaks.size(); p++) {
            int i = peaks.get(p);
            int next = p + 1 < peaks.size() ? peaks.get(p + 1) : e.length - 1;
            double leftMin = Double.POSITIVE_INFINITY, rightMin = Double.POSITIVE_INFINITY;
            for (int k = prev; k <= i; k++) {
                leftMin = Math.min(leftMin, e[k]);
            }
            for (int k = i; k <= next; k++) {
                rightMin = Math.min(rightMin, e[k]);
            }
            if (e[i] - leftMin > prominence && e[i] - rightMin > prominence) {
                count++;
                prev = i;
            }
        }
        return count;
    }
}
