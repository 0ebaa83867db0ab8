package org.peierls.fit;

import org.peierls.descriptor.ChebyshevRadialBasis;
import org.peierls.descriptor.MtpParameters;
import org.peierls.util.InputException;

/**
 * What an MTP fit needs besides the data.
 *
 * @param species         atomic numbers of the element types, in type order
 * @param level           lev_max of the level-based basis (2 … 28)
 * @param radialBasisSize number of Chebyshev functions R
 * @param minDist         r_min of the radial basis, Å
 * @param maxDist         cutoff R_cut, Å
 * @param reference       reference potential and element energies subtracted before the fit
 * @param maxIterations   BFGS iterations over the radial coefficients (0: linear fit of the
 *                        initial radial functions only)
 * @param tolerance       stop when the loss fell by less than this fraction over the last 10
 *                        iterations
 * @param ridge           relative ridge penalty on the basis coefficients ξ (scaled columns;
 *                        λ_c = ridge·s_max²·|A_c|² at the start), keeps the linear solve smooth
 * @param fitBias         fit the per-element energies s_t (else s_t = the reference element energy)
 * @param start           radial coefficients to start from (a previous fit, e.g. at a lower level:
 *                        its radial functions μ &lt; K' of the same element pairs are copied, the
 *                        others start as usual); null: the default start. Its radial basis must
 *                        be this one.
 */
public record MtpSettings(int[] species, int level, int radialBasisSize, double minDist, double maxDist,
                          Reference reference, int maxIterations, double tolerance, double ridge, boolean fitBias,
                          MtpParameters start) {

    /** Settings with the default start. */
    public MtpSettings(int[] species, int level, int radialBasisSize, double minDist, double maxDist,
                       Reference reference, int maxIterations, double tolerance, double ridge, boolean fitBias) {
        this(species, level, radialBasisSize, minDist, maxDist, reference, maxIterations, tolerance, ridge, fitBias, null);
    }

    public MtpSettings {
        if (species == null || species.length == 0) {
            throw new InputException("MTP fit: no elements");
        }
        species = species.clone();
        if (level < 2 || level > 28) {
            throw new InputException("--level must be in 2…28, got " + level);
        }
        if (radialBasisSize < 2 || radialBasisSize > 64) {
            throw new InputException("--radial-basis-size must be in 2…64, got " + radialBasisSize);
        }
        if (!(minDist >= 0) || !(maxDist > minDist)) {
            throw new InputException("MTP radial basis needs 0 ≤ --min-dist < --max-dist, got " + minDist + ", " + maxDist);
        }
        if (maxIterations < 0) {
            throw new InputException("--max-iter must be ≥ 0, got " + maxIterations);
        }
        if (!(tolerance >= 0) || !(ridge >= 0)) {
            throw new InputException("MTP fit tolerance and ridge must be ≥ 0");
        }
        if (reference == null) {
            reference = Reference.NONE;
        }
        if (start != null) {
            ChebyshevRadialBasis rb = start.radial();
            if (rb.size() != radialBasisSize || rb.minDist() != minDist || rb.maxDist() != maxDist || rb.scaling() != 1.0) {
                throw new InputException("the MTP to start from has the radial basis " + rb.size() + " functions on ["
                        + rb.minDist() + ", " + rb.maxDist() + "] Å (scaling " + rb.scaling() + "), the fit "
                        + radialBasisSize + " on [" + minDist + ", " + maxDist + "] Å: give the same"
                        + " --radial-basis-size, --min-dist and --max-dist");
            }
        }
    }

    /** The same settings starting from other radial coefficients (null: the default start). */
    public MtpSettings withStart(MtpParameters from) {
        return new MtpSettings(species, level, radialBasisSize, minDist, maxDist, reference, maxIterations, tolerance, ridge,
                fitBias, from);
    }

    @Override
    public int[] species() {
        return species.clone();
    }
}
