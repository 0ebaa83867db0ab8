package org.peierls.fit;

import java.util.Arrays;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.descriptor.ChebyshevRadialBasis;
import org.peierls.descriptor.DescriptorRows;
import org.peierls.descriptor.MomentTensorBasis;
import org.peierls.descriptor.MtpDescriptor;
import org.peierls.descriptor.MtpParameters;
import org.peierls.neighbors.NeighborList;
import org.peierls.optim.Minimizable;
import org.peierls.potential.Results;
import org.peierls.util.InputException;
import org.peierls.util.Parallel;

/**
 * The caches and the variable-projection loss of one MTP fit ({@link MtpFit} explains the method):
 * the reduced loss L(y) over the scaled radial coefficients y (c = y·scale) as a
 * {@link Minimizable}. Each evaluation builds the design matrix of the training configurations at
 * c ({@link #design}), solves the linear coefficients x = (s, ξ) exactly by the column-scaled ridge
 * ({@link ColumnScaledRidge}, penalties fixed at the first evaluation) and returns the gradient
 * ∂L/∂y by the envelope theorem ({@link #configurationGradient}). Not thread-safe (it keeps the
 * last solution and training errors for the log).
 */
final class MtpTrainer implements Minimizable {
    final Dataset data;
    final MtpSettings settings;
    final MomentTensorBasis basis;
    final ChebyshevRadialBasis radial;
    final int[] species;
    final int types, size, cols;
    final int[] train;
    final NeighborList[] lists;
    final Results[] reference;
    final int[][] typeCounts;
    final boolean[] include;
    final LeastSquares.RowWeights weights;
    final MtpColumns columns;
    final double[] scale;
    double[] lambda;
    int evaluations;
    double[] lastX;
    double lastEnergyRmse, lastForceRmse;

    MtpTrainer(Dataset data, MtpSettings settings) {
        this.data = data;
        this.settings = settings;
        this.basis = MomentTensorBasis.ofLevel(settings.level());
        this.radial = new ChebyshevRadialBasis(settings.minDist(), settings.maxDist(), settings.radialBasisSize());
        this.species = settings.species();
        this.types = species.length;
        this.size = basis.size();
        this.cols = types + size;
        this.columns = new MtpColumns(species, size);
        this.train = data.indices(Role.TRAIN);
        this.include = LeastSquares.roleMask(data, Role.TRAIN);
        this.weights = LeastSquares.weightsOf(data);
        int nc = data.size();
        lists = new NeighborList[nc];
        reference = new Results[nc];
        typeCounts = new int[nc][];
        int[] map = new int[Element.MAX_Z + 1];
        Arrays.fill(map, -1);
        for (int t = 0; t < types; t++) {
            map[species[t]] = t;
        }
        RuntimeException[] failure = new RuntimeException[1];
        Parallel.forEachChunk(train.length, q -> {
            int k = train[q];
            Configuration c = data.get(k);
            Structure s = c.structure();
            int[] counts = new int[types];
            for (int i = 0; i < s.size(); i++) {
                int t = map[s.number(i)];
                if (t < 0) {
                    synchronized (failure) {
                        failure[0] = new InputException(c.name() + ": has " + Element.symbol(s.number(i))
                                + ", which is not among the MTP's elements");
                    }
                    return;
                }
                counts[t]++;
            }
            typeCounts[k] = counts;
            lists[k] = NeighborList.build(s, settings.maxDist(), NeighborList.Kind.FULL);
            reference[k] = settings.reference().evaluate(s);
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        scale = radialScale();
    }

    /**
     * The scale of the unknowns (c = y·scale): per radial function μ, one over the RMS over training
     * atoms of M_{μ,0} for the initial f_μ = Q_{μ mod R}, so that every y starts of order one.
     */
    private double[] radialScale() {
        int k = basis.radialFunctions(), r = radial.size();
        double[] scales = new double[types * types * k * r];
        // M_{μ,0} of the initial f_μ = Q_{μ mod R}: its RMS over training atoms sets the scale
        double[] sum = new double[k];
        long atoms = 0;
        double[] q = new double[r], dq = new double[r];
        for (int kk : train) {
            Structure s = data.get(kk).structure();
            NeighborList nl = lists[kk];
            double[] vec = nl.vectorsFor(s);
            int[] off = nl.offsetsArray();
            for (int i = 0; i < s.size(); i++) {
                double[] m = new double[k];
                for (int e = off[i]; e < off[i + 1]; e++) {
                    double d = Math.sqrt(vec[3 * e] * vec[3 * e] + vec[3 * e + 1] * vec[3 * e + 1] + vec[3 * e + 2] * vec[3 * e + 2]);
                    if (d >= settings.maxDist() || d < 1e-10) {
                        continue;
                    }
                    radial.evaluate(d, q, dq, 0);
                    for (int mu = 0; mu < k; mu++) {
                        m[mu] += q[mu % r];
                    }
                }
                for (int mu = 0; mu < k; mu++) {
                    sum[mu] += m[mu] * m[mu];
                }
                atoms++;
            }
        }
        for (int ti = 0; ti < types; ti++) {
            for (int tj = 0; tj < types; tj++) {
                for (int mu = 0; mu < k; mu++) {
                    double rms = Math.sqrt(sum[mu] / Math.max(1, atoms));
                    double sc = rms > 0 ? 1.0 / rms : 1.0;
                    for (int kk = 0; kk < r; kk++) {
                        scales[((ti * types + tj) * k + mu) * r + kk] = sc;
                    }
                }
            }
        }
        return scales;
    }

    /** The number of radial coefficients T²·K·R. */
    @Override
    public int dimension() {
        return scale.length;
    }

    /**
     * The starting point y (c = y·scale): f_μ = the μ-th Chebyshev function, scaled; with a
     * start in the settings, its radial functions where it has them (same element pair, μ &lt; K').
     */
    @Override
    public double[] start() {
        int k = basis.radialFunctions(), r = radial.size();
        double[] y = new double[scale.length];
        MtpParameters from = settings.start();
        int[] fromSpecies = from == null ? new int[0] : from.species();
        for (int ti = 0; ti < types; ti++) {
            for (int tj = 0; tj < types; tj++) {
                int fi = indexOf(fromSpecies, species[ti]), fj = indexOf(fromSpecies, species[tj]);
                for (int mu = 0; mu < k; mu++) {
                    int o = ((ti * types + tj) * k + mu) * r;
                    if (fi >= 0 && fj >= 0 && mu < from.basis().radialFunctions()) {
                        for (int q = 0; q < r; q++) {
                            y[o + q] = from.radialCoefficients()[from.index(fi, fj, mu, q)] / scale[o + q];
                        }
                    } else {
                        y[o + mu % r] = 1.0;
                    }
                }
            }
        }
        return y;
    }

    private static int indexOf(int[] a, int v) {
        for (int q = 0; q < a.length; q++) {
            if (a[q] == v) {
                return q;
            }
        }
        return -1;
    }

    MtpParameters parameters(double[] y) {
        double[] c = new double[y.length];
        for (int q = 0; q < c.length; q++) {
            c[q] = y[q] * scale[q];
        }
        return new MtpParameters(species, basis, radial, c);
    }

    /** The reduced loss L(y) and, when {@code gradient} is not null, ∂L/∂y. */
    @Override
    public double evaluate(double[] y, double[] gradient) {
        evaluations++;
        MtpParameters p = parameters(y);
        MtpDescriptor d = new MtpDescriptor(p);
        DesignMatrix dm = design(d);
        TriangularSystem sys = LeastSquares.reduce(dm, include, weights);
        if (lambda == null) {
            lambda = ColumnScaledRidge.penalties(sys, settings.ridge(), columns);
        }
        double[] x = ColumnScaledRidge.solve(sys, lambda);
        lastX = x;
        double loss = sys.residual() * sys.residual();
        for (int i = 0; i < x.length; i++) {
            double s = -sys.z()[i];
            for (int j = i; j < x.length; j++) {
                s += sys.r().get(i, j) * x[j];
            }
            loss += s * s + lambda[i] * x[i] * x[i];
        }
        // training RMSEs for the log
        double eSq = 0, fSq = 0;
        long ne = 0, nf = 0;
        for (int k : train) {
            DesignMatrix.Block b = dm.block(k);
            double[] pred = dm.predict(k, x);
            if (b.energy() == 1) {
                double de = (pred[0] - b.truth()[0]) * 1000;
                eSq += de * de;
                ne++;
            }
            for (int r = b.energy(); r < b.energy() + b.forces(); r++) {
                double df = pred[r] - b.truth()[r];
                fSq += df * df;
                nf++;
            }
        }
        lastEnergyRmse = ne > 0 ? Math.sqrt(eSq / ne) : Double.NaN;
        lastForceRmse = nf > 0 ? Math.sqrt(fSq / nf) : Double.NaN;
        if (gradient != null) {
            double[] xi = Arrays.copyOfRange(x, types, x.length);
            double[][] parts = new double[train.length][];
            Parallel.forEachChunk(train.length, q -> {
                int k = train[q];
                parts[q] = configurationGradient(k, d, dm, x, xi);
            });
            Arrays.fill(gradient, 0.0);
            for (double[] part : parts) {
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] += part[i];
                }
            }
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] *= scale[i];
            }
        }
        return loss;
    }

    /** The design matrix of the training configurations for descriptor d (other configurations have no rows). */
    DesignMatrix design(MtpDescriptor d) {
        DesignMatrix.Block[] blocks = new DesignMatrix.Block[data.size()];
        Parallel.forEachChunk(train.length, q -> {
            int k = train[q];
            blocks[k] = block(k, d);
        });
        return DesignMatrix.of(data, columns, blocks);
    }

    /** The design block of configuration k: columns s_t (atom counts) then ξ (Σ_i B_i). */
    DesignMatrix.Block block(int k, MtpDescriptor d) {
        Configuration conf = data.get(k);
        Structure s = conf.structure();
        DescriptorRows rows = d.rows(s, lists[k]);
        int n = s.size();
        double[] energy = new double[cols];
        for (int t = 0; t < types; t++) {
            // without a fitted bias the column is zero, so its coefficient solves to 0 and s_t = e0
            energy[t] = settings.fitBias() ? typeCounts[k][t] : 0;
        }
        System.arraycopy(rows.energy(), 0, energy, types, size);
        double[] forces = new double[3 * n * cols];
        for (int row = 0; row < 3 * n; row++) {
            System.arraycopy(rows.forces(), row * size, forces, row * cols + types, size);
        }
        double[] stress = new double[6 * cols];
        double volume = s.cell().volume();
        if (volume > 0) {
            for (int v = 0; v < 6; v++) {
                for (int a = 0; a < size; a++) {
                    stress[v * cols + types + a] = -rows.virial()[v * size + a] / volume;
                }
            }
        }
        return DesignMatrix.block(k, conf, new LinearBasis.Rows(energy, forces, stress, typeCounts[k]), cols, reference[k]);
    }

    /** ∂L/∂c of configuration k at the solution x (the envelope theorem, see {@link MtpFit}). */
    double[] configurationGradient(int k, MtpDescriptor d, DesignMatrix dm, double[] x, double[] xi) {
        Configuration conf = data.get(k);
        Structure s = conf.structure();
        DesignMatrix.Block b = dm.block(k);
        double[] pred = dm.predict(k, x);
        int n = s.size();
        double a = 0;
        double[] v = null;
        double[] h = null;
        int r = 0;
        if (b.energy() == 1) {
            double w = weights.weight(conf, RowKind.ENERGY, 0);
            a = 2 * w * w * (pred[0] - b.truth()[0]) / n;
            r = 1;
        }
        if (b.forces() > 0) {
            v = new double[3 * n];
            for (int q = 0; q < b.forces(); q++) {
                double w = weights.weight(conf, RowKind.FORCE, r + q);
                v[q] = -2 * w * w * (pred[r + q] - b.truth()[r + q]);
            }
            r += b.forces();
        }
        if (b.stress() > 0) {
            h = new double[9];
            double f = Units.EV_PER_A3_TO_GPA / s.cell().volume();
            int[][] voigt = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
            for (int q = 0; q < 6; q++) {
                double w = weights.weight(conf, RowKind.STRESS, q);
                double res = pred[r + q] - b.truth()[r + q];
                // stress row q = (conv/V) Σ_e r_a ∂E/∂r_b: H_ba collects its weight
                h[voigt[q][1] * 3 + voigt[q][0]] += 2 * w * w * res * f;
            }
        }
        double[] g = new double[scale.length];
        d.radialGradient(s, lists[k], xi, a, v, h, g);
        return g;
    }

    /**
     * The design matrix of the training configurations at the starting radial functions (the
     * Chebyshev start, or those of {@link MtpSettings#start()}): what {@link MtpKind} cross-validates
     * weights on, since the weights change only the row weights, not the matrix.
     */
    static DesignMatrix startDesign(Dataset data, MtpSettings settings) {
        MtpTrainer tr = new MtpTrainer(data, settings);
        return tr.design(new MtpDescriptor(tr.parameters(tr.start())));
    }
}
