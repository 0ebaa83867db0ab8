package org.peierls.properties;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.peierls.analysis.CommonNeighborAnalysis;
import org.peierls.analysis.StructureClassifier;
import org.peierls.analysis.StructureType;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.potential.Potential;
import org.peierls.potential.eam.Zhou2004;
import org.peierls.sim.md.Integrator;
import org.peierls.sim.md.Kinetics;
import org.peierls.sim.md.MdSettings;
import org.peierls.sim.md.MdState;
import org.peierls.sim.md.MtkBarostat;
import org.peierls.io.Json;
import org.peierls.util.Progress;

/**
 * The training data of {@link StructureClassifier} (here, above the simulation layer it needs): fcc Cu, hcp Mg and bcc Ta (Zhou, Johnson &amp;
 * Wadley 2004 EAM, built in, so no file is needed) heated by Langevin MD from 0.1 to 1.0 T_m
 * (experimental T_m: 1358, 923, 3290 K), and each melted (2.5 T_m, then held at 1.3 T_m) for the
 * liquid class, labelled "other". The lattice constant follows a 2 % linear expansion up to T_m
 * (that of most metals, so the crystal is not held under a large thermal pressure) and the liquid
 * is 3.5 % larger. Every atom of a snapshot has the label of its configuration; a melted
 * configuration in which a-CNA still finds crystal is rejected.
 */
public final class ThermalLattices {

    public static final long TRAINING_SEED = 20221101L;
    public static final int EPOCHS = 30;

    /** Fractions of T_m of the crystal snapshots. */
    static final double[] FRACTIONS = {0.1, 0.3, 0.5, 0.7, 0.9, 1.0};

    public record Phase(String element, String label, double tm) {
    }

    public static final List<Phase> PHASES = List.of(new Phase("Cu", "fcc", 1358), new Phase("Mg", "hcp", 923), new Phase("Ta", "bcc", 3290));

    private ThermalLattices() {
    }

    /** The perfect crystal of a phase at lattice scale {@code scale} (~250–290 atoms). */
    public static Structure crystal(Phase p, double scale) {
        double re = Zhou2004.parameters(p.element()).re() * scale;
        return switch (p.label()) {
            case "fcc" -> Lattice.fcc(p.element(), re * Math.sqrt(2)).repeat(4, 4, 4);
            case "bcc" -> Lattice.bcc(p.element(), re * 2 / Math.sqrt(3)).repeat(5, 5, 5);
            case "hcp" -> Lattice.hcp(p.element(), re).repeat(6, 6, 4);
            default -> throw new IllegalArgumentException(p.label());
        };
    }

    /** Langevin NVT from a Maxwell–Boltzmann start; the snapshots after {@code equilibrate} steps, every {@code every}. */
    public static List<Structure> md(Structure s, Potential pot, double temperature, double dt, int equilibrate, int snapshots, int every, long seed) {
        MdSettings settings = new MdSettings(MdSettings.Ensemble.NVT, MdSettings.Thermostat.LANGEVIN, temperature, dt, 0.05, 1.0, 0.0,
                MtkBarostat.Coupling.ISO, 3, seed, 1.0);
        Integrator integrator = settings.integrator(pot);
        MdState st = integrator.init(Kinetics.maxwellBoltzmann(s, temperature, seed + 1));
        List<Structure> out = new ArrayList<>();
        for (int k = 1; k <= equilibrate + snapshots * every; k++) {
            st = integrator.step(st);
            if (k > equilibrate && (k - equilibrate) % every == 0) {
                out.add(st.structure().withVelocities(null));
            }
        }
        return out;
    }

    /** A liquid of the phase's element: melted at 2.5 T_m, held at 1.3 T_m. */
    public static List<Structure> liquid(Phase p, Potential pot, int snapshots, long seed) {
        Structure hot = md(crystal(p, 1.035), pot, 2.5 * p.tm(), 0.001, 1500, 1, 1, seed).get(0);
        List<Structure> out = md(hot, pot, 1.3 * p.tm(), 0.001, 500, snapshots, 200, seed + 7);
        for (Structure s : out) {
            long crystalline = java.util.Arrays.stream(CommonNeighborAnalysis.adaptive(s)).filter(t -> t != StructureType.OTHER).count();
            if (crystalline > 0.05 * s.size()) {
                throw new IllegalStateException(p.element() + " did not melt: a-CNA finds " + crystalline + " of " + s.size() + " crystalline");
            }
        }
        return out;
    }

    /** Crystal snapshots of one phase at T = f·T_m. */
    public static List<Structure> heated(Phase p, Potential pot, double f, int snapshots, long seed) {
        return md(crystal(p, 1 + 0.02 * f), pot, f * p.tm(), 0.002, 600, snapshots, 200, seed);
    }

    /** The whole training set: 3 snapshots per phase and temperature, 3 of each liquid. */
    public static List<StructureClassifier.Sample> trainingSet(long seed) {
        List<StructureClassifier.Sample> out = new ArrayList<>();
        try (Progress progress = Progress.start("structure-classifier data", PHASES.size() * (FRACTIONS.length + 1))) {
            long k = seed;
            for (Phase p : PHASES) {
                Potential pot = Zhou2004.potential(List.of(p.element()));
                for (double f : FRACTIONS) {
                    for (Structure s : heated(p, pot, f, 3, k += 11)) {
                        out.add(new StructureClassifier.Sample(s, p.label()));
                    }
                    progress.step();
                }
                for (Structure s : liquid(p, pot, 3, k += 11)) {
                    out.add(new StructureClassifier.Sample(s, "other"));
                }
                progress.step();
            }
        }
        return out;
    }

    /**
     * Trains the bundled classifier: {@code java -cp target/peierls.jar org.peierls.properties.ThermalLattices [OUT.json]}
     * (default: the resource in src/main/resources; docs/analysis.md).
     */
    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/org/peierls/analysis/structure-classifier.json");
        long t0 = System.nanoTime();
        List<StructureClassifier.Sample> samples = trainingSet(TRAINING_SEED);
        StructureClassifier c = StructureClassifier.train(samples, EPOCHS, TRAINING_SEED);
        Json.write(out, c.toMap());
        System.out.printf("trained on %d configurations in %.1f s; wrote %s%n", samples.size(), (System.nanoTime() - t0) / 1e9, out);
    }
}
