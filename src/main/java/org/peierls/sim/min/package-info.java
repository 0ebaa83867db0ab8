/**
 * Minimizers behind one contract. A {@link org.peierls.sim.min.Minimizable} exposes a flat vector
 * of degrees of freedom, a value and its gradient; adapters turn atoms at a fixed cell
 * ({@link org.peierls.sim.min.AtomsMinimizable}, with {@link org.peierls.sim.min.DofMask} for
 * frozen atoms and components), atoms plus cell toward a target stress
 * ({@link org.peierls.sim.min.CellMinimizable}) and the NEB band into one. FIRE 2.0, Polak–Ribière+
 * CG and L-BFGS (the latter two on a strong-Wolfe line search) stop on force, energy change or
 * iteration count and report which in a {@link org.peierls.sim.min.Termination}.
 * {@link org.peierls.sim.min.Relaxation} is the library form of {@code peierls relax}.
 */
package org.peierls.sim.min;
