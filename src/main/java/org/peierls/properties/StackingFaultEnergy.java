package org.peierls.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Units;
import org.peierls.defects.Gsf;
import org.peierls.defects.StackingFault;
import org.peierls.potential.Potential;
import org.peierls.util.Charts;

/**
 * Generalized stacking-fault (GSF) curves γ(f) = (E(f) − E(0)) / A in mJ/m²: the crystal above
 * a plane shifted by f times the period of a direction in the plane, in the periodic tilted cell
 * of {@link Gsf} (no free surface), atoms relaxed only normal to the fault plane (the builder's
 * move mask). From each curve: the unstable stacking-fault energy γ_us, the first local maximum
 * of the sampled curve from f = 0 (the barrier to slip), and the intrinsic stacking-fault energy
 * γ_isf, the first interior local minimum after it (fcc {111}⟨112⟩ at f = ⅓; bcc curves usually
 * have none). Dips shallower than max(1 mJ/m², 1 % of the curve's maximum) are ignored in both.
 */
public final class StackingFaultEnergy {

    /**
     * A GSF line: plane and direction families as {@link Gsf#builder} takes them (cubic), or
     * "0001"/"10-10" with direction "a" or "m" for hcp basal and prismatic planes (a = [2-1-10],
     * m = [01-10] in the basal plane).
     */
    public record Line(String plane, String direction) {
        /** "110" etc.: the JSON key. */
        public String key() {
            return plane;
        }
    }

    /** bcc {110}⟨111⟩ and {112}⟨111⟩; fcc {111}⟨112⟩; hcp basal ⟨10-10⟩ and prismatic ⟨11-20⟩. */
    public static List<Line> defaultLines(LatticeType lattice) {
        return switch (lattice) {
            case BCC -> List.of(new Line("110", "111"), new Line("112", "111"));
            case FCC -> List.of(new Line("111", "112"));
            case HCP -> List.of(new Line("0001", "m"), new Line("10-10", "a"));
            default -> throw new IllegalArgumentException("no GSF lines for " + lattice.label());
        };
    }

    /**
     * @param lines  the curves to compute
     * @param points intervals along each curve (f = 0, 1/points, …, 1; a multiple of 6 puts the
     *               fcc unstable and intrinsic faults on grid points)
     * @param relax  relaxation settings
     */
    public record Options(List<Line> lines, int points, RelaxSettings relax) {
        public Options {
            lines = List.copyOf(lines);
            if (points < 2) {
                throw new IllegalArgumentException("a GSF curve needs at least 2 intervals");
            }
        }
    }

    /**
     * One curve.
     *
     * @param line         plane and direction
     * @param direction    the shift direction as built, e.g. "[-1-11]"
     * @param period       length of one period of the shift direction, Å
     * @param fractions    f at each point
     * @param energiesMjm2 γ(f), mJ/m²
     * @param unstable     γ_us, mJ/m²
     * @param unstableAt   f of γ_us
     * @param intrinsic    γ_isf, mJ/m², or NaN
     * @param intrinsicAt  f of γ_isf, or NaN
     * @param atoms        atoms in the cell
     * @param converged    whether every point's relaxation reached its force tolerance
     */
    public record Curve(Line line, String direction, double period, double[] fractions, double[] energiesMjm2, double unstable,
                        double unstableAt, double intrinsic, double intrinsicAt, int atoms, boolean converged) {

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("direction", direction);
            m.put("unstable_mj_m2", unstable);
            m.put("unstable_at", unstableAt);
            if (!Double.isNaN(intrinsic)) {
                m.put("intrinsic_mj_m2", intrinsic);
                m.put("intrinsic_at", intrinsicAt);
            }
            m.put("period_a", period);
            m.put("fractions", fractions);
            m.put("curve", energiesMjm2);
            m.put("atoms", atoms);
            m.put("converged", converged);
            return m;
        }
    }

    public record Result(List<Curve> curves) {

        /** {"110": {unstable_mj_m2, intrinsic_mj_m2?, curve, …}, …}. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Curve c : curves) {
                m.put(c.line().key(), c.toJson());
            }
            return m;
        }

        /** All curves against the shift in fractions of the period. */
        public byte[] png(String title) {
            XYChart chart = Charts.xy(title, "shift (fraction of the period)", "γ (mJ/m²)");
            for (Curve c : curves) {
                chart.addSeries("{" + c.line().plane() + "} along " + c.direction(), c.fractions(), c.energiesMjm2());
            }
            return Charts.png(chart);
        }
    }

    private StackingFaultEnergy() {
    }

    /** The GSF builder of a line (12 layers or more). */
    static Gsf builder(ReferenceCrystal crystal, Line line) {
        if (crystal.cubic()) {
            return Gsf.builder(crystal.lattice(), crystal.element(), crystal.a(), line.plane(), line.direction());
        }
        return switch (line.plane()) {
            case "0001" -> Gsf.hcpBasal(crystal.element(), crystal.a(), crystal.c(), 12);
            case "10-10" -> Gsf.hcpPrismatic(crystal.element(), crystal.a(), crystal.c(), 12);
            default -> throw new IllegalArgumentException("hcp GSF planes: 0001 or 10-10, got " + line.plane());
        };
    }

    /** The in-plane fractions (f₁, f₂) of one period along the line's direction. */
    static double[] along(ReferenceCrystal crystal, Line line) {
        if (crystal.cubic()) {
            return new double[]{1, 0};
        }
        // basal: x = [2-1-10] (a), y = [01-10] (a√3); prismatic: x = [2-1-10], y = [0001]
        return switch (line.direction()) {
            case "a" -> new double[]{1, 0};
            case "m" -> {
                if (!line.plane().equals("0001")) {
                    throw new IllegalArgumentException("direction m lies in the basal plane only");
                }
                yield new double[]{0, 1};
            }
            default -> throw new IllegalArgumentException("hcp GSF directions: a or m, got " + line.direction());
        };
    }

    public static Result compute(ReferenceCrystal crystal, Options options) {
        List<Curve> out = new ArrayList<>();
        for (Line line : options.lines()) {
            out.add(curve(crystal, line, options.points(), options.relax()));
        }
        return new Result(out);
    }

    static Curve curve(ReferenceCrystal crystal, Line line, int points, RelaxSettings relax) {
        Gsf gsf = builder(crystal, line);
        double[] dir = along(crystal, line);
        Potential pot = crystal.potential();
        List<StackingFault> faults = gsf.line(dir[0], dir[1], points);
        double toMj = 1e3 / Units.J_PER_M2_TO_EV_PER_A2;
        double e0 = Double.NaN;
        double[] f = new double[points + 1];
        double[] g = new double[points + 1];
        boolean converged = true;
        for (int k = 0; k <= points; k++) {
            StackingFault sf = faults.get(k);
            RelaxSettings.Relaxed r = relax.relax(sf.structure(), pot);
            converged &= r.converged();
            double e = r.energy();
            if (k == 0) {
                e0 = e;
            }
            f[k] = (double) k / points;
            g[k] = (e - e0) / sf.area() * toMj;
        }
        int us = unstableIndex(g);
        int isf = intrinsicIndex(g, us);
        double[] p = gsf.periods();
        double period = Math.hypot(dir[0] * p[0], dir[1] * p[1]);
        String direction = crystal.cubic() ? gsf.crystal().xLabel() : (dir[0] == 1 ? "[2-1-10]" : "[01-10]");
        return new Curve(line, direction, period, f, g, g[us], f[us], isf < 0 ? Double.NaN : g[isf], isf < 0 ? Double.NaN : f[isf],
                faults.get(0).structure().size(), converged);
    }

    /** Depth (mJ/m²) a dip must have to count: max(1 mJ/m², 1 % of the curve's maximum). */
    static double threshold(double[] g) {
        return Math.max(1.0, 0.01 * g[argmax(g)]);
    }

    /**
     * The first local maximum from which the curve falls by at least {@link #threshold} before
     * it rises above that maximum again (small wiggles are not barriers); the global maximum
     * when there is none.
     */
    static int unstableIndex(double[] g) {
        double thr = threshold(g);
        for (int k = 1; k < g.length - 1; k++) {
            if (!(g[k] > g[k - 1] && g[k] >= g[k + 1])) {
                continue;
            }
            double low = g[k];
            for (int q = k + 1; q < g.length && g[q] <= g[k]; q++) {
                low = Math.min(low, g[q]);
            }
            if (g[k] - low >= thr) {
                return k;
            }
        }
        return argmax(g);
    }

    /** The first interior local minimum after {@code us} at least {@link #threshold} below γ_us, or −1. */
    static int intrinsicIndex(double[] g, int us) {
        double thr = threshold(g);
        for (int k = us + 1; k < g.length - 1; k++) {
            if (g[k] < g[k - 1] && g[k] <= g[k + 1] && g[us] - g[k] >= thr) {
                return k;
            }
        }
        return -1;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
