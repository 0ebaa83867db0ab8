/**
 * Where a model extrapolates: per-atom uncertainty of any fitted model against its training set
 * — the D-optimality extrapolation grade ({@link org.peierls.uncertainty.ActiveSet},
 * {@link org.peierls.uncertainty.MaxVol}), a robust-Gaussian outlier score of the descriptors
 * ({@link org.peierls.uncertainty.RobustGaussian}), committee disagreement — each calibrated to
 * an expected force error ({@link org.peierls.uncertainty.Calibration}). The facade is
 * {@link org.peierls.uncertainty.Uncertainty}; the fit folder holds its state.
 */
package org.peierls.uncertainty;
