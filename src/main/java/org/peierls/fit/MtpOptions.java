package org.peierls.fit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Element;
import org.peierls.descriptor.MtpParameters;
import org.peierls.model.MtpFile;
import org.peierls.util.InputException;

/**
 * The options of an MTP fit ({@code peierls fit --model mtp}, a study's MTP student; see {@link MtpKind}).
 *
 * @param level           lev_max of the level-based basis (2 … 28)
 * @param radialBasisSize number of Chebyshev functions of the radial basis
 * @param minDist         r_min of the radial basis, Å
 * @param maxDist         cutoff R_cut, Å
 * @param maxIterations   BFGS iterations over the radial coefficients (0: linear fit only)
 * @param tolerance       stop when the loss fell by less than this fraction over 10 iterations
 * @param ridge           relative ridge penalty on the basis coefficients (see {@link MtpSettings})
 * @param init            an MTP to start the radial functions from: a {@code .mtp} file or the
 *                        folder/model.json of an MTP fit (null: the default start)
 */
public record MtpOptions(int level, int radialBasisSize, double minDist, double maxDist, int maxIterations,
                         double tolerance, double ridge, Path init) {

    /** MLIP's defaults where it has them: radial basis of 8 functions on [2, 5] Å. */
    public static final int DEFAULT_LEVEL = 16;
    public static final int DEFAULT_RADIAL_BASIS_SIZE = 8;
    public static final double DEFAULT_MIN_DIST = 2.0;
    public static final double DEFAULT_MAX_DIST = 5.0;
    public static final int DEFAULT_MAX_ITERATIONS = 300;
    public static final double DEFAULT_TOLERANCE = 1e-3;
    public static final double DEFAULT_RIDGE = 1e-10;

    public MtpOptions {
        if (maxIterations < 0) {
            throw new InputException("--max-iter must be ≥ 0, got " + maxIterations);
        }
    }

    /** The defaults above at a level. */
    public static MtpOptions defaults(int level) {
        return new MtpOptions(level, DEFAULT_RADIAL_BASIS_SIZE, DEFAULT_MIN_DIST, DEFAULT_MAX_DIST,
                DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, DEFAULT_RIDGE, null);
    }

    /** The fit settings for these elements and reference. */
    MtpSettings settings(int[] species, Reference reference, boolean fitBias) {
        MtpParameters start = null;
        if (init != null) {
            List<String> symbols = new ArrayList<>();
            for (int z : species) {
                symbols.add(Element.symbol(z));
            }
            if (!Files.exists(init)) {
                throw new InputException("--init: no such file or folder " + init);
            }
            start = ModelStore.isModel(init) ? MtpKind.loadMtp(init).parameters()
                    : MtpFile.readOr(init, symbols).parameters();
        }
        return new MtpSettings(species, level, radialBasisSize, minDist, maxDist, reference, maxIterations, tolerance,
                ridge, fitBias, start);
    }
}
