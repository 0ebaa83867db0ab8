package org.peierls.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.util.InputException;

/**
 * Partial radial distribution functions g<sub>ab</sub>(r) and their running coordination numbers,
 * with the normalisation of LAMMPS's {@code compute rdf} (so the two agree bin for bin): for the
 * ordered pair (a, b), H(r) counts every neighbor j of element b of every atom i of element a in the
 * shell [r, r + Δr), and g = H / (N<sub>a</sub> n<sub>b</sub> · 4π/3 (r<sub>u</sub>³ − r<sub>l</sub>³)
 * / V) with n<sub>b</sub> = N<sub>b</sub> − 1 for a = b (the atom itself is no neighbor) and N<sub>b</sub>
 * otherwise. coord(r) = Σ<sub>shells ≤ r</sub> H / N<sub>a</sub> is the mean number of b neighbors of an
 * a atom within r. The "all" pair is every atom with every atom.
 */
public final class RadialDistribution {

    /**
     * @param r      bin centres, Å
     * @param g      g(r) per pair ("Cu-Cu", "Cu-Ni", …, and "all")
     * @param coord  running coordination per pair
     */
    public record Result(double[] r, Map<String, double[]> g, Map<String, double[]> coord) {

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("r", r);
            m.put("g", g);
            m.put("coord", coord);
            return m;
        }
    }

    private RadialDistribution() {
    }

    /** Three times the median nearest-neighbor distance: the first four or five shells of a crystal, the first three peaks of a liquid. */
    public static double defaultCutoff(Structure s) {
        double d = NeighborShells.medianNearest(s, Double.NaN);
        if (Double.isNaN(d)) {
            throw new InputException("--compute rdf: no atom has a neighbor; give --rdf-cutoff");
        }
        return 3 * d;
    }

    /**
     * @param cutoff largest r, Å
     * @param bins   number of shells of width cutoff / bins
     */
    public static Result compute(Structure s, double cutoff, int bins) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new InputException("--rdf-cutoff must be a positive distance in Å, got " + cutoff);
        }
        if (bins < 1 || bins > 100_000) {
            throw new InputException("--rdf-bins must be in 1…100000, got " + bins);
        }
        if (!s.cell().isRegular() || !(s.cell().volume() > 0)) {
            throw new InputException("the radial distribution needs a cell with a volume (the density normalises g)");
        }
        int n = s.size();
        TreeSet<Integer> zs = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            zs.add(s.number(i));
        }
        Integer[] species = zs.toArray(new Integer[0]);
        int ns = species.length;
        int[] index = new int[Element.MAX_Z + 1];
        int[] count = new int[ns];
        for (int k = 0; k < ns; k++) {
            index[species[k]] = k;
        }
        for (int i = 0; i < n; i++) {
            count[index[s.number(i)]]++;
        }
        double delr = cutoff / bins, inv = 1 / delr;
        long[][] histo = new long[ns * ns][bins];
        NeighborList nl = NeighborList.build(s, cutoff, NeighborList.Kind.FULL);
        for (int i = 0; i < n; i++) {
            int a = index[s.number(i)];
            for (int e = nl.start(i); e < nl.end(i); e++) {
                int bin = (int) (nl.distance(e) * inv);
                if (bin < bins) {
                    histo[a * ns + index[s.number(nl.neighbor(e))]][bin]++;
                }
            }
        }
        double[] r = new double[bins];
        for (int b = 0; b < bins; b++) {
            r[b] = (b + 0.5) * delr;
        }
        double volume = s.cell().volume();
        Map<String, double[]> g = new LinkedHashMap<>(), coord = new LinkedHashMap<>();
        long[] all = new long[bins];
        for (int a = 0; a < ns; a++) {
            for (int b = 0; b < ns; b++) {
                long[] h = histo[a * ns + b];
                for (int k = 0; k < bins; k++) {
                    all[k] += h[k];
                }
                String name = Element.symbol(species[a]) + "-" + Element.symbol(species[b]);
                double[][] gc = normalise(h, count[a], a == b ? count[b] - 1 : count[b], delr, volume);
                g.put(name, gc[0]);
                coord.put(name, gc[1]);
            }
        }
        if (ns > 1) {
            double[][] gc = normalise(all, n, n - 1, delr, volume);
            g.put("all", gc[0]);
            coord.put("all", gc[1]);
        }
        return new Result(r, g, coord);
    }

    private static double[][] normalise(long[] h, int na, int nb, double delr, double volume) {
        int bins = h.length;
        double[] g = new double[bins], c = new double[bins];
        double constant = 4 * Math.PI / (3 * volume);
        double running = 0;
        for (int k = 0; k < bins; k++) {
            double lo = k * delr, hi = (k + 1) * delr;
            double vfrac = constant * (hi * hi * hi - lo * lo * lo);
            g[k] = na > 0 && nb > 0 ? h[k] / (vfrac * nb * (double) na) : 0;
            running += na > 0 ? h[k] / (double) na : 0;
            c[k] = running;
        }
        return new double[][]{g, c};
    }
}
