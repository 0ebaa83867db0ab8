package org.peierls.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * A census of the defects of a configuration, from per-atom structure types (a-CNA or PTM) and
 * the geometry of the non-crystalline atoms:
 * <ul>
 *   <li>surface atoms: coordination (neighbors within 1.3 × the median nearest-neighbor
 *       distance, between the first and second shells of fcc, past the second of bcc) below 80 %
 *       of the median — a close-packed surface keeps 9 of 12, a vacancy's neighbor 11;</li>
 *   <li>defect atoms: the other non-crystalline atoms, joined into clusters through the same
 *       neighbor bonds. A cluster's dimension is the rank of its windings through the periodic
 *       cell (a walk from an atom back to itself through another image): 0 a point-defect
 *       cluster, 1 a line (a dislocation core threading the cell, its length the shortest
 *       winding), 2 a planar defect (grain boundary or stacking fault, its area that of the two
 *       shortest independent windings), 3 a region that fills the cell (amorphous, molten);</li>
 *   <li>with a reference lattice: vacancies and interstitials by {@link WignerSeitz}.</li>
 * </ul>
 * Dislocation density is the line length over the cell volume (Å⁻²; × 10²⁰ for m⁻²).
 */
public final class DefectCensus {

    /** A connected group of defect atoms. */
    public record Cluster(int atoms, int dimension, double length, double area) {
        public String kind() {
            return switch (dimension) {
                case 0 -> "point";
                case 1 -> "line";
                case 2 -> "planar";
                default -> "bulk";
            };
        }
    }

    /** The census; vacancies and interstitials are −1 without a reference. */
    public record Result(Map<String, Integer> types, int surfaceAtoms, int defectAtoms, List<Cluster> clusters,
            int vacancies, int interstitials, int referenceSites, double volume) {

        public double dislocationLength() {
            return clusters.stream().filter(c -> c.dimension() == 1).mapToDouble(Cluster::length).sum();
        }

        /** Line length per volume, Å⁻². */
        public double dislocationDensity() {
            return dislocationLength() / volume;
        }

        public int planarDefectAtoms() {
            return clusters.stream().filter(c -> c.dimension() == 2).mapToInt(Cluster::atoms).sum();
        }

        public double planarDefectArea() {
            return clusters.stream().filter(c -> c.dimension() == 2).mapToDouble(Cluster::area).sum();
        }

        /** The JSON form of {@code peierls analyze --compute census}. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("structure_types", types);
            m.put("surface_atoms", surfaceAtoms);
            m.put("defect_atoms", defectAtoms);
            if (referenceSites >= 0) {
                m.put("reference_sites", referenceSites);
                m.put("vacancies", vacancies);
                m.put("interstitials", interstitials);
            }
            Map<String, Integer> byKind = new LinkedHashMap<>();
            for (String k : List.of("point", "line", "planar", "bulk")) {
                byKind.put(k, 0);
            }
            for (Cluster c : clusters) {
                byKind.merge(c.kind(), 1, Integer::sum);
            }
            m.put("clusters", byKind);
            m.put("point_defect_cluster_sizes", clusters.stream().filter(c -> c.dimension() == 0).map(Cluster::atoms).toList());
            m.put("planar_defect_atoms", planarDefectAtoms());
            m.put("planar_defect_area_A2", planarDefectArea());
            m.put("dislocation_length_A", dislocationLength());
            m.put("dislocation_density_per_m2", dislocationDensity() * 1e20);
            return m;
        }
    }

    private DefectCensus() {
    }

    /**
     * @param types     per-atom types (OTHER is non-crystalline)
     * @param reference reference lattice of the Wigner–Seitz analysis, or null
     */
    public static Result compute(Structure s, StructureType[] types, Structure reference) {
        int n = s.size();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (StructureType t : StructureType.values()) {
            counts.put(t.label(), 0);
        }
        for (StructureType t : types) {
            counts.merge(t.label(), 1, Integer::sum);
        }
        Flags f = flags(s, types);
        NeighborList nl = f.list();
        boolean[] defect = f.defect();
        int nSurface = 0, nDefect = 0;
        for (int i = 0; i < n; i++) {
            nSurface += f.surface()[i] ? 1 : 0;
            nDefect += defect[i] ? 1 : 0;
        }
        List<Cluster> clusters = clusters(s, nl, defect);
        int vac = -1, inter = -1, sites = -1;
        if (reference != null) {
            WignerSeitz.Result ws = WignerSeitz.compute(s, reference);
            vac = ws.vacancies();
            inter = ws.interstitials();
            sites = reference.size();
        }
        double volume = s.cell().isRegular() ? s.cell().volume() : Double.NaN;
        return new Result(counts, nSurface, nDefect, clusters, vac, inter, sites, volume);
    }

    /** The bond list (1.3 × median nearest-neighbor distance), surface atoms, and non-crystalline atoms that are not surface. */
    record Flags(NeighborList list, boolean[] surface, boolean[] defect) {
    }

    static Flags flags(Structure s, StructureType[] types) {
        int n = s.size();
        double dnn = NeighborShells.medianNearest(s, 1);
        NeighborList nl = NeighborList.build(s, 1.3 * dnn, NeighborList.Kind.FULL);
        int[] coord = new int[n];
        for (int i = 0; i < n; i++) {
            coord[i] = nl.count(i);
        }
        double bulk = median(Arrays.stream(coord).asDoubleStream().toArray());
        boolean[] surface = new boolean[n], defect = new boolean[n];
        for (int i = 0; i < n; i++) {
            surface[i] = coord[i] < 0.8 * bulk;
            defect[i] = !surface[i] && types[i] == StructureType.OTHER;
        }
        return new Flags(nl, surface, defect);
    }

    /** A cluster's atoms, each atom's periodic image (unwrapped: x + H·image), and its independent windings. */
    record Members(int[] atoms, int[] images, List<int[]> windings) {
    }

    /** Connected clusters of flagged atoms, with the dimension of their periodic windings. */
    static List<Cluster> clusters(Structure s, NeighborList nl, boolean[] flagged) {
        double[] h = s.cell().matrix();
        List<Cluster> out = new ArrayList<>();
        for (Members m : members(s, nl, flagged)) {
            List<int[]> windings = m.windings();
            double length = 0, area = 0;
            if (windings.size() >= 1) {
                length = windings.stream().mapToDouble(w -> Mat3.norm(cartesian(h, w))).min().orElse(0);
            }
            if (windings.size() >= 2) {
                double[] a = cartesian(h, windings.get(0)), b = cartesian(h, windings.get(1));
                area = Mat3.norm(Mat3.cross(a, b));
            }
            out.add(new Cluster(m.atoms().length, windings.size(), windings.size() == 1 ? length : 0, windings.size() == 2 ? area : 0));
        }
        out.sort((x, y) -> Integer.compare(y.atoms(), x.atoms()));
        return out;
    }

    /** The clusters with their members, by breadth-first search over the bonds. */
    static List<Members> members(Structure s, NeighborList nl, boolean[] flagged) {
        int n = s.size();
        int[] image = new int[3 * n];
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        List<Members> out = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            if (!flagged[start] || seen[start]) {
                continue;
            }
            List<int[]> windings = new ArrayList<>();
            int head = 0, tail = 0, size = 0;
            queue[tail++] = start;
            seen[start] = true;
            while (head < tail) {
                int i = queue[head++];
                size++;
                for (int e = nl.start(i); e < nl.end(i); e++) {
                    int j = nl.neighbor(e);
                    if (!flagged[j]) {
                        continue;
                    }
                    int packed = nl.image(e);
                    int ia = image[3 * i] + NeighborList.imageA(packed), ib = image[3 * i + 1] + NeighborList.imageB(packed),
                            ic = image[3 * i + 2] + NeighborList.imageC(packed);
                    if (!seen[j]) {
                        seen[j] = true;
                        image[3 * j] = ia;
                        image[3 * j + 1] = ib;
                        image[3 * j + 2] = ic;
                        queue[tail++] = j;
                    } else if (ia != image[3 * j] || ib != image[3 * j + 1] || ic != image[3 * j + 2]) {
                        addIndependent(windings, new int[]{ia - image[3 * j], ib - image[3 * j + 1], ic - image[3 * j + 2]});
                    }
                }
            }
            int[] atoms = Arrays.copyOf(queue, tail);
            int[] images = new int[3 * tail];
            for (int k = 0; k < tail; k++) {
                System.arraycopy(image, 3 * atoms[k], images, 3 * k, 3);
            }
            out.add(new Members(atoms, images, windings));
        }
        return out;
    }

    /**
     * Keeps a basis of the windings: w is added when independent of those kept; a shorter vector
     * along an existing one replaces it (a cluster winds once around a period, and the first
     * winding found may be a multiple).
     */
    private static void addIndependent(List<int[]> basis, int[] w) {
        if (basis.size() == 3) {
            return;
        }
        for (int k = 0; k < basis.size(); k++) {
            int[] b = basis.get(k);
            if (parallel(b, w)) {
                if (w[0] * w[0] + w[1] * w[1] + w[2] * w[2] < b[0] * b[0] + b[1] * b[1] + b[2] * b[2]) {
                    basis.set(k, w);
                }
                return;
            }
        }
        List<int[]> trial = new ArrayList<>(basis);
        trial.add(w);
        if (rank(trial) == trial.size()) {
            basis.add(w);
        }
    }

    private static boolean parallel(int[] a, int[] b) {
        return a[1] * b[2] - a[2] * b[1] == 0 && a[2] * b[0] - a[0] * b[2] == 0 && a[0] * b[1] - a[1] * b[0] == 0;
    }

    private static int rank(List<int[]> v) {
        if (v.size() == 1) {
            return v.get(0)[0] != 0 || v.get(0)[1] != 0 || v.get(0)[2] != 0 ? 1 : 0;
        }
        if (v.size() == 2) {
            return parallel(v.get(0), v.get(1)) ? 1 : 2;
        }
        int[] a = v.get(0), b = v.get(1), c = v.get(2);
        long det = (long) a[0] * (b[1] * c[2] - b[2] * c[1]) - (long) a[1] * (b[0] * c[2] - b[2] * c[0]) + (long) a[2] * (b[0] * c[1] - b[1] * c[0]);
        return det != 0 ? 3 : 2;
    }

    private static double[] cartesian(double[] h, int[] w) {
        return new double[]{w[0] * h[0] + w[1] * h[3] + w[2] * h[6], w[0] * h[1] + w[1] * h[4] + w[2] * h[7], w[0] * h[2] + w[1] * h[5] + w[2] * h[8]};
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length == 0 ? 0 : c[c.length / 2];
    }
}
