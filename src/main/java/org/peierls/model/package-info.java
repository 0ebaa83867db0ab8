/**
 * Models on descriptor rows and the machine-learning potentials built from them.
 *
 * <p>{@link org.peierls.model.Model} maps B_i to E_i and β_i = ∂E_i/∂B_i:
 * {@link org.peierls.model.LinearModel} (SNAP) and {@link org.peierls.model.QuadraticModel}
 * (quadratic SNAP, LAMMPS's coefficient order). {@link org.peierls.model.MlPotential} = a
 * descriptor + one model per element type, a {@link org.peierls.potential.Potential}.</p>
 *
 * <p>LAMMPS files: {@link org.peierls.model.SnapFiles} reads and writes {@code .snapcoeff} /
 * {@code .snapparam}; {@link org.peierls.model.SnapInclude} reads the {@code .snap} include
 * files (variables, {@code hybrid/overlay zbl … snap}); {@link org.peierls.model.ModelSpecs}
 * registers the {@code snap:} potential specs.</p>
 */
package org.peierls.model;
