package org.peierls.properties;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.peierls.atoms.Structure;
import org.peierls.defects.Bicrystal;
import org.peierls.defects.GrainBoundary;
import org.peierls.defects.TiltGrainBoundary;
import org.peierls.util.Charts;

/**
 * Grain-boundary energies γ_GB = (E − N·ε_bulk) / (2A) (J/m²) of symmetric tilt boundaries in a
 * periodic bicrystal (two boundaries per cell), minimized over a grid of in-plane rigid
 * translations of one grain combined with the deletion of one atom of every pair closer than a
 * fraction of the nearest-neighbour distance ({@link Bicrystal#candidates}); each candidate is
 * relaxed (atoms, and the cell length normal to the boundaries to zero stress, so that the
 * boundaries can expand) and the lowest energy is kept.
 */
public final class GrainBoundaryEnergy {

    /** A symmetric tilt boundary by its tilt axis and plane, e.g. ("[001]", "(310)"). */
    public record Tilt(String axis, String plane) {
    }

    /** Σ5(310), Σ5(210), Σ13(510) about [001]; Σ3(111), Σ3(112), Σ9(221), Σ11(113) about [1-10]. */
    public static final List<Tilt> DEFAULT = List.of(new Tilt("[001]", "(310)"), new Tilt("[001]", "(210)"), new Tilt("[001]", "(510)"),
            new Tilt("[1-10]", "(111)"), new Tilt("[1-10]", "(112)"), new Tilt("[1-10]", "(221)"), new Tilt("[1-10]", "(113)"));

    /**
     * @param boundaries     the boundaries
     * @param n1             translation grid intervals along x (the tilt axis)
     * @param n2             translation grid intervals along y
     * @param deletions      close-pair deletion fractions of d_nn to try (0: none)
     * @param grainThickness minimum thickness of each grain, Å
     * @param relaxNormal    relax the cell length normal to the boundaries too
     * @param relax          relaxation settings
     */
    public record Options(List<Tilt> boundaries, int n1, int n2, double[] deletions, double grainThickness, boolean relaxNormal,
                          RelaxSettings relax) {
        public Options {
            boundaries = List.copyOf(boundaries);
            deletions = deletions.clone();
            if (n1 < 1 || n2 < 1 || deletions.length == 0 || !(grainThickness > 0)) {
                throw new IllegalArgumentException("GB search needs a grid ≥ 1×1, one deletion fraction and a positive grain thickness");
            }
        }
    }

    /**
     * One boundary.
     *
     * @param name          e.g. "S5(310)[001]"
     * @param sigma         Σ
     * @param tiltAxis      the tilt axis
     * @param tiltAngleDeg  tilt angle θ, degrees
     * @param misorientationDeg disorientation angle, degrees
     * @param energyJm2     the lowest relaxed γ_GB, J/m²
     * @param translation   in-plane translation of the best candidate (fractions of the periods)
     * @param deletion      its deletion fraction
     * @param removed       atoms it deleted
     * @param atoms         atoms in its cell
     * @param candidates    candidates relaxed
     * @param best          the relaxed best structure
     * @param start         its starting structure (before relaxation)
     * @param converged     whether the best candidate's relaxation reached its force tolerance
     */
    public record Entry(String name, int sigma, String tiltAxis, double tiltAngleDeg, double misorientationDeg, double energyJm2,
                        double[] translation, double deletion, int removed, int atoms, int candidates, Structure best, Structure start,
                        boolean converged) {
    }

    public record Result(List<Entry> entries) {

        public Map<String, Double> energies() {
            Map<String, Double> m = new LinkedHashMap<>();
            for (Entry e : entries) {
                m.put(e.name(), e.energyJm2());
            }
            return m;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("gb_energy_j_m2", energies());
            Map<String, Object> detail = new LinkedHashMap<>();
            for (Entry e : entries) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("energy_j_m2", e.energyJm2());
                d.put("sigma", e.sigma());
                d.put("tilt_axis", e.tiltAxis());
                d.put("tilt_angle_deg", e.tiltAngleDeg());
                d.put("misorientation_deg", e.misorientationDeg());
                d.put("translation", e.translation());
                d.put("deletion_fraction", e.deletion());
                d.put("removed_atoms", e.removed());
                d.put("atoms", e.atoms());
                d.put("candidates", e.candidates());
                d.put("converged", e.converged());
                detail.put(e.name(), d);
            }
            m.put("boundaries", detail);
            return m;
        }

        /** γ_GB against the tilt angle, one series per tilt axis. */
        public byte[] png(String title) {
            XYChart chart = Charts.xy(title, "tilt angle θ (degrees)", "γ_GB (J/m²)");
            Map<String, List<Entry>> byAxis = new LinkedHashMap<>();
            for (Entry e : entries) {
                byAxis.computeIfAbsent(e.tiltAxis(), k -> new ArrayList<>()).add(e);
            }
            for (Map.Entry<String, List<Entry>> g : byAxis.entrySet()) {
                List<Entry> list = new ArrayList<>(g.getValue());
                list.sort((p, q) -> Double.compare(p.tiltAngleDeg(), q.tiltAngleDeg()));
                double[] x = new double[list.size()], y = new double[list.size()];
                for (int k = 0; k < x.length; k++) {
                    x[k] = list.get(k).tiltAngleDeg();
                    y[k] = list.get(k).energyJm2();
                }
                XYSeries s = chart.addSeries(g.getKey() + " tilt", x, y);
                s.setXYSeriesRenderStyle(x.length > 1 ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
            }
            return Charts.png(chart);
        }
    }

    private GrainBoundaryEnergy() {
    }

    public static Result compute(ReferenceCrystal crystal, Options options) {
        if (!crystal.cubic()) {
            throw new IllegalArgumentException("grain boundaries are built for cubic crystals only");
        }
        List<Entry> out = new ArrayList<>();
        for (Tilt t : options.boundaries()) {
            out.add(compute(crystal, t, options));
        }
        return new Result(out);
    }

    static Bicrystal bicrystal(ReferenceCrystal crystal, Tilt t, double grainThickness) {
        return TiltGrainBoundary.symmetric(crystal.lattice(), crystal.element(), crystal.a(), t.axis(), t.plane())
                .grainThickness(grainThickness);
    }

    /** Relaxes one candidate: atoms, and the cell's zz strain when asked. */
    static RelaxSettings.Relaxed relax(Structure s, ReferenceCrystal crystal, Options options) {
        if (options.relaxNormal()) {
            return options.relax().relaxWithCell(s, crystal.potential(), new boolean[]{false, false, true, false, false, false});
        }
        return options.relax().relax(s, crystal.potential());
    }

    static Entry compute(ReferenceCrystal crystal, Tilt t, Options options) {
        Bicrystal bc = bicrystal(crystal, t, options.grainThickness());
        Set<String> seen = new HashSet<>();
        Entry best = null;
        int count = 0;
        for (int i = 0; i < options.n1(); i++) {
            for (int j = 0; j < options.n2(); j++) {
                for (double del : options.deletions()) {
                    GrainBoundary gb = bc.build((double) i / options.n1(), (double) j / options.n2(), del);
                    if (!seen.add(i + "," + j + "," + gb.removed())) {
                        continue;   // the same atoms deleted as a smaller fraction did
                    }
                    count++;
                    RelaxSettings.Relaxed r = relax(gb.structure(), crystal, options);
                    double gamma = gb.energyJm2(r.energy(), crystal.energyPerAtom());
                    if (best == null || gamma < best.energyJm2()) {
                        best = new Entry(gb.name(), gb.sigma(), t.axis(), gb.tiltAngleDeg(), gb.misorientationDeg(), gamma,
                                gb.translation(), del, gb.removed(), gb.structure().size(), 0, r.structure(), gb.structure(), r.converged());
                    }
                }
            }
        }
        return new Entry(best.name(), best.sigma(), best.tiltAxis(), best.tiltAngleDeg(), best.misorientationDeg(), best.energyJm2(),
                best.translation(), best.deletion(), best.removed(), best.atoms(), count, best.best(), best.start(), best.converged());
    }
}
