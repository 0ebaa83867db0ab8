/**
 * Builders of defect configurations — a defect is data (axes, Burgers vector, plane, shift),
 * a builder is a small class returning a {@link org.peierls.atoms.Structure} plus a record of
 * what was done:
 *
 * <ul>
 *   <li>point defects: {@link org.peierls.defects.PointDefects} (vacancy, divacancy,
 *       substitution, the self-interstitials of {@link org.peierls.defects.InterstitialSite}) →
 *       {@link org.peierls.defects.PointDefect};</li>
 *   <li>surfaces: {@link org.peierls.defects.Surface} → {@link org.peierls.defects.Slab}, cut from an
 *       {@link org.peierls.defects.OrientedCrystal} (axes from {@link org.peierls.defects.PlaneAxes});</li>
 *   <li>generalized stacking faults and γ-surfaces: {@link org.peierls.defects.Gsf} →
 *       {@link org.peierls.defects.StackingFault};</li>
 *   <li>dislocations: displacement fields behind {@link org.peierls.defects.DislocationField}
 *       ({@link org.peierls.defects.IsotropicDislocation}, {@link org.peierls.defects.StrohDislocation},
 *       periodic arrays in {@link org.peierls.defects.PeriodicDipoleField}), builders
 *       {@link org.peierls.defects.DislocationCylinder} and {@link org.peierls.defects.ScrewQuadrupole}
 *       → {@link org.peierls.defects.Dislocation}, cores placed at the easy or hard sites that
 *       {@link org.peierls.analysis.ScrewCores} finds;</li>
 *   <li>grain boundaries: {@link org.peierls.defects.TiltGrainBoundary},
 *       {@link org.peierls.defects.TwistGrainBoundary} → {@link org.peierls.defects.Bicrystal} →
 *       {@link org.peierls.defects.GrainBoundary}, with {@link org.peierls.defects.Csl}.</li>
 * </ul>
 *
 * <p>What a relaxed defect looks like (Burgers circuits, differential-displacement maps, the name
 * of an interstitial) is {@link org.peierls.analysis}'s business: the builders use it, it never
 * uses them. Relaxation constraints travel as per-atom arrays named in
 * {@link org.peierls.defects.DefectArrays} and {@link org.peierls.atoms.MoveMask}.
 * Lengths are Å, areas Å², angles degrees unless stated.</p>
 */
package org.peierls.defects;
