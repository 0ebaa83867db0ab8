/**
 * Fitting machine-learning potentials to labelled data ("a generalized form of force matching").
 *
 * <p>A {@link org.peierls.fit.Dataset} holds {@link org.peierls.fit.Configuration}s (structure,
 * labels, group, train/test role, trusted stress components) and per-group
 * {@link org.peierls.fit.Weights}. A fit is one {@link org.peierls.fit.DesignMatrix} whose rows are
 * tagged by configuration, {@link org.peierls.fit.RowKind} (energy per atom, force component,
 * stress component in GPa) and group, with the {@link org.peierls.fit.Reference} (e.g. ZBL, element
 * energies) subtracted from the labels; its columns are a {@link org.peierls.fit.LinearBasis}:
 * {@link org.peierls.fit.FeatureBasis} puts any {@link org.peierls.fit.FeatureMap} (linear,
 * quadratic, …) on any descriptor — linear and quadratic SNAP are the bispectrum with the first two. {@link org.peierls.fit.LeastSquares} reduces the weighted matrix to a
 * triangle by a tall-skinny QR and a {@link org.peierls.fit.Solver} (SVD with a cut-off, QR, ridge)
 * solves it. {@link org.peierls.fit.Metrics} and {@link org.peierls.fit.MetricsReport} give
 * the errors overall and per group, {@link org.peierls.fit.CrossValidation} k-fold estimates,
 * {@link org.peierls.fit.FitSnapInput} reads FitSNAP input files, and
 * {@link org.peierls.fit.FitRunner} runs a {@link org.peierls.fit.FitJob} and writes the fit
 * folder ({@link org.peierls.fit.ModelStore}: model.json), the LAMMPS files and the metrics.
 *
 * <p><b>Model kinds are plug-ins.</b> A {@link org.peierls.fit.ModelKind} (found by
 * {@link org.peierls.fit.ModelKinds} with {@code ServiceLoader}) declares its options, parses them
 * into its options record, fits (with cross-validation of what is left open), opens a session for
 * repeated fits of the same configurations (a study's ladder), and loads its model.json; a fit
 * is a {@link org.peierls.fit.FittedModel}. Nothing outside a kind names SNAP or MTP:
 * {@link org.peierls.fit.SnapKind}, {@link org.peierls.fit.QuadraticSnapKind},
 * {@link org.peierls.fit.MtpKind}.</p>
 *
 * <p>{@link org.peierls.fit.Evaluation} measures any potential on labelled data.
 * {@link org.peierls.fit.MtpFit} fits moment tensor potentials on the same design-matrix machinery:
 * an exact linear solve for the species and moment coefficients inside a BFGS over the radial
 * coefficients (variable projection; the loss is {@code MtpTrainer}, the BFGS that of
 * {@link org.peierls.optim}).</p>
 *
 * <p>Regression anchors: the Ta example of FitSNAP reproduces its coefficients to 3e-7 and its
 * error table; Zuo et al.'s SNAP/qSNAP files reproduce their published errors on the mlearn test
 * sets.</p>
 */
package org.peierls.fit;
