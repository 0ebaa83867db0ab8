package org.peierls.defects;

import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Cell;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Miller;
import org.peierls.atoms.MoveMask;
import org.peierls.atoms.Structure;

/**
 * Builder of generalized stacking faults (GSF lines and γ-surfaces, Vitek 1968): a block of
 * crystal whose atoms above a lattice plane are displaced by an in-plane shift s.
 *
 * <ul>
 *   <li>periodic (default): the cell's third vector becomes c + s, so that the block is periodic
 *       with exactly one fault per cell and no free surface;</li>
 *   <li>slab ({@link #withVacuum}): the block is bounded by two free surfaces and vacuum.</li>
 * </ul>
 *
 * <p>The oriented crystal has x along the chosen shift direction and z along the fault normal;
 * shifts are given as fractions of the in-plane cell vectors (x period, y period) of one oriented
 * cell. Example: {@code Gsf.builder(LatticeType.BCC, "Ta", 3.303, "110", "111").line(20)} is
 * the {110}⟨111⟩ GSF line, fractions 0, 1/20, … of b = a√3/2. Fault energy:
 * γ(s) = (E(s) − E(0)) / area.</p>
 */
public final class Gsf {

    private final OrientedCrystal crystal;
    private final int periods;
    private final int nx;
    private final int ny;
    private final double vacuum;      // NaN: periodic
    private final int cutGap;         // −1: automatic

    private Gsf(OrientedCrystal crystal, int periods, int nx, int ny, double vacuum, int cutGap) {
        this.crystal = crystal;
        this.periods = periods;
        this.nx = nx;
        this.ny = ny;
        this.vacuum = vacuum;
        this.cutGap = cutGap;
    }

    /**
     * A GSF builder for a cubic crystal from the plane and direction families, e.g. ("110", "111")
     * for bcc {110}⟨111⟩, ("112", "111") for bcc {112}⟨111⟩, ("111", "112") or ("111", "110") for fcc.
     * The normal is the plane as written; the direction is the first member of its family
     * (indices permuted and signed, largest first) orthogonal to the normal, taken in the sense
     * in which the shift by ⅓ of its period keeps atoms farther apart (so that fcc {111}⟨112⟩
     * has the intrinsic stacking fault at ⅓ and the unstable fault at ⅙; where both senses
     * are alike, as for bcc {110}⟨111⟩ and the unrelaxed bcc {112}⟨111⟩ line, the first member).
     * At least 12 layers.
     *
     * @throws IllegalArgumentException when no member of the direction family lies in the plane
     */
    public static Gsf builder(LatticeType type, String element, double a, String plane, String direction) {
        int[] n = Miller.parse(plane);
        int[] d = inPlaneMember(n, Miller.parse(direction));
        Gsf plus = of(type, new String[]{element}, a, n, d, 12);
        Gsf minus = of(type, new String[]{element}, a, n, new int[]{-d[0], -d[1], -d[2]}, 12);
        // the sense of the shift: the one whose shift by ⅓ of the period keeps atoms farther apart
        // (fcc {111}⟨112⟩: the intrinsic stacking fault at ⅓, the unstable fault at ⅙)
        double cutoff = 1.5 * DefectGeometry.nearestNeighbourDistance(type, a);
        double sp = DefectGeometry.minimumSeparation(plus.at(1.0 / 3, 0).structure(), cutoff);
        double sm = DefectGeometry.minimumSeparation(minus.at(1.0 / 3, 0).structure(), cutoff);
        return sm > sp + 1e-6 ? minus : plus;
    }

    /**
     * A GSF builder with x along {@code direction}, z along {@code normal}, y = z × x, and at least
     * {@code layers} atomic layers (rounded up to whole periods of the oriented cell).
     */
    public static Gsf of(LatticeType type, String[] elements, double a, int[] normal, int[] direction, int layers) {
        if (Miller.dot(normal, direction) != 0) {
            throw new IllegalArgumentException("shift direction " + Miller.format(direction) + " is not in the plane "
                    + Miller.format(normal).replace('[', '(').replace(']', ')'));
        }
        long[] y = Miller.cross(normal, direction);
        int[] yi = Miller.reduced(new int[]{(int) y[0], (int) y[1], (int) y[2]});
        return of(OrientedCrystal.cubic(type, elements, a, Miller.reduced(direction), yi, Miller.reduced(normal)), layers);
    }

    /** hcp basal GSF: x = [2-1-10], y = [01-10], z = [0001]. */
    public static Gsf hcpBasal(String element, double a, double c, int layers) {
        return of(OrientedCrystal.hcpBasal(element, a, c), layers);
    }

    /** hcp prismatic (type I) GSF: x = [2-1-10], y = [0001], z = [0-110]; cut in a wide gap. */
    public static Gsf hcpPrismatic(String element, double a, double c, int layers) {
        return of(OrientedCrystal.hcpPrismatic(element, a, c), layers);
    }

    /** A GSF builder on any oriented crystal (x, y in the fault plane, z normal to it). */
    public static Gsf of(OrientedCrystal crystal, int layers) {
        if (layers < 2) {
            throw new IllegalArgumentException("a stacking fault needs at least 2 layers, got " + layers);
        }
        int p = crystal.layersPerPeriod();
        int periods = (layers + p - 1) / p;
        return new Gsf(crystal, Math.max(periods, 1), 1, 1, Double.NaN, -1);
    }

    /** The same builder with the in-plane cell repeated nx × ny (shift fractions still refer to one oriented cell). */
    public Gsf repeated(int nx, int ny) {
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("in-plane repeats must be ≥ 1, got " + nx + "×" + ny);
        }
        return new Gsf(crystal, periods, nx, ny, vacuum, cutGap);
    }

    /** A slab with {@code vacuum} Å of vacuum above and below instead of the tilted periodic cell. */
    public Gsf withVacuum(double vacuum) {
        if (!(vacuum > 0) || !Double.isFinite(vacuum)) {
            throw new IllegalArgumentException("vacuum must be positive, got " + vacuum);
        }
        return new Gsf(crystal, periods, nx, ny, vacuum, cutGap);
    }

    /** Put the fault between global layers {@code gap} and {@code gap + 1} (0-based from the bottom). */
    public Gsf cutAfterLayer(int gap) {
        if (gap < 0 || gap >= layers() - 1) {
            throw new IllegalArgumentException("fault must lie between layers 0.." + (layers() - 1) + ", got after layer " + gap);
        }
        return new Gsf(crystal, periods, nx, ny, vacuum, gap);
    }

    public OrientedCrystal crystal() {
        return crystal;
    }

    /** Atomic layers in the cell. */
    public int layers() {
        return periods * crystal.layersPerPeriod();
    }

    /** The in-plane periods of one oriented cell (Å): along x and along y. */
    public double[] periods() {
        double[] l = crystal.lengths();
        return new double[]{l[0], l[1]};
    }

    /** Fault area per cell, Å². */
    public double area() {
        double[] l = crystal.lengths();
        return nx * l[0] * ny * l[1];
    }

    /** The layer index below the fault: the given one, or the widest gap nearest the middle. */
    int gapBelowFault() {
        if (cutGap >= 0) {
            return cutGap;
        }
        double[] h = crystal.layerHeights();
        double lz = crystal.lengths()[2];
        int total = layers();
        int mid = total / 2 - 1;
        double widest = 0;
        for (int g = 0; g < total - 1; g++) {
            widest = Math.max(widest, Surface.height(h, g + 1, lz) - Surface.height(h, g, lz));
        }
        int best = -1;
        for (int g = 0; g < total - 1; g++) {
            double gap = Surface.height(h, g + 1, lz) - Surface.height(h, g, lz);
            if (gap >= widest - 1e-6 && (best < 0 || Math.abs(g - mid) < Math.abs(best - mid))) {
                best = g;
            }
        }
        return best;
    }

    /** The fault with shift f₁·(x period) along x plus f₂·(y period) along y. */
    public StackingFault at(double f1, double f2) {
        double[] p = periods();
        StackingFault f = shifted(new double[]{f1 * p[0], f2 * p[1]});
        return new StackingFault(f.structure(), f.shift(), new double[]{f1, f2}, f.faultHeight(), f.area(), f.layers(), f.periodic());
    }

    /**
     * The fault with the Cartesian in-plane shift (sx, sy), Å.
     */
    public StackingFault shifted(double[] s) {
        double[] p = periods();
        double[] len = crystal.lengths();
        Structure block = crystal.cell().repeat(nx, ny, periods);
        double[] h = crystal.layerHeights();
        int gap = gapBelowFault();
        double zCut = 0.5 * (Surface.height(h, gap, len[2]) + Surface.height(h, gap + 1, len[2]));
        int n = block.size();
        double[] x = block.positions();
        for (int i = 0; i < n; i++) {
            if (x[3 * i + 2] > zCut) {
                x[3 * i] += s[0];
                x[3 * i + 1] += s[1];
            }
        }
        double lx = nx * len[0], ly = ny * len[1], lz = periods * len[2];
        Structure out;
        double faultHeight;
        boolean periodic = Double.isNaN(vacuum);
        if (periodic) {
            Cell cell = Cell.periodic(new double[]{lx, 0, 0, 0, ly, 0, s[0], s[1], lz});
            out = new Structure(cell, block.numbers(), cell.wrap(x), block.masses(), null);
            faultHeight = zCut;
        } else {
            double z0 = h[0];
            double top = Surface.height(h, layers() - 1, len[2]);
            double offset = 0.5 * vacuum - z0;
            for (int i = 0; i < n; i++) {
                x[3 * i + 2] += offset;
            }
            Cell cell = Cell.orthorhombic(lx, ly, top - z0 + vacuum);
            // wrap in x and y only (z stays inside the slab)
            out = new Structure(cell, block.numbers(), cell.wrap(x), block.masses(), null);
            faultHeight = zCut + offset;
        }
        out = out.withArray(MoveMask.ARRAY, MoveMask.onlyComponent(n, 2))
                 .withInfo("fault_normal", crystal.zLabel())
                 .withInfo("shift_direction", crystal.xLabel());
        return new StackingFault(out, new double[]{s[0], s[1], 0}, new double[]{s[0] / p[0], s[1] / p[1]},
                                 faultHeight, lx * ly, layers(), periodic);
    }

    /** The GSF line along x: shifts f = k/points of the x period, k = 0 … points (both ends included). */
    public List<StackingFault> line(int points) {
        return line(1, 0, points);
    }

    /**
     * The GSF line along the in-plane direction (f₁, f₂) (fractions of the two periods): shifts
     * t·(f₁, f₂) for t = k/points, k = 0 … points.
     */
    public List<StackingFault> line(double f1, double f2, int points) {
        if (points < 1) {
            throw new IllegalArgumentException("a GSF line needs at least 1 interval, got " + points);
        }
        List<StackingFault> out = new ArrayList<>(points + 1);
        for (int k = 0; k <= points; k++) {
            double t = (double) k / points;
            out.add(at(t * f1, t * f2));
        }
        return out;
    }

    /** The γ-surface grid: shifts (i/n1, j/n2) of the two periods for i &lt; n1, j &lt; n2; element [i][j]. */
    public StackingFault[][] surface(int n1, int n2) {
        if (n1 < 1 || n2 < 1) {
            throw new IllegalArgumentException("γ-surface grid must be at least 1×1, got " + n1 + "×" + n2);
        }
        StackingFault[][] out = new StackingFault[n1][n2];
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                out[i][j] = at((double) i / n1, (double) j / n2);
            }
        }
        return out;
    }

    /**
     * The first member of the family of {@code family} (all permutations and sign changes of its
     * indices, in descending lexicographic order) orthogonal to {@code normal}.
     */
    static int[] inPlaneMember(int[] normal, int[] family) {
        int[] f = family;
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        List<int[]> members = new ArrayList<>();
        for (int[] p : perms) {
            for (int sign = 0; sign < 8; sign++) {
                int[] v = new int[3];
                for (int k = 0; k < 3; k++) {
                    int abs = Math.abs(f[p[k]]);
                    v[k] = ((sign >> k) & 1) == 1 ? -abs : abs;
                }
                members.add(v);
            }
        }
        members.sort((u, v) -> {
            for (int k = 0; k < 3; k++) {
                if (u[k] != v[k]) {
                    return Integer.compare(v[k], u[k]);
                }
            }
            return 0;
        });
        for (int[] v : members) {
            if (Miller.dot(v, normal) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("no direction of the family ⟨" + Miller.format(family).replaceAll("[\\[\\]]", "")
                + "⟩ lies in the plane " + Miller.format(normal).replace('[', '(').replace(']', ')'));
    }

    @Override
    public String toString() {
        return "Gsf[" + crystal + ", " + layers() + " layers, " + nx + "×" + ny
                + (Double.isNaN(vacuum) ? ", periodic" : ", vacuum " + vacuum + " Å") + "]";
    }
}
