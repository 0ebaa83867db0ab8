/**
 * Per-atom descriptors and their derivatives: the descriptor half of the descriptor/model split
 * (DESIGN.md, after LAMMPS's ML-IAP package).
 *
 * <p>{@link org.peierls.descriptor.Descriptor} maps each atom's neighborhood to a row B_i and
 * offers three paths: the rows themselves; every derivative ∂B_i/∂r_j
 * ({@link org.peierls.descriptor.DescriptorGradients}, and the per-structure fitting rows of
 * {@link org.peierls.descriptor.DescriptorRows}); and the adjoint that turns β_i = ∂E/∂B_i into
 * forces and virial without forming ∂B/∂r (the MD path).</p>
 *
 * <p>{@link org.peierls.descriptor.Bispectrum} is the SNAP bispectrum (Thompson et al., J.
 * Comput. Phys. 285, 316 (2015)), equal to LAMMPS's {@code pair_style snap} to round-off. Its
 * maths is split into small package-private pieces: {@code ClebschGordan} (coefficients),
 * {@code BispectrumIndex} (the U/Z/B index tables and the flattened Z term list),
 * {@code HypersphericalHarmonics} (the u recursion and its su(2) derivative),
 * {@code CayleyKlein} (the map of a neighbor onto the 3-sphere). Two kernels run it: a scalar
 * one (always available; also the gradients path) and {@code VectorKernel}, 4-wide SIMD through
 * the JDK's incubating Vector API when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (the launcher and the test runner do).</p>
 */
package org.peierls.descriptor;
