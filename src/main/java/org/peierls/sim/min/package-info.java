/**
 * Atomistic problems for the minimizers of {@link org.peierls.optim}: adapters turn atoms at a
 * fixed cell ({@link org.peierls.sim.min.AtomsMinimizable}, with
 * {@link org.peierls.sim.min.DofMask} for frozen atoms and components) and atoms plus cell toward a
 * target stress ({@link org.peierls.sim.min.CellMinimizable}) into one
 * {@link org.peierls.optim.Minimizable} (the NEB band is another, in {@code sim.neb}), whose force
 * and step measures are per atom (eV/Å, Å). {@link org.peierls.sim.min.Relaxation} is the library
 * form of {@code peierls relax}.
 */
package org.peierls.sim.min;
