/**
 * The in-silico microscope: per-atom and per-defect analysis of a structure as it is — typically
 * one that a potential has just relaxed — telling what it has become, independently of how it
 * was built.
 *
 * <ul>
 *   <li>dislocations: the Burgers vector by a closed circuit of good-crystal steps
 *       ({@link org.peierls.analysis.BurgersCircuit}), the differential-displacement map of a
 *       screw core, its polarity and whether it is compact or degenerate
 *       ({@link org.peierls.analysis.DifferentialDisplacement}), and the easy and hard sites of a
 *       screw core among the column triangles of a crystal ({@link org.peierls.analysis.ScrewCores},
 *       {@link org.peierls.analysis.CoreType});</li>
 *   <li>point defects: the configuration a relaxed self-interstitial ended in, from a
 *       Wigner–Seitz analysis ({@link org.peierls.analysis.InterstitialClassifier}).</li>
 * </ul>
 *
 * <p>Per-atom structure identification ({@link org.peierls.analysis.Analysis}, behind
 * {@code peierls analyze}): common neighbour analysis with a cutoff and adaptive
 * ({@link org.peierls.analysis.CommonNeighborAnalysis}, labels {@link org.peierls.analysis.StructureType}),
 * the centro-symmetry parameter ({@link org.peierls.analysis.Centrosymmetry}), coordination
 * ({@link org.peierls.analysis.Coordination}) and the Steinhardt order parameters
 * ({@link org.peierls.analysis.Steinhardt}) — each equal to its LAMMPS compute atom by atom.
 * Polyhedral template matching, the Nye tensor and a dislocation line finder belong here too.</p>
 *
 * <p>Layering: this package reads structures and neighbor lists (atoms, neighbors, util, and
 * descriptors where an identifier needs them) and nothing above. The defect builders, the
 * property calculators, the study, active learning, the report and the command line use it; it
 * never uses them, so a defect's vocabulary it needs (interstitial site offsets, say) is passed
 * in as plain data. Lengths are Å.</p>
 */
package org.peierls.analysis;
