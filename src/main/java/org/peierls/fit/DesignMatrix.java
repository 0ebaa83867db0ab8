package org.peierls.fit;

import java.util.List;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.potential.Results;
import org.peierls.util.Parallel;
import org.peierls.util.Progress;

/**
 * The design matrix of a linear fit, one block of rows per configuration, each row tagged by its
 * configuration, {@link RowKind} and (through the configuration) group — FitSNAP's A, with the
 * labels and the reference contribution beside it. Rows of a block, in order:
 * <ul>
 *   <li>ENERGY (when the configuration has an energy label): Σ_i q(B_i)/N (β0 column N_t/N);
 *       label E/N, reference (E_ref + Σe0)/N, eV/atom — energies are fitted per atom as FitSNAP does;</li>
 *   <li>FORCE ×3N (when it has forces): −∂Σq/∂x_ml; label and reference in eV/Å;</li>
 *   <li>STRESS ×6 (when it has a stress label and a volume): (1/V)Σ r⊗∂q/∂r in GPa, tensile
 *       positive, Voigt xx yy zz yz xz xy; FitSNAP's rows are the same up to the sign and its unit,
 *       bar (its {@code vweight} applies per bar: ours = vweight·10⁴ per GPa).</li>
 * </ul>
 * So the prediction of every row is A·x + reference. Unweighted: weights are applied by
 * {@link LeastSquares}. Blocks are built in parallel over configurations; each block depends only
 * on its configuration, so the matrix does not depend on the thread count.
 */
public final class DesignMatrix {

    /**
     * The rows of one configuration.
     *
     * @param config    index of the configuration in the data set
     * @param energy    1 when there is an energy row (the first), else 0
     * @param forces    number of force rows (3N or 0), after the energy row
     * @param stress    number of stress rows (6 or 0), last
     * @param a         {@code [rows × columns]}, row-major
     * @param truth     label of each row {@code [rows]}
     * @param reference reference contribution of each row {@code [rows]}
     */
    public record Block(int config, int energy, int forces, int stress, double[] a, double[] truth, double[] reference) {

        public int rows() {
            return energy + forces + stress;
        }

        /** Kind of row r of this block. */
        public RowKind kind(int r) {
            return r < energy ? RowKind.ENERGY : r < energy + forces ? RowKind.FORCE : RowKind.STRESS;
        }

        /** Target of row r: label minus reference. */
        public double target(int r) {
            return truth[r] - reference[r];
        }
    }

    private final DesignColumns columns;
    private final Dataset data;
    private final Block[] blocks;
    private final int rows;

    private DesignMatrix(DesignColumns columns, Dataset data, Block[] blocks) {
        this.columns = columns;
        this.data = data;
        this.blocks = blocks;
        int r = 0;
        for (Block b : blocks) {
            if (b != null) {
                r += b.rows();
            }
        }
        this.rows = r;
    }

    /**
     * Builds the rows of every training and test configuration (unused ones get none), for any
     * basis linear in its coefficients ({@link FeatureBasis} on any descriptor and feature map).
     *
     * @param progress advanced once per configuration
     */
    public static DesignMatrix build(Dataset data, LinearBasis basis, Reference reference, Progress progress) {
        return new DesignMatrix(basis, data, blocks(data, 0, basis, reference, progress));
    }

    /**
     * This matrix with the rows of more configurations appended (active learning adds labelled
     * configurations without rebuilding the rows it has): the data set becomes
     * {@code data().plus(more)}, whose first blocks are this matrix's, unchanged.
     *
     * @param basis the basis this matrix was built with
     * @throws IllegalArgumentException when {@code basis} has other columns than this matrix
     */
    public DesignMatrix append(Dataset more, LinearBasis basis, Reference reference, Progress progress) {
        if (basis.columns() != columns.columns()) {
            throw new IllegalArgumentException("appending rows of " + basis.columns() + " columns to a matrix of " + columns.columns());
        }
        Dataset all = data.plus(more);
        Block[] added = blocks(all, data.size(), basis, reference, progress);
        System.arraycopy(blocks, 0, added, 0, blocks.length);
        return new DesignMatrix(columns, all, added);
    }

    /** Blocks of the configurations {@code from…} of {@code data} (the earlier slots left null), in parallel. */
    private static Block[] blocks(Dataset data, int from, LinearBasis basis, Reference reference, Progress progress) {
        List<Configuration> configs = data.configurations();
        int nc = configs.size();
        Block[] blocks = new Block[nc];
        RuntimeException[] failure = new RuntimeException[1];
        Parallel.forEachChunk(nc - from, q -> {
            int c = from + q;
            Configuration conf = configs.get(c);
            if (conf.role() == Role.UNUSED) {
                progress.step();
                return;
            }
            try {
                blocks[c] = block(c, conf, basis, reference);
            } catch (RuntimeException e) {
                synchronized (failure) {
                    if (failure[0] == null) {
                        failure[0] = e instanceof org.peierls.util.InputException ie
                                ? new org.peierls.util.InputException(conf.name() + ": " + ie.getMessage(), ie) : e;
                    }
                }
            }
            progress.step();
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return blocks;
    }

    /**
     * A matrix of blocks built elsewhere (e.g. by the MTP fit, whose rows depend on its radial
     * coefficients), one
     * per configuration of {@code data} (null for unused ones).
     */
    static DesignMatrix of(Dataset data, DesignColumns columns, Block[] blocks) {
        if (blocks.length != data.size()) {
            throw new IllegalArgumentException(blocks.length + " blocks for " + data.size() + " configurations");
        }
        return new DesignMatrix(columns, data, blocks.clone());
    }

    static Block block(int index, Configuration conf, LinearBasis basis, Reference reference) {
        Structure s = conf.structure();
        return block(index, conf, basis.rows(s), basis.columns(), reference.evaluate(s));
    }

    /**
     * The block of a configuration from its raw rows (energy Σq, forces −∂Σq/∂x, stress in eV/Å³
     * per unit coefficient, see {@link LinearBasis.Rows}) and the reference's results.
     */
    static Block block(int index, Configuration conf, LinearBasis.Rows raw, int cols, Results ref) {
        Structure s = conf.structure();
        Labels l = conf.labels();
        int n = s.size();
        // stress rows only where the stress is defined: periodic in all three directions (Results.volumeOf)
        double volume = Results.volumeOf(s);
        int ne = l.hasEnergy() ? 1 : 0;
        int nf = l.hasForces() ? 3 * n : 0;
        int ns = l.hasStress() && volume > 0 ? 6 : 0;
        int rows = ne + nf + ns;
        double[] a = new double[rows * cols];
        double[] truth = new double[rows];
        double[] refv = new double[rows];
        int r = 0;
        if (ne == 1) {
            double inv = 1.0 / n;
            for (int c = 0; c < cols; c++) {
                a[c] = raw.energy()[c] * inv;
            }
            truth[0] = l.energy() * inv;
            refv[0] = ref.energy() * inv;
            r = 1;
        }
        if (nf > 0) {
            System.arraycopy(raw.forces(), 0, a, r * cols, nf * cols);
            double[] f = l.forces();
            double[] fr = ref.forces();
            for (int k = 0; k < nf; k++) {
                truth[r + k] = f[k];
                refv[r + k] = fr[k];
            }
            r += nf;
        }
        if (ns > 0) {
            double[] st = raw.stress();
            for (int k = 0; k < 6 * cols; k++) {
                a[r * cols + k] = st[k] * Units.EV_PER_A3_TO_GPA;
            }
            double[] sl = l.stress();
            double[] w = ref.virial();
            for (int v = 0; v < 6; v++) {
                truth[r + v] = sl[v] * Units.EV_PER_A3_TO_GPA;
                refv[r + v] = -w[v] / volume * Units.EV_PER_A3_TO_GPA;
            }
        }
        return new Block(index, ne, nf, ns, a, truth, refv);
    }

    /** The columns (names, constant columns). */
    public DesignColumns columnInfo() {
        return columns;
    }

    public Dataset data() {
        return data;
    }

    /** Number of rows over all blocks. */
    public int rows() {
        return rows;
    }

    public int columns() {
        return columns.columns();
    }

    /** The block of configuration k, or null when it has no rows (unused). */
    public Block block(int k) {
        return blocks[k];
    }

    /** Number of configurations (blocks, some possibly null). */
    public int configurations() {
        return blocks.length;
    }

    /** A copy that refers to the same rows but to another data set of the same configurations (new roles or weights). */
    public DesignMatrix withData(Dataset other) {
        if (other.size() != data.size()) {
            throw new IllegalArgumentException("data set of " + other.size() + " configurations for a matrix of " + data.size());
        }
        for (int k = 0; k < blocks.length; k++) {
            if (blocks[k] == null && other.get(k).role() != Role.UNUSED) {
                throw new IllegalArgumentException("configuration " + other.get(k).name() + " has no rows");
            }
        }
        return new DesignMatrix(columns, other, blocks);
    }

    /** Predictions A·x of the rows of block k (without the reference). */
    public double[] fitted(int k, double[] x) {
        Block b = blocks[k];
        int cols = columns.columns();
        double[] out = new double[b.rows()];
        for (int r = 0; r < out.length; r++) {
            double s = 0;
            int o = r * cols;
            for (int c = 0; c < cols; c++) {
                s += b.a[o + c] * x[c];
            }
            out[r] = s;
        }
        return out;
    }

    /** Predictions A·x + reference of the rows of block k. */
    public double[] predict(int k, double[] x) {
        double[] p = fitted(k, x);
        double[] ref = blocks[k].reference;
        for (int r = 0; r < p.length; r++) {
            p[r] += ref[r];
        }
        return p;
    }
}
