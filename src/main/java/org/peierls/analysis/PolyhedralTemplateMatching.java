package org.peierls.analysis;

import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.util.Parallel;

/**
 * Polyhedral template matching (Larsen, Schmidt &amp; Schiøtz, Modelling Simul. Mater. Sci. Eng.
 * 24, 055007 (2016)): the N nearest neighbors of an atom, with the atom itself, are compared with
 * the ideal neighbor polyhedra of fcc (12), hcp (12), bcc (14: 8 + 6), icosahedral (12) and
 * simple cubic (6) order; the atom takes the template of least root-mean-square deviation, if it
 * is below the RMSD cutoff, and the rotation of the best fit is its local lattice orientation.
 *
 * <p>The deviation is Larsen's scale-invariant one (their eq. 3): both point sets (N neighbors
 * and the centre) are centred, the template's neighbors are at mean distance 1, and
 * RMSD² = min over scale s and rotation R of (1/(N+1)) Σ |s·R·p<sub>i</sub> − q<sub>i</sub>|².
 * For a given correspondence the optimal R is Horn's quaternion (J. Opt. Soc. Am. A 4, 629 (1987)):
 * the leading eigenvector of a symmetric 4×4 matrix built from Σ p q<sup>T</sup>, and the optimal
 * s follows in closed form.</p>
 *
 * <p>The correspondence: Larsen et al. enumerate it by the canonical labelling of the convex-hull
 * graph; here it is found by anchoring — the nearest neighbor is mapped to one representative of
 * each orbit of the template's rotation group, the nearest neighbor not collinear with it to each
 * template vector at a compatible angle (±{@value #ANGLE_TOLERANCE_DEG}°), and every other
 * neighbor to the template direction closest to it under that rotation (one-to-one, else the
 * candidate is dropped); each candidate is refined by Horn's rotation and one reassignment. By the
 * symmetry, fixing the anchor to an orbit representative loses no correspondence that the full
 * search would find, so the search is small (fcc: 1 orbit × 4 angles).</p>
 *
 * <p>The orientation is the rotation taking the template's reference frame (cubic axes for fcc,
 * bcc and sc; c along z and a nearest neighbor along x for hcp) into the crystal, as a unit
 * quaternion (x, y, z, w), reduced to the one of largest w among the equivalents by the lattice's
 * rotation group (24 cubic rotations; the 12 of D6 for hcp, so both hcp sites give one
 * orientation; 60 for ico) — so a crystal rotated by R reports R's reduced quaternion.</p>
 */
public final class PolyhedralTemplateMatching {

    /** Larsen's and OVITO's default RMSD cutoff. */
    public static final double DEFAULT_RMSD_CUTOFF = 0.1;

    static final double ANGLE_TOLERANCE_DEG = 20;

    /** Per-atom result: type (OTHER above the cutoff), RMSD (NaN with too few neighbors), quaternion (x,y,z,w; NaN for other). */
    public record Result(StructureType[] types, double[] rmsd, double[] orientation) {
    }

    /** One ideal neighbor polyhedron. */
    static final class Template {
        final StructureType type;
        final int n;
        final double[] q;         // 3n, mean length 1
        final double sumQ2;
        final int[] orbitReps;    // anchor candidates
        final double[][] symmetry; // lattice rotation group as quaternions (w,x,y,z)

        Template(StructureType type, double[] vectors, double[] extraGenerator) {
            this.type = type;
            this.n = vectors.length / 3;
            double mean = 0;
            for (int k = 0; k < n; k++) {
                mean += norm(vectors, k);
            }
            mean /= n;
            q = new double[3 * n];
            double s2 = 0;
            for (int k = 0; k < 3 * n; k++) {
                q[k] = vectors[k] / mean;
                s2 += q[k] * q[k];
            }
            sumQ2 = s2;
            List<double[]> group = selfRotations();
            orbitReps = orbits(group);
            if (extraGenerator != null) {
                group = closure(group, extraGenerator);
            }
            symmetry = new double[group.size()][];
            for (int g = 0; g < group.size(); g++) {
                symmetry[g] = Quaternions.fromMatrix(group.get(g));
            }
        }

        /** The rotations (row-major 3×3) that map the template onto itself. */
        private List<double[]> selfRotations() {
            List<double[]> out = new ArrayList<>();
            int b = secondAnchor(q, 0, n);
            double cab = cos(q, 0, q, b);
            double[] r = new double[9];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (j == i || Math.abs(cos(q, i, q, j) - cab) > 1e-6 || Math.abs(norm(q, i) - norm(q, 0)) > 1e-6
                            || Math.abs(norm(q, j) - norm(q, b)) > 1e-6) {
                        continue;
                    }
                    frameRotation(q, 0, b, q, i, j, r);
                    if (mapsOntoItself(r) && out.stream().noneMatch(m -> same(m, r))) {
                        out.add(r.clone());
                    }
                }
            }
            return out;
        }

        private boolean mapsOntoItself(double[] r) {
            for (int k = 0; k < n; k++) {
                double x = r[0] * q[3 * k] + r[1] * q[3 * k + 1] + r[2] * q[3 * k + 2];
                double y = r[3] * q[3 * k] + r[4] * q[3 * k + 1] + r[5] * q[3 * k + 2];
                double z = r[6] * q[3 * k] + r[7] * q[3 * k + 1] + r[8] * q[3 * k + 2];
                boolean hit = false;
                for (int l = 0; l < n && !hit; l++) {
                    double dx = x - q[3 * l], dy = y - q[3 * l + 1], dz = z - q[3 * l + 2];
                    hit = dx * dx + dy * dy + dz * dz < 1e-10;
                }
                if (!hit) {
                    return false;
                }
            }
            return true;
        }

        private int[] orbits(List<double[]> group) {
            int[] orbit = new int[n];
            java.util.Arrays.fill(orbit, -1);
            List<Integer> reps = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (orbit[k] >= 0) {
                    continue;
                }
                reps.add(k);
                for (double[] r : group) {
                    double x = r[0] * q[3 * k] + r[1] * q[3 * k + 1] + r[2] * q[3 * k + 2];
                    double y = r[3] * q[3 * k] + r[4] * q[3 * k + 1] + r[5] * q[3 * k + 2];
                    double z = r[6] * q[3 * k] + r[7] * q[3 * k + 1] + r[8] * q[3 * k + 2];
                    for (int l = 0; l < n; l++) {
                        double dx = x - q[3 * l], dy = y - q[3 * l + 1], dz = z - q[3 * l + 2];
                        if (dx * dx + dy * dy + dz * dz < 1e-10) {
                            orbit[l] = k;
                        }
                    }
                }
            }
            return reps.stream().mapToInt(Integer::intValue).toArray();
        }

        private static List<double[]> closure(List<double[]> group, double[] generator) {
            List<double[]> out = new ArrayList<>(group);
            boolean grown = true;
            List<double[]> gens = new ArrayList<>(group);
            gens.add(generator);
            while (grown) {
                grown = false;
                List<double[]> snapshot = new ArrayList<>(out);
                for (double[] a : snapshot) {
                    for (double[] g : gens) {
                        double[] p = Mat3.mul(a, g);
                        if (out.stream().noneMatch(m -> same(m, p))) {
                            out.add(p);
                            grown = true;
                        }
                    }
                }
            }
            return out;
        }
    }

    static final Template[] TEMPLATES = {fcc(), hcp(), bcc(), ico(), sc()};

    private PolyhedralTemplateMatching() {
    }

    /** PTM with the default RMSD cutoff. */
    public static Result compute(Structure s) {
        return compute(s, DEFAULT_RMSD_CUTOFF);
    }

    /**
     * Per-atom structure type, RMSD and orientation.
     *
     * @param rmsdCutoff atoms whose best template deviates more are "other" (∞: none is)
     */
    public static Result compute(Structure s, double rmsdCutoff) {
        if (!(rmsdCutoff > 0)) {
            throw new IllegalArgumentException("PTM RMSD cutoff must be positive, got " + rmsdCutoff);
        }
        NeighborShells shells = NeighborShells.reaching(s, 14);
        int n = s.size(), chunks = Parallel.chunks(n, 128);
        StructureType[] types = new StructureType[n];
        double[] rmsd = new double[n];
        double[] orientation = new double[4 * n];
        Parallel.forEachChunk(chunks, c -> {
            NeighborShells.Shell sh = new NeighborShells.Shell();
            Matcher m = new Matcher();
            double[] bestQ = new double[4];
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                sh.load(shells, i);
                double best = Double.POSITIVE_INFINITY;
                Template bestT = null;
                for (Template t : TEMPLATES) {
                    if (sh.n < t.n) {
                        continue;
                    }
                    double r = m.match(sh.v, t);
                    if (r < best) {
                        best = r;
                        bestT = t;
                        System.arraycopy(m.quaternion, 0, bestQ, 0, 4);
                    }
                }
                rmsd[i] = bestT == null ? Double.NaN : best;
                if (bestT == null || !(best <= rmsdCutoff)) {
                    types[i] = StructureType.OTHER;
                    java.util.Arrays.fill(orientation, 4 * i, 4 * i + 4, Double.NaN);
                    continue;
                }
                types[i] = bestT.type;
                // the fit rotates the neighbors onto the template; the orientation is its inverse
                double[] u = Quaternions.reduced(Quaternions.conjugate(bestQ), bestT.symmetry);
                orientation[4 * i] = u[1];
                orientation[4 * i + 1] = u[2];
                orientation[4 * i + 2] = u[3];
                orientation[4 * i + 3] = u[0];
            }
        });
        return new Result(types, rmsd, orientation);
    }

    /** Per-thread scratch of the correspondence search. */
    static final class Matcher {
        final double[] r0 = new double[9];
        final double[] rot = new double[9];
        final int[] assign = new int[14];
        final int[] assign2 = new int[14];
        final double[] quaternion = new double[4];
        final double[] frameE = new double[9];
        final double[] frameF = new double[9];
        final double[] sym = new double[16];
        final double[] vecs = new double[16];
        final double cosTol = Math.cos(Math.toRadians(ANGLE_TOLERANCE_DEG));

        /** Least RMSD of the first t.n neighbors in v against template t (∞ when no candidate); {@link #quaternion} holds its fit. */
        double match(double[] v, Template t) {
            int n = t.n;
            int b = secondAnchor(v, 0, n);
            if (b < 0) {
                return Double.POSITIVE_INFINITY;
            }
            double angleAB = Math.acos(clamp(cos(v, 0, v, b)));
            double tol = Math.toRadians(ANGLE_TOLERANCE_DEG);
            double best = Double.POSITIVE_INFINITY;
            double bw = 0, bx = 0, by = 0, bz = 0;
            for (int ta : t.orbitReps) {
                for (int tb = 0; tb < n; tb++) {
                    if (tb == ta || Math.abs(Math.acos(clamp(cos(t.q, ta, t.q, tb))) - angleAB) > tol) {
                        continue;
                    }
                    frameRotation(v, 0, b, t.q, ta, tb, r0, frameE, frameF);
                    if (!assignByDirection(v, t, r0, assign)) {
                        continue;
                    }
                    double r = fit(v, t, assign);
                    // one reassignment under the refined rotation
                    Quaternions.toMatrix(quaternion, rot);
                    if (assignByDirection(v, t, rot, assign2) && !java.util.Arrays.equals(assign, 0, n, assign2, 0, n)) {
                        double w0 = quaternion[0], x0 = quaternion[1], y0 = quaternion[2], z0 = quaternion[3];
                        double r2 = fit(v, t, assign2);
                        if (!(r2 < r)) {
                            quaternion[0] = w0;
                            quaternion[1] = x0;
                            quaternion[2] = y0;
                            quaternion[3] = z0;
                        } else {
                            r = r2;
                        }
                    }
                    if (r < best) {
                        best = r;
                        bw = quaternion[0];
                        bx = quaternion[1];
                        by = quaternion[2];
                        bz = quaternion[3];
                    }
                }
            }
            quaternion[0] = bw;
            quaternion[1] = bx;
            quaternion[2] = by;
            quaternion[3] = bz;
            return best;
        }

        /** out[k] = template vector closest in direction to rotation·v_k; false when two neighbors claim one. */
        private boolean assignByDirection(double[] v, Template t, double[] r, int[] out) {
            int n = t.n;
            long used = 0;
            for (int k = 0; k < n; k++) {
                double x = r[0] * v[3 * k] + r[1] * v[3 * k + 1] + r[2] * v[3 * k + 2];
                double y = r[3] * v[3 * k] + r[4] * v[3 * k + 1] + r[5] * v[3 * k + 2];
                double z = r[6] * v[3 * k] + r[7] * v[3 * k + 1] + r[8] * v[3 * k + 2];
                double len = Math.sqrt(x * x + y * y + z * z);
                int best = -1;
                double bc = -2;
                for (int l = 0; l < n; l++) {
                    double c = (x * t.q[3 * l] + y * t.q[3 * l + 1] + z * t.q[3 * l + 2]) / (len * norm(t.q, l));
                    if (c > bc) {
                        bc = c;
                        best = l;
                    }
                }
                if ((used & (1L << best)) != 0) {
                    return false;
                }
                used |= 1L << best;
                out[k] = best;
            }
            return true;
        }

        /** Horn's optimal rotation and scale for the correspondence; returns the RMSD and leaves the rotation in {@link #quaternion}. */
        private double fit(double[] v, Template t, int[] a) {
            int n = t.n;
            double sxx = 0, sxy = 0, sxz = 0, syx = 0, syy = 0, syz = 0, szx = 0, szy = 0, szz = 0;
            double cx = 0, cy = 0, cz = 0, p2 = 0;
            for (int k = 0; k < n; k++) {
                double px = v[3 * k], py = v[3 * k + 1], pz = v[3 * k + 2];
                int l = a[k];
                double qx = t.q[3 * l], qy = t.q[3 * l + 1], qz = t.q[3 * l + 2];
                sxx += px * qx;
                sxy += px * qy;
                sxz += px * qz;
                syx += py * qx;
                syy += py * qy;
                syz += py * qz;
                szx += pz * qx;
                szy += pz * qy;
                szz += pz * qz;
                cx += px;
                cy += py;
                cz += pz;
                p2 += px * px + py * py + pz * pz;
            }
            // centring the N+1 points (centre included) leaves Σ q·Rp unchanged (Σq = 0) and lowers Σ|p|²
            p2 -= (cx * cx + cy * cy + cz * cz) / (n + 1);
            double[] m = sym;
            m[0] = sxx + syy + szz;
            m[1] = syz - szy;
            m[2] = szx - sxz;
            m[3] = sxy - syx;
            m[5] = sxx - syy - szz;
            m[6] = sxy + syx;
            m[7] = szx + sxz;
            m[10] = -sxx + syy - szz;
            m[11] = syz + szy;
            m[15] = -sxx - syy + szz;
            m[4] = m[1];
            m[8] = m[2];
            m[12] = m[3];
            m[9] = m[6];
            m[13] = m[7];
            m[14] = m[11];
            double lambda = Jacobi4.largest(m, vecs, quaternion);
            double res = t.sumQ2 - lambda * lambda / p2;
            return Math.sqrt(Math.max(0, res) / (n + 1));
        }
    }

    /** The first neighbor after 0 whose direction is at least 15° from neighbor 0's (and from its opposite); −1 if none. */
    static int secondAnchor(double[] v, int a, int n) {
        for (int k = 0; k < n; k++) {
            if (k != a && Math.abs(cos(v, a, v, k)) < Math.cos(Math.toRadians(15))) {
                return k;
            }
        }
        return -1;
    }

    /** The rotation taking the frame of (v_a, v_b) onto the frame of (w_c, w_d): R = F·Eᵀ. */
    static void frameRotation(double[] v, int a, int b, double[] w, int c, int d, double[] r) {
        frameRotation(v, a, b, w, c, d, r, new double[9], new double[9]);
    }

    /** The same with caller-owned scratch frames e, f (9 each). */
    static void frameRotation(double[] v, int a, int b, double[] w, int c, int d, double[] r, double[] e, double[] f) {
        frame(v, a, b, e);
        frame(w, c, d, f);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = f[i] * e[j] + f[3 + i] * e[3 + j] + f[6 + i] * e[6 + j];
            }
        }
    }

    private static void frame(double[] v, int a, int b, double[] e) {
        double la = norm(v, a);
        double x1 = v[3 * a] / la, y1 = v[3 * a + 1] / la, z1 = v[3 * a + 2] / la;
        double d = v[3 * b] * x1 + v[3 * b + 1] * y1 + v[3 * b + 2] * z1;
        double x2 = v[3 * b] - d * x1, y2 = v[3 * b + 1] - d * y1, z2 = v[3 * b + 2] - d * z1;
        double l2 = Math.sqrt(x2 * x2 + y2 * y2 + z2 * z2);
        x2 /= l2;
        y2 /= l2;
        z2 /= l2;
        e[0] = x1;
        e[1] = y1;
        e[2] = z1;
        e[3] = x2;
        e[4] = y2;
        e[5] = z2;
        e[6] = y1 * z2 - z1 * y2;
        e[7] = z1 * x2 - x1 * z2;
        e[8] = x1 * y2 - y1 * x2;
    }

    static double norm(double[] v, int k) {
        return Math.sqrt(v[3 * k] * v[3 * k] + v[3 * k + 1] * v[3 * k + 1] + v[3 * k + 2] * v[3 * k + 2]);
    }

    static double cos(double[] v, int a, double[] w, int b) {
        return (v[3 * a] * w[3 * b] + v[3 * a + 1] * w[3 * b + 1] + v[3 * a + 2] * w[3 * b + 2]) / (norm(v, a) * norm(w, b));
    }

    private static double clamp(double c) {
        return Math.max(-1, Math.min(1, c));
    }

    private static boolean same(double[] a, double[] b) {
        for (int k = 0; k < 9; k++) {
            if (Math.abs(a[k] - b[k]) > 1e-8) {
                return false;
            }
        }
        return true;
    }

    // --- the templates, in their reference frames ---

    private static Template fcc() {
        double[] v = new double[36];
        int k = 0;
        for (int axis = 0; axis < 3; axis++) {
            for (int s1 = -1; s1 <= 1; s1 += 2) {
                for (int s2 = -1; s2 <= 1; s2 += 2) {
                    v[3 * k + (axis + 1) % 3] = s1;
                    v[3 * k + (axis + 2) % 3] = s2;
                    k++;
                }
            }
        }
        return new Template(StructureType.FCC, v, null);
    }

    /** Ideal hcp: six in the basal plane (one along x), three above and three below at 90°, 210°, 330°. */
    private static Template hcp() {
        double[] v = new double[36];
        for (int k = 0; k < 6; k++) {
            v[3 * k] = Math.cos(Math.toRadians(60 * k));
            v[3 * k + 1] = Math.sin(Math.toRadians(60 * k));
        }
        double rho = 1 / Math.sqrt(3), h = Math.sqrt(2.0 / 3);
        for (int k = 0; k < 6; k++) {
            double phi = Math.toRadians(90 + 120 * (k % 3));
            v[18 + 3 * k] = rho * Math.cos(phi);
            v[18 + 3 * k + 1] = rho * Math.sin(phi);
            v[18 + 3 * k + 2] = k < 3 ? h : -h;
        }
        double c = 0.5, s = Math.sqrt(3) / 2; // 60° about z: the other hcp site, same lattice
        return new Template(StructureType.HCP, v, new double[]{c, -s, 0, s, c, 0, 0, 0, 1});
    }

    /** bcc: the eight ⟨111⟩ first neighbors at √3/2 a, the six ⟨100⟩ second at a. */
    private static Template bcc() {
        double[] v = new double[42];
        int k = 0;
        for (int sx = -1; sx <= 1; sx += 2) {
            for (int sy = -1; sy <= 1; sy += 2) {
                for (int sz = -1; sz <= 1; sz += 2) {
                    v[3 * k] = 0.5 * sx;
                    v[3 * k + 1] = 0.5 * sy;
                    v[3 * k + 2] = 0.5 * sz;
                    k++;
                }
            }
        }
        for (int axis = 0; axis < 3; axis++) {
            for (int s = -1; s <= 1; s += 2) {
                v[3 * k + axis] = s;
                k++;
            }
        }
        return new Template(StructureType.BCC, v, null);
    }

    /** The 12 vertices (0, ±1, ±φ) and their cyclic permutations. */
    private static Template ico() {
        double phi = (1 + Math.sqrt(5)) / 2;
        double[] v = new double[36];
        int k = 0;
        for (int perm = 0; perm < 3; perm++) {
            for (int s1 = -1; s1 <= 1; s1 += 2) {
                for (int s2 = -1; s2 <= 1; s2 += 2) {
                    double[] p = {0, s1, s2 * phi};
                    v[3 * k] = p[perm % 3];
                    v[3 * k + 1] = p[(perm + 1) % 3];
                    v[3 * k + 2] = p[(perm + 2) % 3];
                    k++;
                }
            }
        }
        return new Template(StructureType.ICO, v, null);
    }

    private static Template sc() {
        double[] v = new double[18];
        for (int axis = 0; axis < 3; axis++) {
            v[3 * (2 * axis) + axis] = 1;
            v[3 * (2 * axis + 1) + axis] = -1;
        }
        return new Template(StructureType.SC, v, null);
    }
}
