/**
 * Problem-agnostic local minimizers behind one contract. A
 * {@link org.peierls.optim.Minimizable} exposes a flat vector of unknowns, a value and its
 * gradient; a {@link org.peierls.optim.Minimizer} drives it to a minimum under
 * {@link org.peierls.optim.StopCriteria} (force measure, value change, iteration count) and
 * reports which one ended the run in a {@link org.peierls.optim.Termination}. The family:
 * FIRE 2.0 ({@link org.peierls.optim.Fire}, force only, so it also drives the non-conservative NEB
 * band), Polak–Ribière+ CG and L-BFGS ({@link org.peierls.optim.ConjugateGradient},
 * {@link org.peierls.optim.Lbfgs}, on a strong-Wolfe line search) and dense BFGS
 * ({@link org.peierls.optim.Bfgs}, on Armijo backtracking, for the tens to hundreds of unknowns of
 * a fit); {@link org.peierls.optim.Minimizers} names the three that scale to atoms for command
 * lines.
 *
 * <p>Why a package of its own: the fit (e.g. the radial coefficients of an MTP) and the simulation
 * layer (atoms, cells, NEB bands) both minimise, but neither may depend on the other. Below both,
 * using nothing but {@code util}, one implementation of each method serves every problem; the
 * atomistic adapters stay in {@code sim.min}.</p>
 */
package org.peierls.optim;
