package org.peierls.neighbors;

import java.util.Arrays;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Mat3;
import org.peierls.util.Parallel;

/**
 * The O(N) binning build of a {@link NeighborList}, kept apart from the finished list. One
 * builder builds one list, in four steps that each fill the fields of their section:
 * <ol>
 *   <li>{@link #wrapPositions}: fractional coordinates, wrapped into [0, 1) along periodic
 *       directions (with the integer wrap offsets), and the extent of the others;</li>
 *   <li>{@link #binGrid} and {@link #binAtoms}: the bins in fractional coordinates, how many bins
 *       the cutoff sphere reaches along each axis, and the atoms sorted by bin;</li>
 *   <li>{@link #searchPairs}: bin by bin, the candidates of the bin's stencil (neighboring bins,
 *       each at the periodic image that {@link #imageRange} assigns it) tested against every
 *       atom of the bin, in parallel chunks of bins;</li>
 *   <li>{@link #pack}: the per-chunk entries gathered into the CSR arrays, atom by atom.</li>
 * </ol>
 * An atom's entries come out in a fixed order (stencil order, then bin order), whatever the
 * thread count.
 */
final class NeighborListBuilder {

    /**
     * Bins per cutoff length: with bins rc/2 wide the ±2-bin stencil covers (5·rc/2)³ = 15.6 rc³
     * instead of the 27 rc³ of rc-wide bins, so fewer candidate pairs are tested.
     */
    private static final double BINS_PER_CUTOFF = 1.0;

    private final double[] x;
    private final Cell cell;
    private final double rc;
    private final NeighborList.Kind kind;
    private final int n;
    private final boolean[] pbc;
    /** The cell matrix with degenerate non-periodic vectors completed ({@link #effectiveMatrix}). */
    private final double[] h;

    // step 1, wrapPositions: fractional coordinates s [3N] (wrapped along periodic directions),
    // the integer wrap offsets, and per axis the range [lo, hi] of s ([0, 1] if periodic)
    private double[] s;
    private int[] wrap;
    private final double[] lo = {0, 0, 0};
    private final double[] hi = {1, 1, 1};

    // step 2, binGrid and binAtoms: bins per axis, their width in fractional units, the stencil
    // half-width in bins; the atoms sorted by bin (bin b holds binAtoms[binStart[b] … binStart[b+1]))
    // with their wrapped Cartesian positions xb and wrap offsets wb in the same order
    private final int[] nb = new int[3];
    private final double[] delta = new double[3];
    private final int[] reach = new int[3];
    private int nbins;
    private int[] binStart, binAtoms;
    private double[] xb;
    private int[] wb;

    // step 3, searchPairs: per chunk of bins its entries (neighbor, packed image), and per atom
    // its chunk, first entry within it and count
    private int[][] chunkJ, chunkImg;
    private int[] counts, startInChunk, chunkOf;

    NeighborListBuilder(double[] x, Cell cell, double rc, NeighborList.Kind kind) {
        this.x = x;
        this.cell = cell;
        this.rc = rc;
        this.kind = kind;
        this.n = x.length / 3;
        this.pbc = cell.pbc();
        this.h = effectiveMatrix(pbc);
    }

    NeighborList build() {
        wrapPositions();
        binGrid(new Cell(h, pbc).perpendicularWidths());
        binAtoms();
        searchPairs();
        return pack();
    }

    /** Fractional coordinates, wrapped along periodic directions; the wrap offsets; the extent along the others. */
    private void wrapPositions() {
        double[] inv = Mat3.inverse(h);
        s = new double[3 * n];
        wrap = new int[3 * n];
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
                    // f just below an integer can round to g = 1: that point belongs to the next cell
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
    }

    /**
     * Bins: along k they are (hi−lo)/nb wide in fractional units; the cutoff sphere spans
     * rc/width_k in fractional units, so ±ceil(rc/(width_k·Δ_k)) bins are searched.
     *
     * @param width the perpendicular widths of the (effective) cell, Å
     */
    private void binGrid(double[] width) {
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
        nbins = nb[0] * nb[1] * nb[2];
    }

    /** The atoms sorted by bin (a counting sort), with their wrapped positions in bin order. */
    private void binAtoms() {
        int[] binOf = new int[n];
        binStart = new int[nbins + 1];
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
        binAtoms = new int[n];
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
        xb = new double[3 * n];
        wb = new int[3 * n];
        for (int q = 0; q < n; q++) {
            int j = binAtoms[q];
            System.arraycopy(xw, 3 * j, xb, 3 * q, 3);
            System.arraycopy(wrap, 3 * j, wb, 3 * q, 3);
        }
    }

    /**
     * Search bin by bin: the candidates of a bin's stencil are gathered once into contiguous
     * arrays (shifted positions, index, image), then every atom of the bin is tested against
     * them in a tight loop. Chunks of bins run in parallel, each into its own entry arrays.
     */
    private void searchPairs() {
        int chunks = Parallel.chunks(nbins, 64);
        chunkJ = new int[chunks][];
        chunkImg = new int[chunks][];
        counts = new int[n];
        startInChunk = new int[n];
        chunkOf = new int[n];
        Parallel.forEachChunk(chunks, c -> {
            int from = Parallel.chunkStart(nbins, chunks, c), to = Parallel.chunkStart(nbins, chunks, c + 1);
            int atomsHere = binStart[to] - binStart[from];
            Entries out = new Entries(Math.max(64, atomsHere * 40));
            Candidates cand = new Candidates(256);
            Stencil stencil = new Stencil(reach);
            for (int bin = from; bin < to; bin++) {
                if (binStart[bin] == binStart[bin + 1]) {
                    continue;
                }
                gatherCandidates(bin, stencil, cand);
                testBin(bin, cand, out, c);
            }
            chunkJ[c] = out.j;
            chunkImg[c] = out.img;
        });
    }

    /**
     * The bins within {@link #reach} of bin index b along axis k, each with the image shift that
     * brings it next to b: periodic axes wrap (a bin past the edge is the first one of the next
     * image), non-periodic axes stop at the edges. Writes target bins and shifts in stencil
     * order (offset −reach … +reach) and returns how many there are.
     */
    private int imageRange(int k, int b, int[] target, int[] shift) {
        int m = 0;
        for (int d = -reach[k]; d <= reach[k]; d++) {
            int t = b + d, sh = 0;
            if (pbc[k]) {
                sh = Math.floorDiv(t, nb[k]);
                t -= sh * nb[k];
            } else if (t < 0 || t >= nb[k]) {
                continue;
            }
            target[m] = t;
            shift[m] = sh;
            m++;
        }
        return m;
    }

    /** The candidates of bin {@code bin}: every atom of its stencil, shifted to its image. */
    private void gatherCandidates(int bin, Stencil st, Candidates cand) {
        int b2 = bin % nb[2];
        int b1 = (bin / nb[2]) % nb[1];
        int b0 = bin / (nb[2] * nb[1]);
        int m0 = imageRange(0, b0, st.t0, st.s0);
        int m1 = imageRange(1, b1, st.t1, st.s1);
        int m2 = imageRange(2, b2, st.t2, st.s2);
        // locals for the loops (see testBin)
        final double[] h = this.h, xb = this.xb;
        final int[] binStart = this.binStart, binAtoms = this.binAtoms, wb = this.wb;
        final int nb1 = nb[1], nb2 = nb[2];
        cand.size = 0;
        for (int a0 = 0; a0 < m0; a0++) {
            int t0 = st.t0[a0], s0 = st.s0[a0];
            for (int a1 = 0; a1 < m1; a1++) {
                int t1 = st.t1[a1], s1 = st.s1[a1];
                for (int a2 = 0; a2 < m2; a2++) {
                    int t2 = st.t2[a2], s2 = st.s2[a2];
                    double tx = s0 * h[0] + s1 * h[3] + s2 * h[6];
                    double ty = s0 * h[1] + s1 * h[4] + s2 * h[7];
                    double tz = s0 * h[2] + s1 * h[5] + s2 * h[8];
                    int t = (t0 * nb1 + t1) * nb2 + t2;
                    for (int q = binStart[t]; q < binStart[t + 1]; q++) {
                        // image of the candidate relative to the unwrapped input, up to + w_i
                        cand.add(xb[3 * q] + tx, xb[3 * q + 1] + ty, xb[3 * q + 2] + tz, binAtoms[q],
                                s0 - wb[3 * q], s1 - wb[3 * q + 1], s2 - wb[3 * q + 2]);
                    }
                }
            }
        }
    }

    /**
     * Every atom of bin {@code bin} against the candidates: the pairs closer than rc become
     * entries of chunk c (an atom's own zero image never; a half list keeps i &lt; j, or i = j
     * with the image lexicographically positive).
     */
    private void testBin(int bin, Candidates cand, Entries out, int c) {
        final double rc2 = rc * rc;
        final boolean half = kind == NeighborList.Kind.HALF;
        double[] cx = cand.x, cy = cand.y, cz = cand.z;
        // the candidates' columns and the builder's arrays as locals: read through fields inside
        // these loops, the FULL build measured ~10 % slower
        int[] cj = cand.j, ci0 = cand.i0, ci1 = cand.i1, ci2 = cand.i2;
        int m = cand.size;
        int[] counts = this.counts, startInChunk = this.startInChunk, chunkOf = this.chunkOf;
        int[] binAtoms = this.binAtoms, wb = this.wb;
        double[] xb = this.xb;
        int[] js = out.j, im = out.img;
        int len = out.len;
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
                int n0 = ci0[k] + wi0, n1 = ci1[k] + wi1, n2 = ci2[k] + wi2;
                if (j == i) {
                    boolean zero = n0 == 0 && n1 == 0 && n2 == 0;
                    boolean positive = n0 > 0 || (n0 == 0 && (n1 > 0 || (n1 == 0 && n2 > 0)));
                    if (zero || (half && !positive)) {
                        continue;
                    }
                } else if (half && j < i) {
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
        out.j = js;
        out.img = im;
        out.len = len;
    }

    /** The CSR list: offsets from the counts, then each atom's entries copied from its chunk. */
    private NeighborList pack() {
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

    /** Per-axis bins and image shifts of one bin's stencil ({@link #imageRange}), reused bin after bin. */
    private static final class Stencil {
        final int[] t0, s0, t1, s1, t2, s2;

        Stencil(int[] reach) {
            t0 = new int[2 * reach[0] + 1];
            s0 = new int[2 * reach[0] + 1];
            t1 = new int[2 * reach[1] + 1];
            s1 = new int[2 * reach[1] + 1];
            t2 = new int[2 * reach[2] + 1];
            s2 = new int[2 * reach[2] + 1];
        }
    }

    /** The entries found by one chunk of bins: neighbor and packed image, atom after atom. */
    private static final class Entries {
        int[] j, img;
        int len;

        Entries(int cap) {
            j = new int[cap];
            img = new int[cap];
        }
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
        if (Math.abs(a) >= NeighborList.IMAGE_BIAS || Math.abs(b) >= NeighborList.IMAGE_BIAS
                || Math.abs(c) >= NeighborList.IMAGE_BIAS) {
            throw new IllegalArgumentException("atom lies more than " + (NeighborList.IMAGE_BIAS - 1)
                    + " cell lengths outside the cell; wrap the positions first");
        }
        return NeighborList.pack(a, b, c);
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
