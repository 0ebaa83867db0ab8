/**
 * Simulation engine: minimization of atoms and cells ({@link org.peierls.sim.min}, on the minimizers
 * of {@link org.peierls.optim}), molecular dynamics
 * ({@link org.peierls.sim.md}) and nudged elastic bands ({@link org.peierls.sim.neb}), all in
 * LAMMPS metal units (Å, eV, ps, amu, K). {@link org.peierls.sim.ForceField} pairs a potential with
 * a neighbor-list skin and reuses the list while it stays valid.
 */
package org.peierls.sim;
