/**
 * Labelling: an {@link org.peierls.oracle.Oracle} gives energy, forces and stress of
 * configurations — {@link org.peierls.oracle.TeacherOracle} with any Peierls potential; DFT (CP2K)
 * and external commands plug in here. Sits above potentials and io, below the active-learning
 * loop and the study, which label candidates they make elsewhere.
 */
package org.peierls.oracle;
