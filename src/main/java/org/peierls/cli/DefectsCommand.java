package org.peierls.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peierls.atoms.LatticeType;
import org.peierls.potential.Potential;
import org.peierls.properties.BatteryOptions;
import org.peierls.properties.BatteryResult;
import org.peierls.properties.DefectBattery;
import org.peierls.properties.ElementCrystals;
import org.peierls.properties.BatteryProperties;
import org.peierls.properties.BatteryProperty;
import org.peierls.uncertainty.GradedPotential;
import org.peierls.uncertainty.Uncertainty;
import org.peierls.util.InputException;
import org.peierls.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls defects}: the defect property battery ({@link DefectBattery}) of one potential
 * for one element. The JSON holds every property's values (keys as {@link BatteryResult}
 * documents), per-property {@code errors} and {@code timings_s}; a property that fails (NaN,
 * no convergence, an exception) is recorded there and the others still run, so the command
 * exits 0 whenever the JSON was written.
 */
@Command(name = "defects", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The defect property battery: lattice constant, cohesive energy, bulk modulus, C_ij, vacancy formation and",
            "migration, interstitials, surface energies, GSF curves, γ-surface, screw core and Peierls barrier (bcc),",
            "grain-boundary energies (cubic)."})
public final class DefectsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.PotentialOption potential;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--element", required = true, paramLabel = "E", description = "Element symbol.")
    String element;

    @Option(names = "--lattice", paramLabel = "L", description = "bcc, fcc or hcp (default: the element's ground state, when tabulated).")
    String lattice;

    @Option(names = "--a0", paramLabel = "A", description = "Starting lattice constant, Å (default: the element's experimental one, else a scan).")
    Double a0;

    @Option(names = "--only", paramLabel = "LIST", description = "Comma-separated properties (default: all that apply): ${COMPLETION-CANDIDATES}.",
            completionCandidates = Names.class)
    String only;

    @Option(names = "--quick", description = "Small cells (about a minute for everything with an EAM potential on two cores).")
    boolean quick;

    @Option(names = "--tiny", description = "The smallest sensible cells (for many models with an expensive potential).")
    boolean tiny;

    @Option(names = "--time-limit", paramLabel = "S", description = "Wall-clock limit per property, s; a property that runs longer is recorded as failed.")
    Double timeLimit;

    @Option(names = "--json", required = true, paramLabel = "OUT", description = "Results as JSON ('-' for standard output); written atomically.")
    Path json;

    @Option(names = "--plots", paramLabel = "DIR", description = "Folder for PNG plots (E(V), GSF, γ-surface, DD map, Peierls barrier, …).")
    Path plots;

    @Option(names = "--grade", description = "With a fit folder as --potential: the largest extrapolation grade γ of the atoms "
            + "of every structure each property evaluates (JSON max_extrapolation_grade; γ > 1 = the model extrapolates).")
    boolean grade;

    /** The property names, for the help text. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            java.util.List<String> l = new java.util.ArrayList<>();
            for (BatteryProperty<?> p : BatteryProperties.all()) {
                l.add(p.id());
            }
            return l.iterator();
        }
    }

    @Override
    public Integer call() {
        threads.apply();
        if (quick && tiny) {
            throw new InputException("--quick and --tiny exclude each other");
        }
        if (a0 != null && !(a0 > 0 && a0 < 100)) {
            throw new InputException("--a0 must be a lattice constant in Å, got " + a0);
        }
        if (timeLimit != null && !(timeLimit > 0)) {
            throw new InputException("--time-limit must be positive, got " + timeLimit);
        }
        LatticeType type = lattice(element, lattice);
        Potential pot = potential.parse();
        GradedPotential graded = null;
        if (grade) {
            java.nio.file.Path dir = java.nio.file.Path.of(potential.spec.trim());
            if (!java.nio.file.Files.exists(dir)) {
                throw new InputException("--grade: the --potential '" + potential.spec + "' is not a fit folder (its uncertainty.json grades the atoms)");
            }
            graded = Uncertainty.load(dir).graded();
            pot = graded;
        }
        GradedPotential g = graded;
        Map<String, Double> grades = new java.util.LinkedHashMap<>();
        BatteryOptions options = tiny ? BatteryOptions.tiny(type) : BatteryOptions.defaults(type, quick);
        if (only != null) {
            options = options.withProperties(only);
        }
        if (timeLimit != null) {
            options = options.withTimeLimit(timeLimit);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BatteryResult r;
        Progress[] bar = new Progress[1];
        try {
            r = DefectBattery.run(pot, element, type, a0 == null ? Double.NaN : a0, options, plots, new DefectBattery.Listener() {
                @Override
                public void started(BatteryProperty<?> p, int index, int count) {
                    if (bar[0] == null) {
                        bar[0] = Progress.start("defects", count, 0);
                    }
                    bar[0].extra(p.id());
                    if (g != null) {
                        g.takeMax();
                    }
                }

                @Override
                public void finished(BatteryProperty<?> p, int index, int count, double seconds, String error) {
                    bar[0].extra(p.id() + (error == null ? " done" : " FAILED"));
                    if (g != null) {
                        grades.put(p.id(), g.takeMax());
                    }
                    bar[0].stepTo(index + 1);
                }
            });
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        boolean toStdout = json.toString().equals("-");
        if (!toStdout) {
            printTable(r, out);
        }
        Map<String, String> errors = r.errors();
        for (Map.Entry<String, String> e : errors.entrySet()) {
            err.println("peierls: defects: " + e.getKey() + " failed: " + e.getValue());
        }
        err.flush();
        if (g != null && !toStdout) {
            for (Map.Entry<String, Double> e : grades.entrySet()) {
                double v = e.getValue();
                out.printf(Locale.ROOT, "  %-44s max γ %.3g%s%n", e.getKey(), v,
                        Double.isNaN(v) ? "" : v > 1 + GradeMonitor.EXTRAPOLATION_TOL ? " — extrapolating" : "");
            }
            out.flush();
        }
        if (g != null) {
            Map<String, Object> doc = r.toJson();
            doc.put("max_extrapolation_grade", grades);
            if (toStdout) {
                CliSupport.writeJson(json, doc, out);
            } else {
                org.peierls.io.Json.write(json, doc);
            }
        } else if (toStdout) {
            CliSupport.writeJson(json, r.toJson(), out);
        } else {
            r.write(json);
        }
        return 0;
    }

    /** The lattice from --lattice, or the element's tabulated ground state. */
    static LatticeType lattice(String element, String text) {
        if (!org.peierls.atoms.Element.isSymbol(element)) {
            throw new InputException("--element: '" + element + "' is not a chemical symbol");
        }
        if (text == null) {
            ElementCrystals.Entry e = ElementCrystals.of(element);
            if (e == null) {
                throw new InputException("no tabulated crystal structure for '" + element + "': give --lattice bcc|fcc|hcp");
            }
            return e.lattice();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "bcc" -> LatticeType.BCC;
            case "fcc" -> LatticeType.FCC;
            case "hcp" -> LatticeType.HCP;
            default -> throw new InputException("--lattice must be bcc, fcc or hcp, got '" + text + "'");
        };
    }

    private static void printTable(BatteryResult r, PrintWriter out) {
        out.printf(Locale.ROOT, "%s (%s), %s%n", r.element(), r.lattice().label(), r.potential());
        for (Map.Entry<String, Double> e : r.scalars().entrySet()) {
            out.printf(Locale.ROOT, "  %-44s %s%n", e.getKey(), Double.isNaN(e.getValue()) ? "—" : String.format(Locale.ROOT, "%.6g", e.getValue()));
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> t : r.timings().entrySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f s", t.getKey(), t.getValue()));
        }
        out.printf(Locale.ROOT, "defects: %.1f s (%s)%n", r.totalSeconds(), sb);
        out.flush();
    }
}
