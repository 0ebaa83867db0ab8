/**
 * Nudged elastic band: {@link org.peierls.sim.neb.NebBand} (improved tangent, springs, climbing
 * image) is a {@link org.peierls.optim.Minimizable} relaxed with FIRE by
 * {@link org.peierls.sim.neb.Neb}; {@link org.peierls.sim.neb.AtomisticNeb} interpolates atomic end
 * states with minimum-image displacements; {@link org.peierls.sim.neb.NebPlot} draws the profile.
 */
package org.peierls.sim.neb;
