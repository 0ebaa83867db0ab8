/**
 * Molecular dynamics as immutable {@link org.peierls.sim.md.MdState} records and
 * {@link org.peierls.sim.md.Integrator} init/step pairs: velocity Verlet (NVE), BAOAB Langevin and
 * Nosé–Hoover chains (NVT), the MTK barostat with chains (NPT; isotropic, anisotropic, triclinic).
 * {@link org.peierls.sim.md.MdRun} drives observers (thermo, {@link org.peierls.sim.md.Trajectory}
 * frames, {@link org.peierls.sim.md.MdCheckpoint}s); {@link org.peierls.sim.md.MdSettings} is the
 * library form of {@code peierls md}.
 */
package org.peierls.sim.md;
