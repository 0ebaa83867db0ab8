package org.peierls.fit;

import org.peierls.descriptor.Bispectrum;
import org.peierls.descriptor.BispectrumParameters;

/**
 * What a SNAP fit needs besides the data: the bispectrum, the model kind, whether β0 is fitted,
 * the reference subtracted, and the solver.
 *
 * @param bispectrum descriptor parameters (elements in type order)
 * @param quadratic  quadratic SNAP (½B⊗B terms) instead of linear
 * @param fitBias    fit the constant β0 of each element
 * @param reference  reference potential and element energies subtracted before the fit
 * @param solver     the least-squares solver
 */
public record SnapSettings(BispectrumParameters bispectrum, boolean quadratic, boolean fitBias, Reference reference,
                           Solver solver) {

    public SnapSettings {
        if (reference == null) {
            reference = Reference.NONE;
        }
        if (solver == null) {
            solver = new SvdSolver(SvdSolver.FITSNAP_RCOND);
        }
    }

    /** The basis these settings describe: the bispectrum with linear or quadratic features. */
    public FeatureBasis basis() {
        Bispectrum b = new Bispectrum(bispectrum);
        return new FeatureBasis(b, quadratic ? FeatureMap.quadratic(b.size()) : FeatureMap.linear(b.size()), fitBias);
    }

    public SnapSettings withSolver(Solver s) {
        return new SnapSettings(bispectrum, quadratic, fitBias, reference, s);
    }

    public SnapSettings withBispectrum(BispectrumParameters p) {
        return new SnapSettings(p, quadratic, fitBias, reference, solver);
    }

    /** "snap" or "qsnap". */
    public String kind() {
        return quadratic ? "qsnap" : "snap";
    }
}
