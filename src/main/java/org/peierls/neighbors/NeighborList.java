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
    /** Offset of the packed image indices: each of a, b, c must lie in (−IMAGE_BIAS, IMAGE_BIAS). */
    static final int IMAGE_BIAS = 1 << (IMAGE_BITS - 1);
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

    /** A finished list (built by {@link NeighborListBuilder}); the arrays are kept, not copied. */
    NeighborList(Kind kind, double cutoff, int natoms, int[] offsets, int[] neighbors, int[] images,
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
        return new NeighborListBuilder(x, cell, cutoff, kind).build();
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
}
