/**
 * The defect property battery: one calculator per property, each taking a
 * {@link org.peierls.properties.ReferenceCrystal} (potential, element, lattice, lattice constant,
 * bulk energy per atom) and a typed {@code Options} record and returning a {@code Result} record
 * with {@code toJson()} and, where a person would look, {@code png(title)}:
 *
 * <ul>
 *   <li>{@link org.peierls.properties.EquationOfState} (lattice constant, cohesive energy, bulk
 *       modulus), {@link org.peierls.properties.ElasticConstants} (C_ij);</li>
 *   <li>{@link org.peierls.properties.VacancyFormation}, {@link org.peierls.properties.VacancyMigration},
 *       {@link org.peierls.properties.InterstitialFormation};</li>
 *   <li>{@link org.peierls.properties.SurfaceEnergy}, {@link org.peierls.properties.StackingFaultEnergy}
 *       (GSF curves), {@link org.peierls.properties.GammaSurface};</li>
 *   <li>{@link org.peierls.properties.ScrewCore} and {@link org.peierls.properties.PeierlsBarrier}
 *       (bcc ½⟨111⟩ screw dislocation);</li>
 *   <li>{@link org.peierls.properties.GrainBoundaryEnergy} (symmetric tilt boundaries).</li>
 * </ul>
 *
 * <p>{@link org.peierls.properties.DefectBattery} runs any set of them
 * ({@link org.peierls.properties.Property}, settings in {@link org.peierls.properties.BatteryOptions})
 * for one potential, each in its own try/catch, and returns a
 * {@link org.peierls.properties.BatteryResult} (the JSON of {@code peierls defects}). Relaxations
 * go through {@link org.peierls.properties.RelaxSettings}. Units: eV, Å, GPa, J/m² (surfaces,
 * boundaries), mJ/m² (stacking faults).</p>
 */
package org.peierls.properties;
