package org.peierls.neighbors;

import java.util.Arrays;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.util.Parallel;

/**
 * Neighbor list in compressed-sparse-row form, built in O(N) by binning atoms in fractional
 * coordinates. Correct for any triclinic cell, including cells smaller than twice the cutoff
 * (many periodic images, an atom's own images included), and for non-periodic directions.
 *
 * <p>Entry {@code k} in {@code [start(i), end(i))} is the pair (i, j = {@link #neighbor(k)},
 * image n = {@link #image(k)}): the displacement from atom i to the image of atom j is
 * {@code d = x_j − x_i + n·H} with the <em>unwrapped</em> positions the list was built from and
 * the rows of the cell matrix H. A {@linkplain Kind#HALF half} list holds each pair once
 * (i &lt; j, or i = j with n lexicographically positive); a {@linkplain Kind#FULL full} list holds it
 * from both sides.</p>
 *
 * <p>With a skin, build with {@code cutoff + skin}, keep using the list while
 * {@link #needsRebuild} is false, and let the potential skip pairs beyond its own cutoff.</p>
 */
public final class NeighborList {

    /** Full lists store each pair twice (i→j and j→i); half lists once. */
    public enum Kind { FULL, HALF }

    private static final int IMAGE_BITS = 10;
    /**
     * Bins per cutoff length: with bins rc/2 wide the ±2-bin stencil covers (5·rc/2)³ = 15.6 rc³
     * instead of the 27 rc³ of rc-wide bins, so fewer candidate pairs are tested.
     */
    private static final double BINS_PER_CUTOFF = 1.0;
    private static final int IMAGE_BIAS = 1 << (IMAGE_BITS - 1);
    private static final int IMAGE_MASK = (1 << IMAGE_BITS) - 1;
    /** Packed image (0, 0, 0). */
    public static final int ZERO_IMAGE = pack(0, 0, 0);

    private final Kind kind;
    private final double cutoff;
    private final int natoms;
    private final int[] offsets;
    private final int[] neighbors;
    private final int[] images;
    private final Cell cell;
    private final double[] buildPositions;
    private volatile double[] vectors;

    private NeighborList(Kind kind, double cutoff, int natoms, int[] offsets, int[] neighbors, int[] images,
                         Cell cell, double[] buildPositions) {
        this.kind = kind;
        this.cutoff = cutoff;
        this.natoms = natoms;
        this.offsets = offsets;
        this.neighbors = neighbors;
        this.images = images;
        this.cell = cell;
        this.buildPositions = buildPositions;
    }

    static int pack(int a, int b, int c) {
        return (a + IMAGE_BIAS) | ((b + IMAGE_BIAS) << IMAGE_BITS) | ((c + IMAGE_BIAS) << (2 * IMAGE_BITS));
    }

    /** Image index along a (−511 … 511) of a packed image. */
    public static int imageA(int packed) {
        return (packed & IMAGE_MASK) - IMAGE_BIAS;
    }

    public static int imageB(int packed) {
        return ((packed >>> IMAGE_BITS) & IMAGE_MASK) - IMAGE_BIAS;
    }

    public static int imageC(int packed) {
        return ((packed >>> (2 * IMAGE_BITS)) & IMAGE_MASK) - IMAGE_BIAS;
    }

    /**
     * Builds the list of all pairs closer than {@code cutoff} (strictly) in {@code structure}.
     *
     * @param cutoff pair distance cutoff, Å (include the skin here)
     * @throws IllegalArgumentException for a non-positive cutoff
     */
    public static NeighborList build(Structure structure, double cutoff, Kind kind) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("neighbor cutoff must be positive, got " + cutoff);
        }
        double[] x = structure.positions();
        Cell cell = structure.cell();
        return new Builder(x, cell, cutoff, kind).build();
    }

    public Kind kind() {
        return kind;
    }

    public double cutoff() {
        return cutoff;
    }

    /** Number of atoms N. */
    public int atoms() {
        return natoms;
    }

    /** Total number of stored entries. */
    public int size() {
        return neighbors.length;
    }

    /** First entry of atom i. */
    public int start(int i) {
        return offsets[i];
    }

    /** One past the last entry of atom i. */
    public int end(int i) {
        return offsets[i + 1];
    }

    /** Number of entries of atom i. */
    public int count(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** Neighbor atom index of entry k. */
    public int neighbor(int k) {
        return neighbors[k];
    }

    /** Packed image of entry k (decode with {@link #imageA}, {@link #imageB}, {@link #imageC}). */
    public int image(int k) {
        return images[k];
    }

    /** The CSR offsets {@code [N+1]} (the internal array: do not modify). */
    public int[] offsetsArray() {
        return offsets;
    }

    /** Neighbor indices {@code [size]} (the internal array: do not modify). */
    public int[] neighborsArray() {
        return neighbors;
    }

    /** Packed images {@code [size]} (the internal array: do not modify). */
    public int[] imagesArray() {
        return images;
    }

    /** The cell the list was built in. */
    public Cell cell() {
        return cell;
    }

    /**
     * Displacement vectors {@code [3·size]} (x_j + n·H − x_i) at the positions and cell the list
     * was built from; computed on first use and kept (the internal array: do not modify).
     */
    public double[] vectors() {
        double[] v = vectors;
        if (v == null) {
            synchronized (this) {
                v = vectors;
                if (v == null) {
                    v = new double[3 * neighbors.length];
                    displacements(buildPositions, cell, v);
                    vectors = v;
                }
            }
        }
        return v;
    }

    /**
     * The displacement vectors of {@code structure}: the cached {@link #vectors()} when it has the
     * positions and cell the list was built from, otherwise fresh ones for its current positions.
     */
    public double[] vectorsFor(Structure structure) {
        if (structure.cell().equals(cell) && Arrays.equals(structure.positions(), buildPositions)) {
            return vectors();
        }
        double[] out = new double[3 * neighbors.length];
        displacements(structure.positions(), structure.cell(), out);
        return out;
    }

    /** Distance of entry k at the build positions, Å. */
    public double distance(int k) {
        double[] v = vectors();
        return Math.sqrt(v[3 * k] * v[3 * k] + v[3 * k + 1] * v[3 * k + 1] + v[3 * k + 2] * v[3 * k + 2]);
    }

    /**
     * Fills {@code out[3·size]} with the displacement vectors for new positions {@code [3N]} and
     * cell (the pairs stay those found at build time: call it while {@link #needsRebuild} is false).
     */
    public void displacements(double[] positions, Cell current, double[] out) {
        if (positions.length != 3 * natoms) {
            throw new IllegalArgumentException("positions for " + positions.length / 3 + " atoms, list built for " + natoms);
        }
        double[] h = current.matrix();
        int chunks = Parallel.chunks(natoms, 4096);
        Parallel.forEachChunk(chunks, c -> {
            int lo = Parallel.chunkStart(natoms, chunks, c), hi = Parallel.chunkStart(natoms, chunks, c + 1);
            for (int i = lo; i < hi; i++) {
                double xi = positions[3 * i], yi = positions[3 * i + 1], zi = positions[3 * i + 2];
                for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                    int j = neighbors[k];
                    double dx = positions[3 * j] - xi, dy = positions[3 * j + 1] - yi, dz = positions[3 * j + 2] - zi;
                    int img = images[k];
                    if (img != ZERO_IMAGE) {
                        int a = imageA(img), b = imageB(img), cc = imageC(img);
                        dx += a * h[0] + b * h[3] + cc * h[6];
                        dy += a * h[1] + b * h[4] + cc * h[7];
                        dz += a * h[2] + b * h[5] + cc * h[8];
                    }
                    out[3 * k] = dx;
                    out[3 * k + 1] = dy;
                    out[3 * k + 2] = dz;
                }
            }
        });
    }

    /**
     * True when the list may miss a pair within {@code cutoff − skin} after the atoms moved to
     * {@code positions} and the cell became {@code current}: when twice the largest atomic
     * displacement plus the change of the longest pair vector under the cell change exceeds the
     * skin (the classic "max displacement &gt; skin/2" test, extended to a changing cell).
     */
    public boolean needsRebuild(double[] positions, Cell current, double skin) {
        if (positions.length != buildPositions.length) {
            return true;
        }
        double maxDisp2 = 0;
        for (int i = 0; i < positions.length; i += 3) {
            double dx = positions[i] - buildPositions[i];
            double dy = positions[i + 1] - buildPositions[i + 1];
            double dz = positions[i + 2] - buildPositions[i + 2];
            maxDisp2 = Math.max(maxDisp2, dx * dx + dy * dy + dz * dz);
        }
        double cellTerm = 0;
        if (!current.equals(cell)) {
            // ‖H'·H⁻¹ − 1‖_F bounds the relative change of any lattice-spanned vector.
            double[] f = Mat3.mul(cell.inverse(), current.matrix());
            double s = 0;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double d = f[3 * a + b] - (a == b ? 1 : 0);
                    s += d * d;
                }
            }
            cellTerm = Math.sqrt(s) * cutoff;
        }
        return 2 * Math.sqrt(maxDisp2) + cellTerm > skin;
    }

    /** Bytes held by the index arrays (and the displacement vectors when computed). */
    public long bytes() {
        long b = 4L * (offsets.length + neighbors.length + images.length) + 8L * buildPositions.length;
        double[] v = vectors;
        if (v != null) {
            b += 8L * v.length;
        }
        return b;
    }

    /** The binning build, kept apart from the finished list. */
    private static final class Builder {
        private final double[] x;
        private final Cell cell;
        private final double rc;
        private final Kind kind;
        private final int n;

        Builder(double[] x, Cell cell, double rc, Kind kind) {
            this.x = x;
            this.cell = cell;
            this.rc = rc;
            this.kind = kind;
            this.n = x.length / 3;
        }

        NeighborList build() {
            boolean[] pbc = cell.pbc();
            double[] h = effectiveMatrix(pbc);
            double[] inv = Mat3.inverse(h);
            Cell eff = new Cell(h, pbc);
            double[] width = eff.perpendicularWidths();

            // Fractional coordinates, wrapped along periodic directions; w = integer wrap offsets.
            double[] s = new double[3 * n];
            int[] wrap = new int[3 * n];
            double[] lo = {0, 0, 0};
            double[] hi = {1, 1, 1};
            for (int k = 0; k < 3; k++) {
                if (!pbc[k]) {
                    lo[k] = Double.POSITIVE_INFINITY;
                    hi[k] = Double.NEGATIVE_INFINITY;
                }
            }
            for (int i = 0; i < n; i++) {
                double px = x[3 * i], py = x[3 * i + 1], pz = x[3 * i + 2];
                for (int k = 0; k < 3; k++) {
                    double f = px * inv[k] + py * inv[3 + k] + pz * inv[6 + k];
                    if (pbc[k]) {
                        double fl = Math.floor(f);
                        double g = f - fl;
                        int w = (int) fl;
                        if (g >= 1.0) {
                            g = 0.0;
                            w += 1;
                        }
                        s[3 * i + k] = g;
                        wrap[3 * i + k] = w;
                    } else {
                        s[3 * i + k] = f;
                        lo[k] = Math.min(lo[k], f);
                        hi[k] = Math.max(hi[k], f);
                    }
                }
            }
            // Bins: along k they are (hi−lo)/nb wide in fractional units; the cutoff sphere spans
            // rc/width_k in fractional units, so ±ceil(rc/(width_k·Δ_k)) bins are searched.
            int[] nb = new int[3];
            double[] delta = new double[3];
            int[] reach = new int[3];
            long total = 1;
            for (int k = 0; k < 3; k++) {
                double span = n == 0 ? 1 : Math.max(hi[k] - lo[k], 1e-12);
                double lengthA = span * width[k];
                nb[k] = (int) Math.max(1, Math.min(1 << 20, Math.floor(BINS_PER_CUTOFF * lengthA / rc)));
                total *= nb[k];
            }
            // Keep the bin count near the atom count (a mostly empty cell needs few bins).
            long maxBins = 2L * n + 8;
            while (total > maxBins) {
                int k = nb[0] >= nb[1] && nb[0] >= nb[2] ? 0 : (nb[1] >= nb[2] ? 1 : 2);
                total /= nb[k];
                nb[k] = Math.max(1, nb[k] / 2);
                total *= nb[k];
            }
            for (int k = 0; k < 3; k++) {
                double span = n == 0 ? 1 : Math.max(hi[k] - lo[k], 1e-12);
                // Slightly larger than span/nb so that the largest coordinate falls in the last bin.
                delta[k] = pbc[k] ? 1.0 / nb[k] : span * (1 + 1e-9) / nb[k];
                reach[k] = (int) Math.ceil(rc / (width[k] * delta[k]) - 1e-12);
                if (!pbc[k]) {
                    reach[k] = Math.min(reach[k], nb[k] - 1);
                }
            }
            int nbins = nb[0] * nb[1] * nb[2];
            int[] binOf = new int[n];
            int[] binStart = new int[nbins + 1];
            for (int i = 0; i < n; i++) {
                int b0 = binIndex(s[3 * i] - lo[0], delta[0], nb[0]);
                int b1 = binIndex(s[3 * i + 1] - lo[1], delta[1], nb[1]);
                int b2 = binIndex(s[3 * i + 2] - lo[2], delta[2], nb[2]);
                int b = (b0 * nb[1] + b1) * nb[2] + b2;
                binOf[i] = b;
                binStart[b + 1]++;
            }
            for (int b = 0; b < nbins; b++) {
                binStart[b + 1] += binStart[b];
            }
            int[] binAtoms = new int[n];
            int[] fill = Arrays.copyOf(binStart, nbins);
            for (int i = 0; i < n; i++) {
                binAtoms[fill[binOf[i]]++] = i;
            }
            // Wrapped Cartesian positions: xw by atom, xb in bin order (so that the candidates of
            // one bin are contiguous in memory), with their wrap offsets wb in the same order.
            double[] xw = new double[3 * n];
            for (int i = 0; i < n; i++) {
                double a = s[3 * i], b = s[3 * i + 1], c = s[3 * i + 2];
                xw[3 * i] = a * h[0] + b * h[3] + c * h[6];
                xw[3 * i + 1] = a * h[1] + b * h[4] + c * h[7];
                xw[3 * i + 2] = a * h[2] + b * h[5] + c * h[8];
            }
            double[] xb = new double[3 * n];
            int[] wb = new int[3 * n];
            for (int q = 0; q < n; q++) {
                int j = binAtoms[q];
                System.arraycopy(xw, 3 * j, xb, 3 * q, 3);
                System.arraycopy(wrap, 3 * j, wb, 3 * q, 3);
            }

            // Search bin by bin: the candidates of a bin's stencil are gathered once into contiguous
            // arrays (shifted positions, index, image), then every atom of the bin is tested against
            // them in a tight loop. Chunks of bins run in parallel; an atom's entries come out in a
            // fixed order (stencil order, then bin order), whatever the thread count.
            int chunks = Parallel.chunks(nbins, 64);
            int[][] chunkJ = new int[chunks][];
            int[][] chunkImg = new int[chunks][];
            int[] counts = new int[n];
            int[] startInChunk = new int[n];
            int[] chunkOf = new int[n];
            double rc2 = rc * rc;
            Parallel.forEachChunk(chunks, c -> {
                int from = Parallel.chunkStart(nbins, chunks, c), to = Parallel.chunkStart(nbins, chunks, c + 1);
                int atomsHere = binStart[to] - binStart[from];
                int cap = Math.max(64, atomsHere * 40);
                int[] js = new int[cap];
                int[] im = new int[cap];
                int len = 0;
                Candidates cand = new Candidates(256);
                for (int bin = from; bin < to; bin++) {
                    if (binStart[bin] == binStart[bin + 1]) {
                        continue;
                    }
                    int b2 = bin % nb[2];
                    int b1 = (bin / nb[2]) % nb[1];
                    int b0 = bin / (nb[2] * nb[1]);
                    cand.size = 0;
                    for (int d0 = -reach[0]; d0 <= reach[0]; d0++) {
                        int t0 = b0 + d0, s0 = 0;
                        if (pbc[0]) {
                            s0 = Math.floorDiv(t0, nb[0]);
                            t0 -= s0 * nb[0];
                        } else if (t0 < 0 || t0 >= nb[0]) {
                            continue;
                        }
                        for (int d1 = -reach[1]; d1 <= reach[1]; d1++) {
                            int t1 = b1 + d1, s1 = 0;
                            if (pbc[1]) {
                                s1 = Math.floorDiv(t1, nb[1]);
                                t1 -= s1 * nb[1];
                            } else if (t1 < 0 || t1 >= nb[1]) {
                                continue;
                            }
                            for (int d2 = -reach[2]; d2 <= reach[2]; d2++) {
                                int t2 = b2 + d2, s2 = 0;
                                if (pbc[2]) {
                                    s2 = Math.floorDiv(t2, nb[2]);
                                    t2 -= s2 * nb[2];
                                } else if (t2 < 0 || t2 >= nb[2]) {
                                    continue;
                                }
                                double tx = s0 * h[0] + s1 * h[3] + s2 * h[6];
                                double ty = s0 * h[1] + s1 * h[4] + s2 * h[7];
                                double tz = s0 * h[2] + s1 * h[5] + s2 * h[8];
                                int t = (t0 * nb[1] + t1) * nb[2] + t2;
                                for (int q = binStart[t]; q < binStart[t + 1]; q++) {
                                    // image of the candidate relative to the unwrapped input, up to + w_i
                                    cand.add(xb[3 * q] + tx, xb[3 * q + 1] + ty, xb[3 * q + 2] + tz, binAtoms[q],
                                            s0 - wb[3 * q], s1 - wb[3 * q + 1], s2 - wb[3 * q + 2]);
                                }
                            }
                        }
                    }
                    double[] cx = cand.x, cy = cand.y, cz = cand.z;
                    int[] cj = cand.j;
                    int m = cand.size;
                    for (int p = binStart[bin]; p < binStart[bin + 1]; p++) {
                        int i = binAtoms[p];
                        double xi = xb[3 * p], yi = xb[3 * p + 1], zi = xb[3 * p + 2];
                        int wi0 = wb[3 * p], wi1 = wb[3 * p + 1], wi2 = wb[3 * p + 2];
                        int before = len;
                        for (int k = 0; k < m; k++) {
                            double dx = cx[k] - xi, dy = cy[k] - yi, dz = cz[k] - zi;
                            if (dx * dx + dy * dy + dz * dz >= rc2) {
                                continue;
                            }
                            int j = cj[k];
                            int n0 = cand.i0[k] + wi0, n1 = cand.i1[k] + wi1, n2 = cand.i2[k] + wi2;
                            if (j == i) {
                                boolean zero = n0 == 0 && n1 == 0 && n2 == 0;
                                boolean positive = n0 > 0 || (n0 == 0 && (n1 > 0 || (n1 == 0 && n2 > 0)));
                                if (zero || (kind == Kind.HALF && !positive)) {
                                    continue;
                                }
                            } else if (kind == Kind.HALF && j < i) {
                                continue;
                            }
                            if (len == js.length) {
                                js = Arrays.copyOf(js, 2 * len);
                                im = Arrays.copyOf(im, 2 * len);
                            }
                            js[len] = j;
                            im[len] = checkedPack(n0, n1, n2);
                            len++;
                        }
                        counts[i] = len - before;
                        startInChunk[i] = before;
                        chunkOf[i] = c;
                    }
                }
                chunkJ[c] = js;
                chunkImg[c] = im;
            });
            int[] offsets = new int[n + 1];
            for (int i = 0; i < n; i++) {
                offsets[i + 1] = offsets[i] + counts[i];
            }
            int m = offsets[n];
            int[] nbr = new int[m];
            int[] img = new int[m];
            int atomChunks = Parallel.chunks(n, 8192);
            Parallel.forEachChunk(atomChunks, c -> {
                int first = Parallel.chunkStart(n, atomChunks, c), last = Parallel.chunkStart(n, atomChunks, c + 1);
                for (int i = first; i < last; i++) {
                    System.arraycopy(chunkJ[chunkOf[i]], startInChunk[i], nbr, offsets[i], counts[i]);
                    System.arraycopy(chunkImg[chunkOf[i]], startInChunk[i], img, offsets[i], counts[i]);
                }
            });
            return new NeighborList(kind, rc, n, offsets, nbr, img, cell, x);
        }

        /** Growable struct-of-arrays of candidate neighbors of one bin. */
        private static final class Candidates {
            double[] x, y, z;
            int[] j, i0, i1, i2;
            int size;

            Candidates(int cap) {
                x = new double[cap];
                y = new double[cap];
                z = new double[cap];
                j = new int[cap];
                i0 = new int[cap];
                i1 = new int[cap];
                i2 = new int[cap];
            }

            void add(double px, double py, double pz, int atom, int a, int b, int c) {
                if (size == x.length) {
                    int cap = 2 * size;
                    x = Arrays.copyOf(x, cap);
                    y = Arrays.copyOf(y, cap);
                    z = Arrays.copyOf(z, cap);
                    j = Arrays.copyOf(j, cap);
                    i0 = Arrays.copyOf(i0, cap);
                    i1 = Arrays.copyOf(i1, cap);
                    i2 = Arrays.copyOf(i2, cap);
                }
                x[size] = px;
                y[size] = py;
                z[size] = pz;
                j[size] = atom;
                i0[size] = a;
                i1[size] = b;
                i2[size] = c;
                size++;
            }
        }

        private static int binIndex(double f, double delta, int nb) {
            int b = (int) Math.floor(f / delta);
            return b < 0 ? 0 : (b >= nb ? nb - 1 : b);
        }

        private static int checkedPack(int a, int b, int c) {
            if (Math.abs(a) >= IMAGE_BIAS || Math.abs(b) >= IMAGE_BIAS || Math.abs(c) >= IMAGE_BIAS) {
                throw new IllegalArgumentException("atom lies more than " + (IMAGE_BIAS - 1)
                        + " cell lengths outside the cell; wrap the positions first");
            }
            return pack(a, b, c);
        }

        /**
         * The cell matrix with every degenerate non-periodic vector replaced by a unit vector
         * orthogonal to the others, so that fractional coordinates exist for any structure
         * (an isolated molecule, a wire, a slab with a zero c vector).
         */
        private double[] effectiveMatrix(boolean[] pbc) {
            double[] h = cell.matrix();
            if (cell.isRegular()) {
                return h;
            }
            double[][] v = {cell.vector(0), cell.vector(1), cell.vector(2)};
            for (int k = 0; k < 3; k++) {
                if (!pbc[k]) {
                    v[k] = null;
                }
            }
            // Fill missing vectors with an orthonormal completion of the periodic ones.
            for (int k = 0; k < 3; k++) {
                if (v[k] != null) {
                    continue;
                }
                double[] cand = null;
                int i = (k + 1) % 3, j = (k + 2) % 3;
                if (v[i] != null && v[j] != null) {
                    cand = Mat3.cross(v[i], v[j]);
                } else {
                    double[] other = v[i] != null ? v[i] : v[j];
                    double[][] axes = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
                    if (other == null) {
                        cand = axes[k];
                        // keep orthogonal to any vector already chosen
                        for (int q = 0; q < 3; q++) {
                            if (q != k && v[q] != null && Math.abs(Mat3.dot(v[q], cand)) > 1e-9 * Mat3.norm(v[q])) {
                                cand = null;
                            }
                        }
                        if (cand == null) {
                            for (double[] ax : axes) {
                                double[] t = ax.clone();
                                for (int q = 0; q < 3; q++) {
                                    if (q != k && v[q] != null) {
                                        double[] u = v[q];
                                        double p = Mat3.dot(t, u) / Mat3.dot(u, u);
                                        for (int e = 0; e < 3; e++) {
                                            t[e] -= p * u[e];
                                        }
                                    }
                                }
                                if (Mat3.norm(t) > 0.1) {
                                    cand = t;
                                    break;
                                }
                            }
                        }
                    } else {
                        double[] best = null;
                        for (double[] ax : axes) {
                            double[] t = Mat3.cross(other, ax);
                            if (best == null || Mat3.norm(t) > Mat3.norm(best)) {
                                best = t;
                            }
                        }
                        cand = best;
                    }
                }
                double len = Mat3.norm(cand);
                v[k] = new double[]{cand[0] / len, cand[1] / len, cand[2] / len};
            }
            double[] out = {v[0][0], v[0][1], v[0][2], v[1][0], v[1][1], v[1][2], v[2][0], v[2][1], v[2][2]};
            if (Mat3.det(out) < 0) {
                // keep right-handed; flip the first non-periodic vector
                for (int k = 0; k < 3; k++) {
                    if (!pbc[k]) {
                        for (int e = 0; e < 3; e++) {
                            out[3 * k + e] = -out[3 * k + e];
                        }
                        break;
                    }
                }
            }
            return out;
        }
    }
}
