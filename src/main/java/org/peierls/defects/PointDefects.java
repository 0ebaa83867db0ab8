package org.peierls.defects;

import java.util.Arrays;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Distances;
import org.peierls.atoms.Element;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;

/**
 * Point defects in periodic supercells: vacancy, divacancy, substitution and the
 * self-interstitials of {@link InterstitialSite}. The defect sits on the lattice atom nearest to
 * the centre of the cell, so that its periodic images are as far away as the cell allows.
 *
 * <p>Example: {@code PointDefects.vacancy(PointDefects.supercell(LatticeType.BCC, "Ta", 3.316, 4))}
 * is the 127-atom Ta vacancy cell.</p>
 */
public final class PointDefects {

    private PointDefects() {
    }

    /** The conventional cubic cell of a one-element cubic lattice repeated n × n × n. */
    public static Structure supercell(LatticeType type, String element, double a, int n) {
        return Lattice.cubic(type, new String[]{element}, a).repeat(n, n, n);
    }

    /**
     * The orthohexagonal hcp cell a × a√3 × c ({@link Lattice#hcpOrthogonal}) repeated
     * nx × ny × nz (4·nx·ny·nz atoms).
     */
    public static Structure hcpSupercell(String element, double a, double c, int nx, int ny, int nz) {
        return Lattice.hcpOrthogonal(element, a, c).repeat(nx, ny, nz);
    }

    /** The index of the atom nearest (minimum image) to the centre of the cell (fractional ½, ½, ½). */
    public static int centralAtom(Structure s) {
        Cell cell = s.cell();
        double[] centre = cell.toCartesian(new double[]{0.5, 0.5, 0.5});
        return Distances.nearestAtom(s, centre);
    }

    /**
     * The atom of an A layer (z ≡ c/4 mod c in the {@link #hcpSupercell} frame) nearest to the cell
     * centre: hcp site offsets are defined from an A-layer atom (the B layers are their mirror image).
     */
    static int centralALayerAtom(Structure perfect, double c) {
        double[] centre = perfect.cell().toCartesian(new double[]{0.5, 0.5, 0.5});
        boolean[] skip = new boolean[perfect.size()];
        for (int i = 0; i < perfect.size(); i++) {
            double f = (perfect.position(i, 2) - 0.25 * c) / c;
            skip[i] = Math.abs(f - Math.rint(f)) > 1e-6;
        }
        Cell cell = perfect.cell();
        double best = Double.POSITIVE_INFINITY;
        int arg = -1;
        double[] d = new double[3];
        for (int i = 0; i < perfect.size(); i++) {
            if (skip[i]) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                d[k] = perfect.position(i, k) - centre[k];
            }
            cell.minimumImage(d);
            double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            if (r2 < best - 1e-12) {
                best = r2;
                arg = i;
            }
        }
        if (arg < 0) {
            throw new IllegalArgumentException("no hcp A-layer atom (z ≡ c/4 mod c) in the supercell: build it with hcpSupercell");
        }
        return arg;
    }

    /** Removes the central atom (N − 1 atoms). */
    public static PointDefect vacancy(Structure perfect) {
        int c = centralAtom(perfect);
        return remove(perfect, new int[]{c}, "vacancy", position(perfect, c));
    }

    /**
     * Removes the central atom and one atom of its {@code shell}-th neighbour shell (1 = nearest
     * neighbours; shells are distinct distances to 1e-6 Å). The neighbour chosen is the one with
     * the lowest index. The defect site is the midpoint of the two vacant sites.
     *
     * @throws IllegalArgumentException when shell &lt; 1 or the cell has fewer shells
     */
    public static PointDefect divacancy(Structure perfect, int shell) {
        if (shell < 1) {
            throw new IllegalArgumentException("divacancy neighbour shell must be ≥ 1, got " + shell);
        }
        int c = centralAtom(perfect);
        int j = DefectGeometry.shellMember(perfect, c, shell);
        double[] xc = position(perfect, c);
        double[] d = Distances.separation(perfect, c, j);
        double[] mid = {xc[0] + 0.5 * d[0], xc[1] + 0.5 * d[1], xc[2] + 0.5 * d[2]};
        int[] removed = {Math.min(c, j), Math.max(c, j)};
        return remove(perfect, removed, "divacancy-" + shell + "nn", mid);
    }

    /** Replaces the central atom by an atom of {@code element} (its mass becomes the element's). */
    public static PointDefect substitution(Structure perfect, String element) {
        int c = centralAtom(perfect);
        int z = Element.number(element);
        int[] numbers = perfect.numbers();
        double[] masses = perfect.masses();
        numbers[c] = z;
        masses[c] = Element.mass(z);
        Structure s = new Structure(perfect.cell(), numbers, perfect.positions(), masses, null);
        return new PointDefect(s, perfect, "substitution-" + element, position(perfect, c), new int[]{c}, new int[]{c});
    }

    /**
     * A self-interstitial in the n × n × n supercell of a cubic lattice (bcc or fcc, as the site
     * demands), with the default dumbbell spacing of {@link #interstitial(Structure, InterstitialSite, double, double, double)}.
     */
    public static PointDefect interstitial(LatticeType type, String element, double a, int n, InterstitialSite site) {
        if (site.lattice() != type) {
            throw new IllegalArgumentException("interstitial " + site.label() + " belongs to " + site.lattice().label()
                    + ", not " + type.label());
        }
        return interstitial(supercell(type, element, a, n), site, a, 0, Double.NaN);
    }

    /** A self-interstitial in an hcp supercell from {@link #hcpSupercell}. */
    public static PointDefect hcpInterstitial(String element, double a, double c, int nx, int ny, int nz, InterstitialSite site) {
        if (site.lattice() != LatticeType.HCP) {
            throw new IllegalArgumentException("interstitial " + site.label() + " is not an hcp site");
        }
        return interstitial(hcpSupercell(element, a, c, nx, ny, nz), site, a, c, Double.NaN);
    }

    /**
     * A self-interstitial of the element of the central atom, placed relative to the central
     * atom. The perfect supercell must be in the frame the site is defined in (cube axes for
     * bcc/fcc, {@link #hcpSupercell} for hcp) and made of one element.
     *
     * <p>Dumbbells replace the central atom by two atoms at ±δ along the dumbbell direction;
     * a crowdion moves the central atom and its nearest neighbour along the row to ±δ from
     * their bond centre and puts the extra atom on the bond centre. With
     * {@code halfSeparation} NaN, δ is chosen so that the defect atoms are as far as possible
     * from every atom (the point where the dumbbell spacing 2δ, or the crowdion spacing δ, equals the
     * distance to the nearest other atom) — a symmetric starting point for relaxation, e.g.
     * bcc ⟨111⟩ dumbbell: 2δ = ⅔·d_nn; crowdion: δ = ¾·d_nn.</p>
     *
     * @param a              lattice constant, Å
     * @param c              hcp c, Å (ignored for cubic lattices)
     * @param halfSeparation δ, Å, or NaN for the balanced default
     */
    public static PointDefect interstitial(Structure perfect, InterstitialSite site, double a, double c, double halfSeparation) {
        int centre = site.lattice() == LatticeType.HCP ? centralALayerAtom(perfect, c) : centralAtom(perfect);
        double[] x0 = position(perfect, centre);
        int z = perfect.number(centre);
        switch (site.kind()) {
            case SITE: {
                double[] off = site.offset(a, c);
                double[] p = {x0[0] + off[0], x0[1] + off[1], x0[2] + off[2]};
                Structure s = append(perfect, z, new double[][]{p}, new int[0]);
                return new PointDefect(s, perfect, site.label(), p, new int[0], new int[]{perfect.size()});
            }
            case DUMBBELL: {
                double[] e = unit(site.vector());
                double d = Double.isNaN(halfSeparation) ? balanced(perfect, x0, e, new int[]{centre}, 1.0) : halfSeparation;
                double[][] atoms = {shifted(x0, e, -d), shifted(x0, e, d)};
                Structure s = append(perfect, z, atoms, new int[]{centre});
                int n = s.size();
                return new PointDefect(s, perfect, site.label(), x0, new int[]{centre}, new int[]{n - 2, n - 1});
            }
            case CROWDION: {
                double[] e = unit(site.vector());
                // the row neighbour along +e: the atom nearest to x0 + d_nn e
                double dnn = Distances.nearestNeighbourDistance(perfect, centre);
                int j = Distances.nearestAtom(perfect, shifted(x0, e, dnn));
                double[] mid = shifted(x0, e, 0.5 * dnn);
                int[] removed = {Math.min(centre, j), Math.max(centre, j)};
                double d = Double.isNaN(halfSeparation) ? balanced(perfect, mid, e, removed, 0.5) : halfSeparation;
                double[][] atoms = {shifted(mid, e, -d), mid, shifted(mid, e, d)};
                Structure s = append(perfect, z, atoms, removed);
                int n = s.size();
                return new PointDefect(s, perfect, site.label(), mid, removed, new int[]{n - 3, n - 2, n - 1});
            }
            default:
                throw new IllegalStateException(site.kind().toString());
        }
    }

    /**
     * The δ at which the spacing of the defect atoms (2δ for a dumbbell: ratio 1; δ for a
     * crowdion with its middle atom: ratio ½) equals the distance from the atoms at centre ± δe
     * to the nearest atom not removed. Bisection on δ ∈ (0, 2 d_nn].
     */
    private static double balanced(Structure perfect, double[] centre, double[] e, int[] removed, double ratio) {
        boolean[] skip = new boolean[perfect.size()];
        for (int r : removed) {
            skip[r] = true;
        }
        double lo = 1e-6;
        double hi = 2 * Distances.nearestNeighbourDistance(perfect, removed[0]);
        for (int it = 0; it < 100; it++) {
            double mid = 0.5 * (lo + hi);
            double spacing = 2 * ratio * mid;
            double other = Math.min(Distances.nearestDistance(perfect, shifted(centre, e, mid), skip),
                                    Distances.nearestDistance(perfect, shifted(centre, e, -mid), skip));
            if (spacing < other) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double[] unit(double[] v) {
        double n = Mat3.norm(v);
        return new double[]{v[0] / n, v[1] / n, v[2] / n};
    }

    private static double[] shifted(double[] x, double[] e, double d) {
        return new double[]{x[0] + d * e[0], x[1] + d * e[1], x[2] + d * e[2]};
    }

    static double[] position(Structure s, int i) {
        return new double[]{s.position(i, 0), s.position(i, 1), s.position(i, 2)};
    }

    private static PointDefect remove(Structure perfect, int[] removed, String name, double[] site) {
        boolean[] keep = new boolean[perfect.size()];
        Arrays.fill(keep, true);
        for (int r : removed) {
            keep[r] = false;
        }
        return new PointDefect(perfect.select(keep), perfect, name, site, removed.clone(), new int[0]);
    }

    /** The perfect crystal without {@code removed}, plus atoms of number z at {@code extra}, wrapped into the cell. */
    private static Structure append(Structure perfect, int z, double[][] extra, int[] removed) {
        boolean[] keep = new boolean[perfect.size()];
        Arrays.fill(keep, true);
        for (int r : removed) {
            keep[r] = false;
        }
        Structure kept = perfect.select(keep);
        int n = kept.size();
        int m = n + extra.length;
        int[] numbers = Arrays.copyOf(kept.numbers(), m);
        double[] x = Arrays.copyOf(kept.positions(), 3 * m);
        double[] masses = Arrays.copyOf(kept.masses(), m);
        for (int k = 0; k < extra.length; k++) {
            numbers[n + k] = z;
            masses[n + k] = Element.mass(z);
            System.arraycopy(extra[k], 0, x, 3 * (n + k), 3);
        }
        double[] wrapped = perfect.cell().wrap(x);
        return new Structure(perfect.cell(), numbers, wrapped, masses, null);
    }
}
