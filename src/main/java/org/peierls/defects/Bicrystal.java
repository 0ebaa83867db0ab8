package org.peierls.defects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Distances;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * Builder of bicrystals: grain A below (z from 0), grain B above, boundary planes normal to z.
 * Grain B is either the mirror image of grain A through the boundary plane (symmetric tilt
 * boundaries: the boundary plane is an atomic plane of both grains, belonging to grain B) or a
 * second oriented crystal with the same periods (twist boundaries). The default cell is periodic
 * in z with two boundaries (at z = 0 and at the top of grain A); {@link #withVacuum} gives one
 * boundary between two free surfaces. Candidates for relaxation come from a grid of in-plane
 * rigid translations of grain B and the deletion of one atom of every pair closer than a
 * fraction of the nearest-neighbour distance (the atom of grain B).
 *
 * <p>Note: in the periodic cell the lower boundary sees the opposite in-plane translation of
 * the upper one; for translations that are not symmetric the two boundaries differ and the
 * energy per boundary is their average.</p>
 */
public final class Bicrystal {

    /** Default minimum thickness of each grain, Å. */
    public static final double DEFAULT_GRAIN_THICKNESS = 15.0;

    private final OrientedCrystal grainA;
    private final OrientedCrystal grainB;   // null: mirror of A
    private final String name;
    private final int sigma;
    private final double misorientationDeg;
    private final double angleDeg;
    private final int periodsA, periodsB, nx, ny;
    private final double vacuum;

    Bicrystal(OrientedCrystal grainA, OrientedCrystal grainB, String name, int sigma, double misorientationDeg, double angleDeg,
              int periodsA, int periodsB, int nx, int ny, double vacuum) {
        this.grainA = grainA;
        this.grainB = grainB;
        this.name = name;
        this.sigma = sigma;
        this.misorientationDeg = misorientationDeg;
        this.angleDeg = angleDeg;
        this.periodsA = periodsA;
        this.periodsB = periodsB;
        this.nx = nx;
        this.ny = ny;
        this.vacuum = vacuum;
    }

    static Bicrystal of(OrientedCrystal grainA, OrientedCrystal grainB, String name, int sigma, double misorientationDeg, double angleDeg) {
        int p = (int) Math.ceil(DEFAULT_GRAIN_THICKNESS / grainA.lengths()[2] - 1e-9);
        return new Bicrystal(grainA, grainB, name, sigma, misorientationDeg, angleDeg, Math.max(1, p), Math.max(1, p), 1, 1, Double.NaN);
    }

    /** Each grain {@code periods} periods of the oriented cell thick along z. */
    public Bicrystal periods(int periodsA, int periodsB) {
        if (periodsA < 1 || periodsB < 1) {
            throw new IllegalArgumentException("grain thickness must be at least one period, got " + periodsA + ", " + periodsB);
        }
        return new Bicrystal(grainA, grainB, name, sigma, misorientationDeg, angleDeg, periodsA, periodsB, nx, ny, vacuum);
    }

    /** Each grain at least {@code angstrom} thick (whole periods). */
    public Bicrystal grainThickness(double angstrom) {
        int p = (int) Math.ceil(angstrom / grainA.lengths()[2] - 1e-9);
        return periods(Math.max(1, p), Math.max(1, p));
    }

    /** The boundary plane repeated nx × ny. */
    public Bicrystal repeated(int nx, int ny) {
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("in-plane repeats must be ≥ 1, got " + nx + "×" + ny);
        }
        return new Bicrystal(grainA, grainB, name, sigma, misorientationDeg, angleDeg, periodsA, periodsB, nx, ny, vacuum);
    }

    /** One boundary between two free surfaces, with {@code vacuum} Å of vacuum. */
    public Bicrystal withVacuum(double vacuum) {
        if (!(vacuum > 0) || !Double.isFinite(vacuum)) {
            throw new IllegalArgumentException("vacuum must be positive, got " + vacuum);
        }
        return new Bicrystal(grainA, grainB, name, sigma, misorientationDeg, angleDeg, periodsA, periodsB, nx, ny, vacuum);
    }

    public String name() {
        return name;
    }

    public int sigma() {
        return sigma;
    }

    public double misorientationDeg() {
        return misorientationDeg;
    }

    public OrientedCrystal grainA() {
        return grainA;
    }

    /** Grain B's oriented crystal, or null when it is the mirror image of grain A. */
    public OrientedCrystal grainB() {
        return grainB;
    }

    /** Area of one boundary in the cell, Å². */
    public double area() {
        double[] l = grainA.lengths();
        return nx * l[0] * ny * l[1];
    }

    /** The in-plane unit periods (x, y), Å, that translations are fractions of. */
    public double[] inPlanePeriods() {
        double[] l = grainA.lengths();
        return new double[]{l[0], l[1]};
    }

    /** The bicrystal with no translation and no deletion. */
    public GrainBoundary build() {
        return build(0, 0, 0);
    }

    /**
     * The bicrystal with grain B translated by (f₁, f₂) in-plane unit periods, and close pairs
     * (distance &lt; deletion·d_nn) thinned by deleting their grain-B atom.
     */
    public GrainBoundary build(double f1, double f2, double deletion) {
        if (!(deletion >= 0) || deletion >= 1) {
            throw new IllegalArgumentException("deletion fraction must lie in [0, 1), got " + deletion);
        }
        double[] len = grainA.lengths();
        double p = len[2];
        Structure a = grainA.cell().repeat(nx, ny, periodsA);
        Structure b;
        double[] xb;
        double top = (periodsA + periodsB) * p;
        if (grainB == null) {
            b = grainA.cell().repeat(nx, ny, periodsB);
            xb = b.positions();
            for (int i = 0; i < b.size(); i++) {
                double z0 = xb[3 * i + 2];
                if (z0 < OrientedCrystal.LAYER_TOLERANCE) {
                    z0 += periodsB * p;
                }
                xb[3 * i + 2] = top - z0;
            }
        } else {
            b = grainB.cell().repeat(nx, ny, periodsB);
            xb = b.positions();
            for (int i = 0; i < b.size(); i++) {
                xb[3 * i + 2] += periodsA * p;
            }
        }
        for (int i = 0; i < b.size(); i++) {
            xb[3 * i] += f1 * len[0];
            xb[3 * i + 1] += f2 * len[1];
        }
        int na = a.size(), nb = b.size(), n = na + nb;
        int[] z = Arrays.copyOf(a.numbers(), n);
        double[] x = Arrays.copyOf(a.positions(), 3 * n);
        double[] m = Arrays.copyOf(a.masses(), n);
        int[] grain = new int[n];
        for (int i = 0; i < nb; i++) {
            z[na + i] = b.number(i);
            m[na + i] = b.mass(i);
            System.arraycopy(xb, 3 * i, x, 3 * (na + i), 3);
            grain[na + i] = 1;
        }
        boolean periodic = Double.isNaN(vacuum);
        Cell cell;
        double[] heights;
        if (periodic) {
            cell = Cell.orthorhombic(nx * len[0], ny * len[1], top);
            heights = new double[]{0, periodsA * p};
        } else {
            for (int i = 0; i < n; i++) {
                x[3 * i + 2] += 0.5 * vacuum;
            }
            cell = Cell.orthorhombic(nx * len[0], ny * len[1], top + vacuum);
            heights = new double[]{periodsA * p + 0.5 * vacuum};
        }
        Structure s = new Structure(cell, z, cell.wrap(x), m, null).withArray(DefectArrays.GRAIN, grain);
        int removed = 0;
        if (deletion > 0) {
            double dnn = Distances.nearestNeighbourDistance(grainA.cell(), 0);
            boolean[] keep = new boolean[n];
            Arrays.fill(keep, true);
            NeighborList nl = NeighborList.build(s, deletion * dnn, NeighborList.Kind.HALF);
            for (int i = 0; i < n; i++) {
                for (int k = nl.start(i); k < nl.end(i); k++) {
                    int j = nl.neighbor(k);
                    if (keep[i] && keep[j] && i != j) {
                        keep[Math.max(i, j)] = false;
                        removed++;
                    }
                }
            }
            s = s.select(keep);
        }
        s = s.withInfo("grain_boundary", name);
        return new GrainBoundary(s, name, sigma, misorientationDeg, angleDeg, area(), periodic ? 2 : 1, heights,
                new double[]{f1, f2}, deletion, removed);
    }

    /**
     * Candidates for the boundary structure search: translations (i/n1, j/n2) of the in-plane unit
     * periods for i &lt; n1, j &lt; n2, each with every deletion fraction (e.g. {0.5, 0.7, 0.9}),
     * in that nested order.
     */
    public List<GrainBoundary> candidates(int n1, int n2, double[] deletions) {
        if (n1 < 1 || n2 < 1 || deletions.length == 0) {
            throw new IllegalArgumentException("translation grid must be at least 1×1 with one deletion fraction");
        }
        List<GrainBoundary> out = new ArrayList<>();
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                for (double d : deletions) {
                    out.add(build((double) i / n1, (double) j / n2, d));
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Bicrystal[" + name + ", Σ" + sigma + ", " + String.format(java.util.Locale.ROOT, "%.2f°", misorientationDeg) + ", A "
                + grainA.xLabel() + grainA.yLabel() + grainA.zLabel() + "]";
    }
}
