package org.peierls.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.util.InputException;

/**
 * A dislocation line finder ("DXA-lite", after Stukowski &amp; Albe's dislocation extraction
 * algorithm, MSMSE 18, 085001 (2010), without its interface mesh):
 * <ol>
 *   <li>the perfect lattice is the majority fcc or bcc of polyhedral template matching, its
 *       orientation R the symmetry-aligned mean of the crystalline atoms' orientations and its
 *       constant from the median nearest-neighbor distance;</li>
 *   <li>non-crystalline atoms (PTM other; in fcc the hcp atoms of a stacking fault are crystalline,
 *       so the fault separates the two Shockley partials) that are neither surface atoms nor bonded
 *       to one are joined into clusters ({@link DefectCensus}); a cluster that winds once through
 *       the periodic cell is a line, its direction t and length the winding;</li>
 *   <li>the line is traced as the centroids of its atoms in slices across t (a closed polyline,
 *       periodic along the winding);</li>
 *   <li>its Burgers vector is the Nye-tensor integral (Hartley &amp; Mishin 2005,
 *       {@link NyeTensor#burgers}) over the atoms nearer to this line than to any other, within
 *       {@value #TUBE_RADIUS_A} a, snapped to the nearest vector of the lattice's family
 *       (fcc ½⟨110⟩ perfect, ⅙⟨112⟩ Shockley; bcc ½⟨111⟩, ⟨100⟩) in the crystal frame;</li>
 *   <li>when the line runs along z, a closed Burgers circuit of good-crystal steps around it
 *       ({@link BurgersCircuit}, FS/RH about t) checks the vector where one exists — a circuit
 *       around a single Shockley partial has to cross the stacking fault and does not close.</li>
 * </ol>
 * Sign convention: b and t together (reversing t reverses b).
 */
public final class DislocationLines {

    /** Radius of the tube of atoms whose Nye tensor is integrated, in lattice constants (capped by the neighbor lines). */
    public static final double TUBE_RADIUS_A = 3.5;

    /** Reach of the bonds that join core atoms into one line, in nearest-neighbor distances. */
    static final double CLUSTER_REACH = 1.8;

    /**
     * A winding cluster whose Nye integral is shorter than this fraction of the family's shortest
     * vector carries no dislocation (a row of thermally disordered atoms in a thin cell, a step on a
     * boundary) and is not reported. Clusters are not filtered by size: a Shockley partial's PTM
     * core is one row of atoms.
     */
    static final double MIN_BURGERS_FRACTION = 0.35;

    /**
     * One dislocation line.
     *
     * @param burgers        snapped Burgers vector, Cartesian, Å
     * @param burgersCrystal the same in the crystal's cubic frame, in units of a
     * @param label          Miller form, e.g. 1/2[1-11] (or "?" when no family vector is within half of its length)
     * @param burgersNye     the raw Nye integral, Cartesian, Å
     * @param circuit        closure failure of a Burgers circuit around the line, Cartesian, Å; null where none closes
     * @param circuitLabel   its nearest family vector in Miller form, or null
     * @param direction      unit line direction t
     * @param points         closed polyline (the last point is the first shifted by one winding), Å
     * @param length         polyline length, Å
     * @param atoms          core atoms
     * @param characterDeg   angle between b and t, degrees (0 screw, 90 edge)
     */
    public record Line(double[] burgers, double[] burgersCrystal, String label, double[] burgersNye, double[] circuit, String circuitLabel,
                       double[] direction,
                       double[][] points, double length, int atoms, double characterDeg) {

        public String character() {
            return characterDeg < 10 || characterDeg > 170 ? "screw" : Math.abs(characterDeg - 90) < 10 ? "edge" : "mixed";
        }

        /** The JSON form of one entry of {@code "dislocations"}. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("burgers", burgers);
            m.put("burgers_crystal", burgersCrystal);
            m.put("burgers_label", label);
            m.put("burgers_nye", burgersNye);
            if (circuit != null) {
                m.put("burgers_circuit", circuit);
                m.put("burgers_circuit_label", circuitLabel);
            }
            m.put("direction", direction);
            m.put("character", character());
            m.put("character_deg", characterDeg);
            m.put("atoms", atoms);
            m.put("points", points);
            m.put("length_a", length);
            return m;
        }
    }

    /**
     * All lines found.
     *
     * @param lattice  the perfect lattice (FCC or BCC)
     * @param a        its lattice constant, Å
     * @param rotation R (row-major): crystal (cubic) frame → structure frame
     * @param alpha    the per-atom Nye tensor used, [9N]
     */
    public record Result(List<Line> lines, StructureType lattice, double a, double[] rotation, double[] alpha) {

        public double totalLength() {
            return lines.stream().mapToDouble(Line::length).sum();
        }
    }

    private DislocationLines() {
    }

    /** Lines of {@code s}, its structure types and orientations from PTM. */
    public static Result find(Structure s, PolyhedralTemplateMatching.Result ptm) {
        int n = s.size();
        StructureType[] types = ptm.types();
        int fcc = 0, bcc = 0;
        for (StructureType t : types) {
            fcc += t == StructureType.FCC ? 1 : 0;
            bcc += t == StructureType.BCC ? 1 : 0;
        }
        if (fcc + bcc == 0) {
            throw new InputException("dislocation analysis needs an fcc or bcc crystal: PTM finds neither among the " + n + " atoms");
        }
        StructureType lattice = fcc >= bcc ? StructureType.FCC : StructureType.BCC;
        double[] rot = meanRotation(ptm, lattice);
        DefectCensus.Flags f = DefectCensus.flags(s, types);
        NeighborList nl = f.list();
        double dnn = NeighborShells.medianNearest(s, 1);
        double a = latticeConstant(s, lattice, types, f.surface(), nl);
        dnn = lattice == StructureType.FCC ? a / Math.sqrt(2) : a * Math.sqrt(3) / 2;
        double[] ideal = rotate(rot, shell(lattice, a));
        double[] alpha = NyeTensor.compute(s, ideal, 1.2 * dnn);
        double omega = lattice == StructureType.FCC ? a * a * a / 4 : a * a * a / 2;

        boolean[] core = f.defect().clone();
        for (int i = 0; i < n; i++) {
            if (f.surface()[i]) {
                core[i] = false;
                for (int e = nl.start(i); e < nl.end(i); e++) {
                    core[nl.neighbor(e)] = false;
                }
            }
        }
        double[] h = s.cell().matrix();
        List<double[][]> polylines = new ArrayList<>();
        List<double[]> directions = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Double> windingLengths = new ArrayList<>();
        // the core atoms of a line along a long lattice direction (fcc ⟨112⟩: 1.73 d_nn between atoms
        // of a row) touch only through second and third neighbors
        NeighborList wide = NeighborList.build(s, CLUSTER_REACH * dnn, NeighborList.Kind.FULL);
        for (DefectCensus.Members m : DefectCensus.members(s, wide, core)) {
            if (m.windings().size() != 1) {
                continue;
            }
            int[] w = m.windings().get(0);
            double[] period = {w[0] * h[0] + w[1] * h[3] + w[2] * h[6], w[0] * h[1] + w[1] * h[4] + w[2] * h[7],
                w[0] * h[2] + w[1] * h[5] + w[2] * h[8]};
            double len = Mat3.norm(period);
            double[] t = {period[0] / len, period[1] / len, period[2] / len};
            polylines.add(trace(s, m, period, t, len, dnn));
            directions.add(t);
            sizes.add(m.atoms().length);
            windingLengths.add(len);
        }
        // each atom to its nearest line, within the tube
        int lines = polylines.size();
        boolean[][] tube = new boolean[lines][n];
        double[] d = new double[3];
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bd = TUBE_RADIUS_A * a;
            for (int l = 0; l < lines; l++) {
                double[][] p = polylines.get(l);
                for (int k = 0; k < p.length - 1; k++) {
                    for (int c = 0; c < 3; c++) {
                        d[c] = s.position(i, c) - p[k][c];
                    }
                    s.cell().minimumImage(d);
                    double[] t = directions.get(l);
                    double along = d[0] * t[0] + d[1] * t[1] + d[2] * t[2];
                    double perp = Math.sqrt(Math.max(0, d[0] * d[0] + d[1] * d[1] + d[2] * d[2] - along * along));
                    double spacing = windingLengths.get(l) / (p.length - 1);
                    if (Math.abs(along) <= 0.5 * spacing + 1e-9 && perp < bd) {
                        bd = perp;
                        best = l;
                    }
                }
            }
            if (best >= 0) {
                tube[best][i] = true;
            }
        }
        double[] rt = Mat3.transpose(rot);
        List<Line> out = new ArrayList<>();
        for (int l = 0; l < lines; l++) {
            double[] t = directions.get(l);
            double[] nye = NyeTensor.burgers(alpha, tube[l], t, omega, windingLengths.get(l));
            double[] crystal = Mat3.apply(rt, nye);
            for (int c = 0; c < 3; c++) {
                crystal[c] /= a;
            }
            if (Mat3.norm(crystal) < MIN_BURGERS_FRACTION * shortest(lattice)) {
                continue;
            }
            double[] snapped = snap(lattice, crystal);
            String label;
            double[] bc, b;
            if (snapped == null) {
                label = "?";
                bc = crystal;
                b = nye.clone();
            } else {
                label = label(snapped);
                bc = snapped;
                b = Mat3.apply(rot, new double[]{snapped[0] * a, snapped[1] * a, snapped[2] * a});
            }
            double[] circuit = circuit(s, ideal, polylines.get(l), t, sizes.get(l), dnn, polylines, l);
            String circuitLabel = null;
            if (circuit != null) {
                double[] cc = Mat3.apply(rt, circuit);
                for (int c = 0; c < 3; c++) {
                    cc[c] /= a;
                }
                double[] cs = snap(lattice, cc);
                circuitLabel = cs == null ? "?" : label(cs);
            }
            double cos = (b[0] * t[0] + b[1] * t[1] + b[2] * t[2]) / Mat3.norm(b);
            double[][] p = polylines.get(l);
            double length = 0;
            for (int k = 0; k + 1 < p.length; k++) {
                length += Math.sqrt(sq(p[k + 1][0] - p[k][0]) + sq(p[k + 1][1] - p[k][1]) + sq(p[k + 1][2] - p[k][2]));
            }
            out.add(new Line(b, bc, label, nye, circuit, circuitLabel, t, p, length, sizes.get(l), Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))))));
        }
        return new Result(out, lattice, a, rot, alpha);
    }

    /**
     * The lattice constant: from the volume per atom where the cell is periodic in all three
     * directions and has no surface (exact for any dislocation content — a line adds no atoms), else
     * from the median over the lattice's atoms of their mean first-shell bond (12 in fcc, 8 in bcc):
     * the elastic field stretches some bonds and compresses others, so the mean is unbiased to first
     * order where the shortest bond is not.
     */
    static double latticeConstant(Structure s, StructureType lattice, StructureType[] types, boolean[] surface, NeighborList nl) {
        boolean bulk = s.cell().periodic(0) && s.cell().periodic(1) && s.cell().periodic(2) && s.cell().isRegular();
        for (boolean b : surface) {
            bulk &= !b;
        }
        boolean fcc = lattice == StructureType.FCC;
        if (bulk) {
            return Math.cbrt(s.cell().volume() / s.size() * (fcc ? 4 : 2));
        }
        int shell = fcc ? 12 : 8;
        double[] vec = nl.vectors();
        List<Double> means = new ArrayList<>();
        double[] r = new double[64];
        for (int i = 0; i < s.size(); i++) {
            int count = nl.end(i) - nl.start(i);
            if (types[i] != lattice || count < shell || count > r.length) {
                continue;
            }
            for (int e = nl.start(i), k = 0; e < nl.end(i); e++, k++) {
                r[k] = Math.sqrt(vec[3 * e] * vec[3 * e] + vec[3 * e + 1] * vec[3 * e + 1] + vec[3 * e + 2] * vec[3 * e + 2]);
            }
            Arrays.sort(r, 0, count);
            double sum = 0;
            for (int k = 0; k < shell; k++) {
                sum += r[k];
            }
            means.add(sum / shell);
        }
        if (means.isEmpty()) {
            throw new InputException("dislocation analysis: no " + lattice.label() + " atom with a full first shell to take the lattice constant from");
        }
        double[] m = means.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double d = m[m.length / 2];
        return fcc ? d * Math.sqrt(2) : d * 2 / Math.sqrt(3);
    }

    /** Centroids of the core atoms in slices across t, each about two neighbor distances thick, closed by one period. */
    private static double[][] trace(Structure s, DefectCensus.Members m, double[] period, double[] t, double len, double dnn) {
        int[] atoms = m.atoms();
        int[] img = m.images();
        double[] h = s.cell().matrix();
        int count = atoms.length;
        double[] x = new double[3 * count];
        double[] u = new double[count];
        double u0 = Double.POSITIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            int i = atoms[k];
            for (int c = 0; c < 3; c++) {
                x[3 * k + c] = s.position(i, c) + img[3 * k] * h[c] + img[3 * k + 1] * h[3 + c] + img[3 * k + 2] * h[6 + c];
            }
            u[k] = x[3 * k] * t[0] + x[3 * k + 1] * t[1] + x[3 * k + 2] * t[2];
            u0 = Math.min(u0, u[k]);
        }
        int bins = Math.max(2, (int) Math.round(len / (2 * dnn)));
        double[][] sum = new double[bins][3];
        int[] filled = new int[bins];
        for (int k = 0; k < count; k++) {
            double rel = u[k] - u0;
            double shift = Math.floor(rel / len);
            rel -= shift * len;
            int bin = Math.min(bins - 1, (int) (rel / len * bins));
            for (int c = 0; c < 3; c++) {
                sum[bin][c] += x[3 * k + c] - shift * period[c];
            }
            filled[bin]++;
        }
        List<double[]> pts = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (filled[b] > 0) {
                pts.add(new double[]{sum[b][0] / filled[b], sum[b][1] / filled[b], sum[b][2] / filled[b]});
            }
        }
        // the whole line shifted by the lattice vector that brings its first point into the cell
        double[] frac = s.cell().toFractional(pts.get(0));
        double[] shift = new double[3];
        for (int k = 0; k < 3; k++) {
            if (s.cell().periodic(k)) {
                double f = -Math.floor(frac[k]);
                for (int c = 0; c < 3; c++) {
                    shift[c] += f * h[3 * k + c];
                }
            }
        }
        for (double[] q : pts) {
            for (int c = 0; c < 3; c++) {
                q[c] += shift[c];
            }
        }
        double[] first = pts.get(0);
        pts.add(new double[]{first[0] + period[0], first[1] + period[1], first[2] + period[2]});
        return pts.toArray(new double[0][]);
    }

    /**
     * A Burgers circuit around a line along ±z (null otherwise or where none closes): radius past
     * the core atoms but short of half the distance to the nearest other line.
     */
    private static double[] circuit(Structure s, double[] ideal, double[][] p, double[] t, int atoms, double dnn, List<double[][]> all, int self) {
        if (Math.abs(t[2]) < 0.999) {
            return null;
        }
        double cx = 0, cy = 0;
        for (int k = 0; k + 1 < p.length; k++) {
            cx += p[k][0];
            cy += p[k][1];
        }
        cx /= p.length - 1;
        cy /= p.length - 1;
        double nearest = Double.POSITIVE_INFINITY;
        double[] d = new double[3];
        for (int l = 0; l < all.size(); l++) {
            if (l == self) {
                continue;
            }
            double[] q = all.get(l)[0];
            d[0] = q[0] - cx;
            d[1] = q[1] - cy;
            d[2] = 0;
            s.cell().minimumImage(d);
            nearest = Math.min(nearest, Math.hypot(d[0], d[1]));
        }
        double coreRadius = Math.sqrt(atoms * dnn * dnn / (Math.PI * (p.length - 1))) + 1.5 * dnn;   // rough core extent
        double radius = Math.max(2.5 * dnn, coreRadius);
        if (radius > 0.45 * nearest) {
            return null;
        }
        try {
            double[] b = BurgersCircuit.around(s, ideal, new double[]{cx, cy}, radius).burgers();
            if (t[2] < 0) {
                for (int c = 0; c < 3; c++) {
                    b[c] = -b[c];
                }
            }
            return b;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** The family vector (units of a, crystal frame) nearest to v, or null when none is within half of its own length. */
    static double[] snap(StructureType lattice, double[] v) {
        double[] best = null;
        double bd = Double.POSITIVE_INFINITY;
        for (double[] c : family(lattice)) {
            double dd = sq(v[0] - c[0]) + sq(v[1] - c[1]) + sq(v[2] - c[2]);
            if (dd < bd) {
                bd = dd;
                best = c;
            }
        }
        return best != null && Math.sqrt(bd) < 0.5 * Mat3.norm(best) ? best.clone() : null;
    }

    /** Length of the family's shortest vector, units of a. */
    static double shortest(StructureType lattice) {
        return family(lattice).stream().mapToDouble(Mat3::norm).min().orElseThrow();
    }

    /** fcc: ½⟨110⟩ and ⅙⟨112⟩; bcc: ½⟨111⟩ and ⟨100⟩ (units of a). */
    static List<double[]> family(StructureType lattice) {
        List<double[]> out = new ArrayList<>();
        int[][] perm = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        double[][] bases = lattice == StructureType.FCC ? new double[][]{{0.5, 0.5, 0}, {2 / 6.0, 1 / 6.0, 1 / 6.0}}
                : new double[][]{{0.5, 0.5, 0.5}, {1, 0, 0}};
        for (double[] base : bases) {
            for (int[] p : perm) {
                for (int sgn = 0; sgn < 8; sgn++) {
                    double[] v = new double[3];
                    for (int c = 0; c < 3; c++) {
                        v[c] = base[p[c]] * (((sgn >> c) & 1) == 1 ? -1 : 1);
                    }
                    if (out.stream().noneMatch(o -> sq(o[0] - v[0]) + sq(o[1] - v[1]) + sq(o[2] - v[2]) < 1e-12)) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    /** 1/2[1-10], 1/6[11-2], [100] … */
    static String label(double[] v) {
        for (int den : new int[]{1, 2, 3, 6}) {
            int[] m = new int[3];
            boolean whole = true;
            for (int c = 0; c < 3; c++) {
                double x = v[c] * den;
                m[c] = (int) Math.rint(x);
                whole &= Math.abs(x - m[c]) < 1e-6;
            }
            if (whole) {
                StringBuilder sb = new StringBuilder(den == 1 ? "[" : "1/" + den + "[");
                for (int c = 0; c < 3; c++) {
                    sb.append(m[c]);
                }
                return sb.append(']').toString();
            }
        }
        return String.format(Locale.ROOT, "[%.3f %.3f %.3f]", v[0], v[1], v[2]);
    }

    /**
     * R (crystal → structure) as the mean of the PTM orientations of the atoms of the lattice,
     * each taken in the symmetry-equivalent form nearest the best-matching atom's.
     */
    static double[] meanRotation(PolyhedralTemplateMatching.Result ptm, StructureType lattice) {
        StructureType[] types = ptm.types();
        double[] or = ptm.orientation();
        double[][] group = template(lattice).symmetry;
        int ref = -1;
        for (int i = 0; i < types.length; i++) {
            if (types[i] == lattice && (ref < 0 || ptm.rmsd()[i] < ptm.rmsd()[ref])) {
                ref = i;
            }
        }
        double[] q0 = {or[4 * ref + 3], or[4 * ref], or[4 * ref + 1], or[4 * ref + 2]};
        double[] mean = new double[4];
        for (int i = 0; i < types.length; i++) {
            if (types[i] != lattice) {
                continue;
            }
            double[] q = {or[4 * i + 3], or[4 * i], or[4 * i + 1], or[4 * i + 2]};
            double[] best = null;
            double bd = -1;
            for (double[] g : group) {
                double[] p = Quaternions.multiply(q, g);
                double dot = p[0] * q0[0] + p[1] * q0[1] + p[2] * q0[2] + p[3] * q0[3];
                if (Math.abs(dot) > bd) {
                    bd = Math.abs(dot);
                    best = p;
                    if (dot < 0) {
                        for (int k = 0; k < 4; k++) {
                            best[k] = -best[k];
                        }
                    }
                }
            }
            for (int k = 0; k < 4; k++) {
                mean[k] += best[k];
            }
        }
        double[] r = new double[9];
        Quaternions.toMatrix(mean, r);
        return r;
    }

    private static PolyhedralTemplateMatching.Template template(StructureType type) {
        for (PolyhedralTemplateMatching.Template t : PolyhedralTemplateMatching.TEMPLATES) {
            if (t.type == type) {
                return t;
            }
        }
        throw new IllegalArgumentException("no template " + type);
    }

    /** First-shell vectors of the cubic lattice (crystal frame, Å), flat [3K]. */
    static double[] shell(StructureType lattice, double a) {
        List<double[]> v = new ArrayList<>();
        if (lattice == StructureType.FCC) {
            for (double[] c : family(StructureType.FCC)) {
                if (Math.abs(Mat3.norm(c) - Math.sqrt(0.5)) < 1e-9) {
                    v.add(c);
                }
            }
        } else {
            for (double[] c : family(StructureType.BCC)) {
                if (Math.abs(Mat3.norm(c) - Math.sqrt(0.75)) < 1e-9) {
                    v.add(c);
                }
            }
        }
        double[] out = new double[3 * v.size()];
        for (int k = 0; k < v.size(); k++) {
            for (int c = 0; c < 3; c++) {
                out[3 * k + c] = v.get(k)[c] * a;
            }
        }
        return out;
    }

    private static double[] rotate(double[] r, double[] flat) {
        double[] out = new double[flat.length];
        for (int k = 0; k < flat.length / 3; k++) {
            double[] v = Mat3.apply(r, new double[]{flat[3 * k], flat[3 * k + 1], flat[3 * k + 2]});
            System.arraycopy(v, 0, out, 3 * k, 3);
        }
        return out;
    }

    private static double sq(double x) {
        return x * x;
    }

    static String describe(Line l) {
        return String.format(Locale.ROOT, "%s %s (%.0f°), %.2f Å, %d atoms", l.label(), l.character(), l.characterDeg(), l.length(), l.atoms());
    }
}
