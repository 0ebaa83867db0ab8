package org.peierls.potential.eam;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Species;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.NeighborTranspose;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.util.Parallel;

/**
 * A tabulated embedded-atom potential (LAMMPS {@code pair_style eam}, {@code eam/alloy},
 * {@code eam/fs}) interpolated exactly as LAMMPS does, so that energies, forces and virials
 * agree with LAMMPS to round-off.
 *
 * <p>E = Σ<sub>i</sub> F<sub>i</sub>(ρ̄<sub>i</sub>) + ½ Σ<sub>i≠j</sub> φ<sub>ij</sub>(r<sub>ij</sub>)
 * with ρ̄<sub>i</sub> = Σ<sub>j</sub> ρ<sub>i←j</sub>(r<sub>ij</sub>). Every table is the
 * {@link EamSpline} interpolant of {@link EamTables}; φ = (r·φ)/r. Like LAMMPS, F is evaluated at
 * the end of its table for ρ̄ beyond it, and for ρ̄ &gt; ρ<sub>max</sub> the energy gains the linear
 * term F′·(ρ̄ − ρ<sub>max</sub>) (LAMMPS since 2019), which keeps forces and energy consistent.
 * Pairs at r ≥ cutoff do not interact.</p>
 *
 * <p>(A LAMMPS quirk kept on purpose: funcfl files are resampled onto nrho − 1 points, so between
 * the last node and ρ<sub>max</sub> = (nrho − 1)·drho of the file F stays constant while F′ is that
 * of the last interval; only atoms squeezed far beyond any physical density get there.)</p>
 *
 * <p>Kernels, each atom writing only its own values (no write races; chunks fixed by N, so results
 * do not depend on the thread count at all):</p>
 * <ul>
 * <li>half list ({@link #preferredList()}): pass 1 visits each pair once from its owner i, adds
 *     ρ<sub>i←j</sub> to ρ̄<sub>i</sub> and keeps ρ<sub>j←i</sub>, the spline row, local
 *     coordinate and 1/r per entry; a gather over j ({@link NeighborTranspose}) adds the kept
 *     densities; pass 2 evaluates F and F′; pass 3 computes each pair's
 *     ψ′ = F′<sub>i</sub>ρ′<sub>i←j</sub> + F′<sub>j</sub>ρ′<sub>j←i</sub> + φ′ once, adds
 *     ψ′(x<sub>j</sub> − x<sub>i</sub>)/r to f<sub>i</sub> and keeps ψ′/r for the gather that
 *     subtracts it from f<sub>j</sub>;</li>
 * <li>full list: the same sums with every pair seen from both atoms (twice the spline work).</li>
 * </ul>
 */
public final class EamPotential implements Potential {

    /** Coefficients per r-node of the force table: ρ′ at i (3), ρ′ at j (3), r·φ (7). */
    private static final int FSTRIDE = 13;
    private static final int GRAIN = 512;

    private final EamTables tables;
    private final int ne;
    private final int nr;
    private final int nrho;
    private final double rdr;
    private final double rdrho;
    private final double rhomax;
    private final double cutoff;
    private final double cutsq;
    /** Per type: F spline {@code [7·nrho]}. */
    private final double[][] embed;
    /** Per ordered pair a·ne+b: density-at-a-from-b spline values {@code [4·nr]} (c3 c4 c5 c6). */
    private final double[][] dens;
    /** Per ordered pair a·ne+b: {@link #FSTRIDE} coefficients per node. */
    private final double[][] force;
    /** The LAMMPS style and files this potential was read from, or null when built from tables. */
    private Source source;

    /**
     * Where a tabulated EAM came from, so that it can be handed to LAMMPS as is.
     *
     * @param style {@code eam}, {@code eam/alloy} or {@code eam/fs}
     * @param files the file (setfl) or one funcfl file per element type, in type order
     */
    public record Source(String style, List<Path> files) {
        public Source {
            files = List.copyOf(files);
        }
    }

    public EamPotential(EamTables tables) {
        this.tables = tables;
        this.ne = tables.size();
        this.nr = tables.nr();
        this.nrho = tables.nrho();
        this.rdr = 1.0 / tables.dr();
        this.rdrho = 1.0 / tables.drho();
        this.rhomax = tables.rhomax();
        this.cutoff = tables.cutoff();
        this.cutsq = cutoff * cutoff;
        embed = new double[ne][];
        for (int a = 0; a < ne; a++) {
            embed[a] = EamSpline.coefficients(tables.embedding()[a], tables.drho());
        }
        double[][] densSpline = new double[ne * ne][];
        dens = new double[ne * ne][];
        for (int q = 0; q < ne * ne; q++) {
            densSpline[q] = EamSpline.coefficients(tables.density()[q], tables.dr());
            dens[q] = new double[4 * nr];
            for (int m = 0; m < nr; m++) {
                System.arraycopy(densSpline[q], EamSpline.STRIDE * m + 3, dens[q], 4 * m, 4);
            }
        }
        force = new double[ne * ne][];
        for (int a = 0; a < ne; a++) {
            for (int b = 0; b < ne; b++) {
                double[] atI = densSpline[a * ne + b];   // density at i (type a) due to j (type b)
                double[] atJ = densSpline[b * ne + a];   // density at j due to i
                double[] z2 = EamSpline.coefficients(tables.rphi()[SetflFile.pairIndex(a, b)], tables.dr());
                double[] t = new double[FSTRIDE * nr];
                for (int m = 0; m < nr; m++) {
                    int o = FSTRIDE * m, s = EamSpline.STRIDE * m;
                    System.arraycopy(atI, s, t, o, 3);
                    System.arraycopy(atJ, s, t, o + 3, 3);
                    System.arraycopy(z2, s, t, o + 6, 7);
                }
                force[a * ne + b] = t;
            }
        }
    }

    /** {@code pair_style eam}: one or more funcfl files (one element each). */
    public static EamPotential funcfl(List<Path> files) {
        List<FuncflFile> read = new ArrayList<>();
        for (Path p : files) {
            read.add(FuncflFile.read(p));
        }
        return new EamPotential(EamTables.fromFuncfl(read)).from(new Source("eam", files));
    }

    /** {@code pair_style eam/alloy}: a setfl file, all its elements. */
    public static EamPotential alloy(Path file) {
        return new EamPotential(EamTables.fromSetfl(SetflFile.read(file, false), null)).from(new Source("eam/alloy", List.of(file)));
    }

    /** {@code pair_style eam/fs}: a Finnis–Sinclair setfl file, all its elements. */
    public static EamPotential finnisSinclair(Path file) {
        return new EamPotential(EamTables.fromSetfl(SetflFile.read(file, true), null)).from(new Source("eam/fs", List.of(file)));
    }

    private EamPotential from(Source s) {
        this.source = s;
        return this;
    }

    /** The LAMMPS style and files this potential was read from, or null when it was built from tables. */
    public Source source() {
        return source;
    }

    public EamTables tables() {
        return tables;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public int[] species() {
        return tables.numbers().clone();
    }

    /**
     * A half list: each pair's splines are evaluated once and the partner's share is handed over
     * through a {@link NeighborTranspose} (about 1.5× faster than the full list on fcc Cu).
     */
    @Override
    public NeighborList.Kind preferredList() {
        return NeighborList.Kind.HALF;
    }

    @Override
    public String describe() {
        return tables.label();
    }

    /** Embedding energy F_a(ρ) with LAMMPS's clamping and linear extrapolation above ρ_max, eV. */
    public double embedding(int type, double rho) {
        double[] c = embed[type];
        double p = rho * rdrho + 1.0;
        int m = (int) p;
        m = Math.max(1, Math.min(m, nrho - 1));
        p -= m;
        p = p > 1.0 ? 1.0 : p;
        int o = EamSpline.STRIDE * (m - 1);
        double fp = (c[o] * p + c[o + 1]) * p + c[o + 2];
        double e = ((c[o + 3] * p + c[o + 4]) * p + c[o + 5]) * p + c[o + 6];
        if (rho > rhomax) {
            e += fp * (rho - rhomax);
        }
        return e;
    }

    /** Density at an atom of type a due to one neighbor of type b at distance r (0 beyond the cutoff). */
    public double density(int a, int b, double r) {
        if (r * r >= cutsq) {
            return 0;
        }
        double[] c = dens[a * ne + b];
        double p = r * rdr + 1.0;
        int m = (int) p;
        m = Math.min(m, nr - 1);
        p -= m;
        p = p > 1.0 ? 1.0 : p;
        int o = 4 * (m - 1);
        return ((c[o] * p + c[o + 1]) * p + c[o + 2]) * p + c[o + 3];
    }

    /** Pair energy φ_ab(r), eV (0 beyond the cutoff). */
    public double pair(int a, int b, double r) {
        if (r * r >= cutsq) {
            return 0;
        }
        double[] c = force[a * ne + b];
        double p = r * rdr + 1.0;
        int m = (int) p;
        m = Math.min(m, nr - 1);
        p -= m;
        p = p > 1.0 ? 1.0 : p;
        int o = FSTRIDE * (m - 1);
        return (((c[o + 9] * p + c[o + 10]) * p + c[o + 11]) * p + c[o + 12]) / r;
    }

    @Override
    public Results compute(Structure structure, NeighborList list, Output output) {
        int n = structure.size();
        if (list.atoms() != n) {
            throw new IllegalArgumentException("neighbor list is for " + list.atoms() + " atoms, structure has " + n);
        }
        if (list.cutoff() < cutoff * (1 - 1e-12)) {
            throw new IllegalArgumentException("neighbor list cutoff " + list.cutoff() + " Å is below the potential's " + cutoff + " Å");
        }
        int[] type = Species.types(structure, tables.numbers(), "potential " + describe());
        double[] x = structure.positions();
        double[] h = structure.cell().matrix();
        int[] off = list.offsetsArray();
        int[] nbr = list.neighborsArray();
        int[] img = list.imagesArray();
        boolean perAtom = output == Output.PER_ATOM;

        int chunks = Parallel.chunks(n, GRAIN);
        double[] rho = new double[n];
        double[] fp = new double[n];
        double[] f = new double[3 * n];
        double[] eatom = perAtom ? new double[n] : null;
        double[] chunkEnergy = new double[chunks];
        double[] chunkVirial = new double[6 * chunks];

        boolean half = list.kind() == NeighborList.Kind.HALF;
        // A half list scatters the partner's share directly (as LAMMPS's newton on). With several
        // threads the atoms are cut into one contiguous block per thread, each block scatters into
        // its own copy of ρ (and of F, per-atom energies), and the copies are summed: no two
        // threads write one number, and sums depend on the thread count only through round-off.
        int blocks = half ? Math.min(Parallel.threads(), chunks) : 0;
        // per-entry scratch of the half-list kernel, every element written in pass 1 before use
        Workspace ws = half ? borrow(nbr.length) : null;
        double[] localP = half ? ws.localP : null;
        double[] inverseR = half ? ws.inverseR : null;
        int[] rowOf = half ? ws.row : null;
        int[] active = half ? ws.active : null;
        double[] disp = half ? ws.disp : null;
        int[] count = half ? ws.count(n) : null;
        // one block writes the result arrays themselves; several write private copies, summed after
        double[][] rhoB = blocks == 1 ? new double[][]{rho} : blocks > 1 ? ws.blockArrays(blocks, n, 0) : null;
        // pass 1: host densities
        if (half) {
            Parallel.forEachChunk(blocks, b -> {
                int lo = blockStart(n, chunks, blocks, b), hi = blockStart(n, chunks, blocks, b + 1);
                densitiesHalf(lo, hi, x, h, type, off, nbr, img, rhoB[b], localP, inverseR, rowOf, active, disp, count);
            });
            if (blocks > 1) {
                Parallel.forEachChunk(chunks, c -> {
                    int lo = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1);
                    sumInto(rho, rhoB, blocks, lo, hi, 1);
                });
            }
        } else {
            Parallel.forEachChunk(chunks, c -> {
                int lo = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1);
                densities(lo, hi, x, h, type, off, nbr, img, rho);
            });
        }
        // pass 2: embedding energies and derivatives
        Parallel.forEachChunk(chunks, c -> {
            int lo = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1);
            double e = 0;
            for (int i = lo; i < hi; i++) {
                double[] cf = embed[type[i]];
                double p = rho[i] * rdrho + 1.0;
                int m = (int) p;
                m = Math.max(1, Math.min(m, nrho - 1));
                p -= m;
                p = p > 1.0 ? 1.0 : p;
                int o = EamSpline.STRIDE * (m - 1);
                double d = (cf[o] * p + cf[o + 1]) * p + cf[o + 2];
                double phi = ((cf[o + 3] * p + cf[o + 4]) * p + cf[o + 5]) * p + cf[o + 6];
                if (rho[i] > rhomax) {
                    phi += d * (rho[i] - rhomax);
                }
                fp[i] = d;
                e += phi;
                if (eatom != null) {
                    eatom[i] = phi;
                }
            }
            chunkEnergy[c] = e;
        });
        // pass 3: forces, pair energies, virial
        if (half) {
            double[][] fB = blocks == 1 ? new double[][]{f} : ws.blockArrays(blocks, 3 * n, 1);
            double[][] eB = eatom == null ? null : blocks == 1 ? new double[][]{eatom} : ws.blockArrays(blocks, n, 2);
            // blocks use the first `blocks` slots of the per-chunk energy/virial sums
            Parallel.forEachChunk(blocks, b -> {
                int lo = blockStart(n, chunks, blocks, b), hi = blockStart(n, chunks, blocks, b + 1);
                forcesHalf(lo, hi, b, type, off, nbr, fp, fB[b], eB == null ? null : eB[b], localP, inverseR, rowOf, active, disp, count,
                        chunkEnergy, chunkVirial);
            });
            if (blocks > 1) {
                Parallel.forEachChunk(chunks, c -> {
                    int lo = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1);
                    sumInto(f, fB, blocks, lo, hi, 3);
                    if (eB != null) {
                        sumInto(eatom, eB, blocks, lo, hi, 1);
                    }
                });
            }
        } else {
            Parallel.forEachChunk(chunks, c -> {
                int lo = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1);
                forces(lo, hi, c, x, h, type, off, nbr, img, fp, f, eatom, chunkEnergy, chunkVirial);
            });
        }
        if (ws != null) {
            spare.set(ws);
        }
        double energy = 0;
        double[] virial = new double[6];
        for (int c = 0; c < chunks; c++) {
            energy += chunkEnergy[c];
            for (int v = 0; v < 6; v++) {
                virial[v] += chunkVirial[6 * c + v];
            }
        }
        double volume = Results.volumeOf(structure);
        return new Results(energy, f, virial, volume, eatom);
    }

    private void densities(int lo, int hi, double[] x, double[] h, int[] type, int[] off, int[] nbr, int[] img,
                           double[] rho) {
        final double cs = cutsq, inv = rdr;
        final int last = nr - 1;
        for (int i = lo; i < hi; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            int rowBase = type[i] * ne;
            double sum = 0;
            for (int k = off[i], end = off[i + 1]; k < end; k++) {
                int j = nbr[k];
                double dx = x[3 * j] - xi, dy = x[3 * j + 1] - yi, dz = x[3 * j + 2] - zi;
                int im = img[k];
                if (im != NeighborList.ZERO_IMAGE) {
                    int a = NeighborList.imageA(im), b = NeighborList.imageB(im), cc = NeighborList.imageC(im);
                    dx += a * h[0] + b * h[3] + cc * h[6];
                    dy += a * h[1] + b * h[4] + cc * h[7];
                    dz += a * h[2] + b * h[5] + cc * h[8];
                }
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 < cs) {
                    double p = Math.sqrt(r2) * inv + 1.0;
                    int m = (int) p;
                    m = m > last ? last : m;
                    p -= m;
                    p = p > 1.0 ? 1.0 : p;
                    double[] c = dens[rowBase + type[j]];
                    int o = 4 * (m - 1);
                    sum += ((c[o] * p + c[o + 1]) * p + c[o + 2]) * p + c[o + 3];
                }
            }
            rho[i] = sum;
        }
    }

    private void forces(int lo, int hi, int chunk, double[] x, double[] h, int[] type, int[] off, int[] nbr,
                        int[] img, double[] fp, double[] f, double[] eatom, double[] chunkEnergy,
                        double[] chunkVirial) {
        final double cs = cutsq, inv = rdr;
        final int last = nr - 1;
        double epair = 0;
        double vxx = 0, vyy = 0, vzz = 0, vyz = 0, vxz = 0, vxy = 0;
        for (int i = lo; i < hi; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            double fpi = fp[i];
            int rowBase = type[i] * ne;
            double fx = 0, fy = 0, fz = 0, ei = 0;
            for (int k = off[i], end = off[i + 1]; k < end; k++) {
                int j = nbr[k];
                double dx = x[3 * j] - xi, dy = x[3 * j + 1] - yi, dz = x[3 * j + 2] - zi;
                int im = img[k];
                if (im != NeighborList.ZERO_IMAGE) {
                    int a = NeighborList.imageA(im), b = NeighborList.imageB(im), cc = NeighborList.imageC(im);
                    dx += a * h[0] + b * h[3] + cc * h[6];
                    dy += a * h[1] + b * h[4] + cc * h[7];
                    dz += a * h[2] + b * h[5] + cc * h[8];
                }
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 < cs) {
                    double r = Math.sqrt(r2);
                    double p = r * inv + 1.0;
                    int m = (int) p;
                    m = m > last ? last : m;
                    p -= m;
                    p = p > 1.0 ? 1.0 : p;
                    double[] c = force[rowBase + type[j]];
                    int o = FSTRIDE * (m - 1);
                    double rhojp = (c[o] * p + c[o + 1]) * p + c[o + 2];
                    double rhoip = (c[o + 3] * p + c[o + 4]) * p + c[o + 5];
                    double z2p = (c[o + 6] * p + c[o + 7]) * p + c[o + 8];
                    double z2 = ((c[o + 9] * p + c[o + 10]) * p + c[o + 11]) * p + c[o + 12];
                    double recip = 1.0 / r;
                    double phi = z2 * recip;
                    double phip = z2p * recip - phi * recip;
                    double psip = fpi * rhojp + fp[j] * rhoip + phip;
                    double s = psip * recip;    // force on i is s·d
                    fx += s * dx;
                    fy += s * dy;
                    fz += s * dz;
                    ei += phi;
                    vxx -= s * dx * dx;
                    vyy -= s * dy * dy;
                    vzz -= s * dz * dz;
                    vyz -= s * dy * dz;
                    vxz -= s * dx * dz;
                    vxy -= s * dx * dy;
                }
            }
            f[3 * i] = fx;
            f[3 * i + 1] = fy;
            f[3 * i + 2] = fz;
            epair += 0.5 * ei;
            if (eatom != null) {
                eatom[i] += 0.5 * ei;
            }
        }
        chunkEnergy[chunk] += epair;
        int v = 6 * chunk;
        // each pair is seen from both atoms: half of r⊗f per visit
        chunkVirial[v] = 0.5 * vxx;
        chunkVirial[v + 1] = 0.5 * vyy;
        chunkVirial[v + 2] = 0.5 * vzz;
        chunkVirial[v + 3] = 0.5 * vyz;
        chunkVirial[v + 4] = 0.5 * vxz;
        chunkVirial[v + 5] = 0.5 * vxy;
    }

    /** Per-entry scratch arrays of the half-list kernel, reused between calls (one spare kept). */
    private static final class Workspace {
        final double[] localP;
        final double[] inverseR;
        final int[] row;
        final int[] active;       // entry k of the t-th pair inside the cutoff (rows start at off[i])
        final double[] disp;      // its displacement vector, [3·t]
        int[] count;              // pairs inside the cutoff per atom
        final double[][][] block = new double[3][][];   // per-thread copies of ρ, F, per-atom energies

        Workspace(int entries) {
            localP = new double[entries];
            inverseR = new double[entries];
            row = new int[entries];
            active = new int[entries];
            disp = new double[3 * entries];
        }

        /** {@code blocks} zeroed arrays of length {@code length} kept in slot {@code slot} (0 ρ, 1 F, 2 per-atom energy). */
        double[][] blockArrays(int blocks, int length, int slot) {
            double[][] a = block[slot];
            if (a == null || a.length < blocks || a[0].length < length) {
                a = new double[blocks][length];
                block[slot] = a;
            } else {
                for (int b = 0; b < blocks; b++) {
                    java.util.Arrays.fill(a[b], 0, length, 0.0);
                }
            }
            return a;
        }

        int[] count(int atoms) {
            if (count == null || count.length < atoms) {
                count = new int[atoms];
            }
            return count;
        }
    }

    private final java.util.concurrent.atomic.AtomicReference<Workspace> spare = new java.util.concurrent.atomic.AtomicReference<>();

    /** The spare workspace if it is large enough, else a new one (concurrent callers get their own). */
    private Workspace borrow(int entries) {
        Workspace w = spare.getAndSet(null);
        return w != null && w.localP.length >= entries ? w : new Workspace(entries);
    }

    /**
     * Half list: ρ̄_i from i's own entries, and the partner's density ρ_{j←i} added to ρ̄_j. The
     * pairs inside the cutoff are also packed, per atom from off[i] on (count[i] of them), with
     * their entry index, displacement, spline row and 1/r, so that the force pass visits only
     * those: with an MD skin of 1 Å, 40–50 % of a list's entries lie beyond the cutoff.
     */
    private void densitiesHalf(int lo, int hi, double[] x, double[] h, int[] type, int[] off, int[] nbr, int[] img,
                               double[] rho, double[] localP, double[] inverseR, int[] rowOf,
                               int[] active, double[] disp, int[] count) {
        final double cs = cutsq, inv = rdr;
        final int last = nr - 1;
        final boolean single = ne == 1;     // one element: no type lookups
        for (int i = lo; i < hi; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            int ti = type[i];
            // 1. every entry: displacement and r², stored at the next packed slot, which only
            //    advances for pairs inside the cutoff. No branch on r² < rc²: in a thermally
            //    disordered crystal the skin entries near rc make that branch unpredictable
            //    (Cu_u3 at 300 K with a 1 Å skin: 0.80 µs/atom-step with it, 0.63 without).
            int t0 = off[i], t = t0;
            for (int k = off[i], end = off[i + 1]; k < end; k++) {
                int j = nbr[k];
                double dx = x[3 * j] - xi, dy = x[3 * j + 1] - yi, dz = x[3 * j + 2] - zi;
                int im = img[k];
                if (im != NeighborList.ZERO_IMAGE) {
                    int a = NeighborList.imageA(im), b = NeighborList.imageB(im), cc = NeighborList.imageC(im);
                    dx += a * h[0] + b * h[3] + cc * h[6];
                    dy += a * h[1] + b * h[4] + cc * h[7];
                    dz += a * h[2] + b * h[5] + cc * h[8];
                }
                double r2 = dx * dx + dy * dy + dz * dz;
                active[t] = k;
                disp[3 * t] = dx;
                disp[3 * t + 1] = dy;
                disp[3 * t + 2] = dz;
                inverseR[t] = r2;
                t += r2 < cs ? 1 : 0;
            }
            count[i] = t - t0;
            // 2. the pairs inside the cutoff: spline rows, 1/r, densities both ways
            double sum = 0;
            for (int u = t0; u < t; u++) {
                int j = nbr[active[u]];
                double r = Math.sqrt(inverseR[u]);
                double p = r * inv + 1.0;
                int m = (int) p;
                m = m > last ? last : m;
                p -= m;
                p = p > 1.0 ? 1.0 : p;
                localP[u] = p;
                rowOf[u] = m - 1;
                inverseR[u] = 1.0 / r;
                int tj = single ? ti : type[j];
                int o = 4 * (m - 1);
                double[] c = dens[ti * ne + tj];
                double mine = ((c[o] * p + c[o + 1]) * p + c[o + 2]) * p + c[o + 3];
                sum += mine;
                double other;
                if (tj == ti) {
                    other = mine;       // like atoms: the same density function both ways
                } else {
                    double[] e = dens[tj * ne + ti];
                    other = ((e[o] * p + e[o + 1]) * p + e[o + 2]) * p + e[o + 3];
                }
                rho[j] += other;
            }
            rho[i] += sum;
        }
    }

    /** First atom of block b when the chunks are dealt out to {@code blocks} contiguous blocks. */
    private static int blockStart(int n, int chunks, int blocks, int b) {
        return Parallel.chunkStart(n, chunks, (int) ((long) chunks * b / blocks));
    }

    /** target[stride·i + c] += Σ_b parts[b][stride·i + c] for atoms lo ≤ i &lt; hi. */
    private static void sumInto(double[] target, double[][] parts, int blocks, int lo, int hi, int stride) {
        for (int b = 0; b < blocks; b++) {
            double[] part = parts[b];
            for (int k = stride * lo, end = stride * hi; k < end; k++) {
                target[k] += part[k];
            }
        }
    }

    /**
     * Half list: the force of each pair inside the cutoff (packed by {@link #densitiesHalf}) on i
     * and, with the opposite sign, on its partner j; half of the pair energy to each.
     */
    private void forcesHalf(int lo, int hi, int chunk, int[] type, int[] off, int[] nbr, double[] fp, double[] f,
                            double[] eatom, double[] localP, double[] inverseR, int[] rowOf,
                            int[] active, double[] disp, int[] count, double[] chunkEnergy, double[] chunkVirial) {
        final double[] only = ne == 1 ? force[0] : null;     // one element: no type lookups
        double epair = 0;
        double vxx = 0, vyy = 0, vzz = 0, vyz = 0, vxz = 0, vxy = 0;
        for (int i = lo; i < hi; i++) {
            double fpi = fp[i];
            int rowBase = type[i] * ne;
            double fx = 0, fy = 0, fz = 0, ei = 0;
            for (int t = off[i], end = off[i] + count[i]; t < end; t++) {
                int k = active[t];
                int j = nbr[k];
                double dx = disp[3 * t], dy = disp[3 * t + 1], dz = disp[3 * t + 2];
                double p = localP[t];
                double[] c = only != null ? only : force[rowBase + type[j]];
                int o = FSTRIDE * rowOf[t];
                double rhojp = (c[o] * p + c[o + 1]) * p + c[o + 2];
                // like atoms share one density function
                double rhoip = only != null ? rhojp : (c[o + 3] * p + c[o + 4]) * p + c[o + 5];
                double z2p = (c[o + 6] * p + c[o + 7]) * p + c[o + 8];
                double z2 = ((c[o + 9] * p + c[o + 10]) * p + c[o + 11]) * p + c[o + 12];
                double recip = inverseR[t];
                double phi = z2 * recip;
                double phip = z2p * recip - phi * recip;
                double psip = fpi * rhojp + fp[j] * rhoip + phip;
                double sk = psip * recip;
                fx += sk * dx;
                fy += sk * dy;
                fz += sk * dz;
                ei += phi;
                vxx -= sk * dx * dx;
                vyy -= sk * dy * dy;
                vzz -= sk * dz * dz;
                vyz -= sk * dy * dz;
                vxz -= sk * dx * dz;
                vxy -= sk * dx * dy;
                f[3 * j] -= sk * dx;
                f[3 * j + 1] -= sk * dy;
                f[3 * j + 2] -= sk * dz;
                if (eatom != null) {
                    eatom[j] += 0.5 * phi;
                }
            }
            f[3 * i] += fx;
            f[3 * i + 1] += fy;
            f[3 * i + 2] += fz;
            epair += ei;
            if (eatom != null) {
                eatom[i] += 0.5 * ei;
            }
        }
        chunkEnergy[chunk] += epair;
        int v = 6 * chunk;
        chunkVirial[v] = vxx;
        chunkVirial[v + 1] = vyy;
        chunkVirial[v + 2] = vzz;
        chunkVirial[v + 3] = vyz;
        chunkVirial[v + 4] = vxz;
        chunkVirial[v + 5] = vxy;
    }

    @Override
    public String toString() {
        return describe();
    }
}
