package org.peierls.properties;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.peierls.atoms.LatticeType;
import org.peierls.defects.InterstitialSite;
import org.peierls.optim.Fire;
import org.peierls.sim.neb.NebOptions;

/**
 * What the {@link DefectBattery} computes and with which settings: the properties, and one typed
 * options record per calculator. {@link #defaults} gives modest cells (a few hundred atoms at
 * most) so that a battery over a teacher and a dozen models stays affordable; {@code quick}
 * smaller ones still, {@link #tiny} the smallest. Measured on two loaded cores (docs/benchmarks.md):
 * EAM 8–27 s (defaults), 3–6 s (quick), 1.5–3 s (tiny); the Ta06A SNAP 42 s, 10 s, 6 s, of which
 * about a second is the JVM's warm-up.
 *
 * @param properties     the properties to compute (dependencies are computed as needed)
 * @param eos            lattice constant / equation of state
 * @param elastic        elastic constants
 * @param vacancy        vacancy formation
 * @param migration      vacancy migration
 * @param interstitials  self-interstitials
 * @param surfaces       surface energies
 * @param gsf            GSF curves
 * @param gammaSurface   γ-surface
 * @param screwCore      screw core (bcc)
 * @param peierls        Peierls barrier (bcc)
 * @param grainBoundaries grain boundaries (cubic)
 * @param timeLimit      wall-clock limit of each property, s (infinite: none); a property that runs
 *                       longer is stopped and recorded as failed ("time limit of … exceeded")
 */
public record BatteryOptions(Set<Property> properties, EquationOfState.Options eos, ElasticConstants.Options elastic,
                             VacancyFormation.Options vacancy, VacancyMigration.Options migration,
                             InterstitialFormation.Options interstitials, SurfaceEnergy.Options surfaces, StackingFaultEnergy.Options gsf,
                             GammaSurface.Options gammaSurface, ScrewCore.Options screwCore, PeierlsBarrier.Options peierls,
                             GrainBoundaryEnergy.Options grainBoundaries, double timeLimit) {

    public BatteryOptions {
        properties = properties.isEmpty() ? EnumSet.noneOf(Property.class) : EnumSet.copyOf(properties);
        if (!(timeLimit > 0)) {
            throw new IllegalArgumentException("the time limit per property must be positive, got " + timeLimit);
        }
    }

    /**
     * Every property that applies to the lattice, with default (or quick) cells.
     *
     * <table>
     *   <caption>cell sizes</caption>
     *   <tr><th></th><th>default</th><th>quick</th></tr>
     *   <tr><td>point defects</td><td>bcc 5³ (250 sites), fcc 4³ (256), hcp 5×3×3</td><td>bcc 4³ (128), fcc 3³ (108), hcp 4×2×2</td></tr>
     *   <tr><td>vacancy NEB</td><td>5 images</td><td>5 images (fewer put the middle image in the metastable
     *   split vacancy that some bcc EAM potentials have halfway along the hop, and the barrier of
     *   Mendelev's Fe comes out 0.54 eV instead of 0.64 eV)</td></tr>
     *   <tr><td>surfaces</td><td>≥ 15 Å slabs</td><td>≥ 10 Å</td></tr>
     *   <tr><td>GSF / γ-surface</td><td>24 points / 12×12</td><td>12 points / 6×6</td></tr>
     *   <tr><td>screw quadrupole</td><td>5×9 (270 atoms)</td><td>3×5 (90 atoms)</td></tr>
     *   <tr><td>Peierls cylinder</td><td>radius 20 Å, 9 images</td><td>radius 12 Å, 7 images</td></tr>
     *   <tr><td>grain boundaries</td><td>7 tilt boundaries, 3×3 translations × 3 deletions</td><td>3 boundaries, 2×2 × 2</td></tr>
     * </table>
     */
    public static BatteryOptions defaults(LatticeType lattice, boolean quick) {
        RelaxSettings relax = RelaxSettings.defaults();
        int n = switch (lattice) {
            case BCC -> quick ? 4 : 5;
            case FCC -> quick ? 3 : 4;
            default -> quick ? 4 : 5;
        };
        NebOptions vacNeb = NebOptions.defaults(5).withFmax(quick ? 5e-3 : 2e-3).withMaxSteps(quick ? 1000 : 2000);
        NebOptions peierlsNeb = new NebOptions(quick ? 7 : 9, 1.0, true, quick ? 5e-4 : 2e-4, quick ? 5e-3 : 2e-3, quick ? 1500 : 3000,
                Fire.Parameters.defaults().withMaxStep(0.1));
        boolean cubic = lattice != LatticeType.HCP;
        List<StackingFaultEnergy.Line> lines = StackingFaultEnergy.defaultLines(lattice);
        List<GrainBoundaryEnergy.Tilt> gbs = quick
                ? List.of(new GrainBoundaryEnergy.Tilt("[001]", "(310)"), new GrainBoundaryEnergy.Tilt("[1-10]", "(111)"),
                        new GrainBoundaryEnergy.Tilt("[1-10]", "(112)"))
                : GrainBoundaryEnergy.DEFAULT;
        return new BatteryOptions(Property.applicable(lattice),
                (quick ? new EquationOfState.Options(9, 0.02, Double.NaN, relax.withFmax(1e-5)) : EquationOfState.Options.defaults()),
                ElasticConstants.Options.defaults(),
                new VacancyFormation.Options(n, relax),
                new VacancyMigration.Options(n, vacNeb, relax),
                InterstitialFormation.Options.of(lattice, n, relax),
                new SurfaceEnergy.Options(cubic ? SurfaceEnergy.CUBIC_PLANES : SurfaceEnergy.HCP_PLANES, quick ? 10 : 15, quick ? 10 : 12, relax),
                new StackingFaultEnergy.Options(lines, quick ? 12 : 24, relax),
                new GammaSurface.Options(lines.get(0), quick ? 6 : 12, quick ? 6 : 12, relax),
                new ScrewCore.Options(quick ? 3 : 5, quick ? 5 : 9, 0.01, relax),
                new PeierlsBarrier.Options(quick ? 12 : 20, Double.NaN, peierlsNeb, relax),
                new GrainBoundaryEnergy.Options(gbs, quick ? 2 : 3, quick ? 2 : 3, quick ? new double[]{0.0, 0.7} : new double[]{0.0, 0.6, 0.8},
                        quick ? 10 : 12, true, relax), Double.POSITIVE_INFINITY);
    }

    /**
     * The smallest sensible settings, for a battery over a teacher and a dozen fitted models with an
     * expensive potential: the point-defect cells of {@code quick}, fewer configurations, planes,
     * GSF points and NEB images, a thinner Peierls cylinder and one grain boundary. Relaxations stop
     * after 1000 steps per stage and each property after 120 s (a badly fitted model that does not
     * converge costs at most that). {@code docs/benchmarks.md} tabulates its time and how far its
     * numbers are from {@code quick}.
     *
     * <table>
     *   <caption>tiny settings</caption>
     *   <tr><td>equation of state</td><td>7 volumes within ±2 %</td></tr>
     *   <tr><td>point defects</td><td>bcc 4³ (128 sites), fcc 3³ (108), hcp 3×2×2; vacancy NEB 5 images (see {@link #defaults})</td></tr>
     *   <tr><td>interstitials</td><td>bcc ⟨110⟩, ⟨111⟩ and ⟨100⟩ dumbbells; fcc ⟨100⟩ dumbbell and octahedral; hcp octahedral and basal split</td></tr>
     *   <tr><td>surfaces</td><td>(100), (110), (111) (hcp basal, prismatic), ≥ 8 Å slabs, 8 Å vacuum</td></tr>
     *   <tr><td>GSF / γ-surface</td><td>the first line only ({110} bcc, {111} fcc, basal hcp), 6 intervals / 4×4</td></tr>
     *   <tr><td>screw quadrupole</td><td>3×5 (90 atoms), symmetric start only</td></tr>
     *   <tr><td>Peierls cylinder</td><td>radius 9 Å, 5 images</td></tr>
     *   <tr><td>grain boundaries</td><td>Σ5(310)[001], 2×1 translations, no deletion</td></tr>
     * </table>
     */
    public static BatteryOptions tiny(LatticeType lattice) {
        RelaxSettings relax = RelaxSettings.defaults().withMaxSteps(1000);
        int n = switch (lattice) {
            case BCC -> 4;
            default -> 3;
        };
        NebOptions vacNeb = NebOptions.defaults(5).withFmax(1e-2).withMaxSteps(500);
        NebOptions peierlsNeb = new NebOptions(5, 1.0, true, 1e-3, 1e-2, 800, Fire.Parameters.defaults().withMaxStep(0.1));
        boolean cubic = lattice != LatticeType.HCP;
        List<StackingFaultEnergy.Line> lines = StackingFaultEnergy.defaultLines(lattice).subList(0, 1);
        List<InterstitialSite> sites = switch (lattice) {
            case BCC -> List.of(InterstitialSite.BCC_DUMBBELL_110, InterstitialSite.BCC_DUMBBELL_111, InterstitialSite.BCC_DUMBBELL_100);
            case FCC -> List.of(InterstitialSite.FCC_DUMBBELL_100, InterstitialSite.FCC_OCTAHEDRAL);
            default -> List.of(InterstitialSite.HCP_OCTAHEDRAL, InterstitialSite.HCP_BASAL_SPLIT);
        };
        return new BatteryOptions(Property.applicable(lattice),
                new EquationOfState.Options(7, 0.02, Double.NaN, relax.withFmax(1e-5)),
                ElasticConstants.Options.defaults(),
                new VacancyFormation.Options(n, relax),
                new VacancyMigration.Options(n, vacNeb, relax),
                new InterstitialFormation.Options(n, sites, 0.02, 7L, relax),
                new SurfaceEnergy.Options(cubic ? List.of("100", "110", "111") : SurfaceEnergy.HCP_PLANES, 8, 8, relax),
                new StackingFaultEnergy.Options(lines, 6, relax),
                new GammaSurface.Options(lines.get(0), 4, 4, relax),
                new ScrewCore.Options(3, 5, 0, relax),
                new PeierlsBarrier.Options(9, Double.NaN, peierlsNeb, relax),
                new GrainBoundaryEnergy.Options(List.of(new GrainBoundaryEnergy.Tilt("[001]", "(310)")), 2, 1, new double[]{0.0}, 8, true,
                        relax), 120);
    }

    /** The same settings for another set of properties. */
    public BatteryOptions withProperties(Set<Property> p) {
        return new BatteryOptions(p, eos, elastic, vacancy, migration, interstitials, surfaces, gsf, gammaSurface, screwCore, peierls,
                grainBoundaries, timeLimit);
    }

    /** The same settings with a wall-clock limit per property, s. */
    public BatteryOptions withTimeLimit(double seconds) {
        return new BatteryOptions(properties, eos, elastic, vacancy, migration, interstitials, surfaces, gsf, gammaSurface, screwCore,
                peierls, grainBoundaries, seconds);
    }

    /** The same settings with a starting guess for the lattice constant, Å. */
    public BatteryOptions withLatticeGuess(double a) {
        return new BatteryOptions(properties, eos.withGuess(a), elastic, vacancy, migration, interstitials, surfaces, gsf, gammaSurface,
                screwCore, peierls, grainBoundaries, timeLimit);
    }
}
