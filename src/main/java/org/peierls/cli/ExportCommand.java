package org.peierls.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.export.ExampleInput;
import org.peierls.export.LammpsJobs;
import org.peierls.export.LammpsPotential;
import org.peierls.export.LammpsRunner;
import org.peierls.export.Parity;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.util.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls export}: writes a potential for LAMMPS (potential files, {@code pair.lmp},
 * {@code in.example} with its data file), optionally runs the example in LAMMPS and compares energy,
 * forces and virial with Peierls ({@code --verify}), or writes a large-scale job ({@code --job}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a potential for LAMMPS: potential files, pair.lmp (include it), in.example (lmp -in in.example).",
            "--verify runs in.example in LAMMPS and compares energy, forces and virial with Peierls;",
            "--job KIND writes a complete large-scale LAMMPS job (" + LammpsJobs.KINDS + ") beside them.",
            "LAMMPS: --lmp PATH, else $PEIERLS_LMP (scripts/build-lammps.sh builds one with ML-SNAP/ML-IAP), else lmp on the PATH.",
            "Exit codes: 0 ok, 1 parity outside tolerance, 2 bad input."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.PotentialOption potential;

    @Option(names = "--lammps", required = true, paramLabel = "DIR", description = "Folder for the LAMMPS files (created if needed).")
    Path dir;

    @Option(names = "--structure", paramLabel = "FILE",
            description = "Structure of in.example (default: the first element's crystal, rattled).")
    Path structure;

    @Mixin
    CommonOptions.FrameOption frame;

    @Mixin
    CommonOptions.FormatOptions formats;

    @Option(names = "--name", paramLabel = "NAME", description = "Base name of written potential files (default: the elements, e.g. Ta).")
    String name;

    @Option(names = "--verify", description = "Run in.example in LAMMPS and compare with Peierls (tolerances: relative energy 1e-9,"
            + " forces 1e-8 eV/Å, relative virial 1e-8).")
    boolean verify;

    @Option(names = "--mliap", description = "Write SNAP/qSNAP for LAMMPS's ML-IAP package (pair_style mliap … descriptor sna) instead of pair_style snap.")
    boolean mliap;

    @Option(names = "--lmp", paramLabel = "PATH", description = "The LAMMPS executable for --verify.")
    String lmp;

    @Option(names = "--job", paramLabel = "KIND", description = "Also write a large-scale job: " + LammpsJobs.KINDS + ".")
    String job;

    @Option(names = "--size", paramLabel = "N", defaultValue = "0",
            description = "Size of the --job cell in lattice periods (default: the job's own, see docs/export.md).")
    int size;

    @Option(names = "--temperature", paramLabel = "K", defaultValue = "300", description = "Temperature of the --job, K (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--json", paramLabel = "FILE", description = "What was written (and the parity) as JSON ('-' for standard output).")
    Path json;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        threads.apply();
        if (job != null) {
            LammpsJobs.check(job, size, temperature);
        }
        Potential p = potential.parse();
        Structure s = structure == null ? null : formats.read(structure, frame.index);
        int[] types = LammpsPotential.types(p, s);
        if (s == null) {
            s = ExampleInput.defaultStructure(types[0], p.cutoff());
        }
        createFolder(dir);
        String base = name != null ? name : defaultName(types);
        if (base.isBlank() || base.contains("/")) {
            throw new InputException("--name must be a plain file name, got '" + base + "'");
        }
        PrintWriter pw = spec.commandLine().getOut();
        PrintWriter log = json != null && json.toString().equals("-") ? spec.commandLine().getErr() : pw;
        LammpsPotential.Exported ex = LammpsPotential.write(p, types, dir, base, mliap);
        Structure written = ExampleInput.write(dir, s, types, p.describe());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("dir", dir.toString());
        record.put("potential", p.describe());
        List<String> symbols = new ArrayList<>();
        for (int z : types) {
            symbols.add(Element.symbol(z));
        }
        record.put("types", symbols);
        record.put("pair_styles", ex.styles());
        record.put("lammps_packages", new ArrayList<>(ex.packages()));
        record.put("stock_lammps", ex.stock());
        record.put("pair_lines", ex.pairLines());
        List<String> files = new ArrayList<>(ex.files());
        files.add(ExampleInput.DATA);
        files.add(ExampleInput.INPUT);
        log.println("wrote " + dir + ": " + String.join(", ", files));
        for (String l : ex.pairLines()) {
            log.println("  " + l);
        }
        for (String n : ex.notes()) {
            log.println("note: " + n);
        }
        if (ex.tabulated()) {
            // a tabulated term: state the tabulation error on the example structure
            Results a = p.compute(written);
            Results t = ex.exported().compute(written);
            double df = 0;
            for (int q = 0; q < a.forces().length; q++) {
                df = Math.max(df, Math.abs(a.forces()[q] - t.forces()[q]));
            }
            double de = Math.abs(a.energy() - t.energy()) / written.size();
            log.printf(Locale.ROOT, "tabulation error on %s (%d atoms): %.2e eV/atom, max |dF| %.2e eV/Å%n",
                    written.formula(), written.size(), de, df);
            record.put("tabulation_error", Map.of("energy_ev_per_atom", de, "max_force_ev_per_a", df));
        }
        if (job != null) {
            List<String> jobFiles = LammpsJobs.write(job, dir, p, types, size, temperature);
            files.addAll(jobFiles);
            log.println("wrote job " + job + ": " + String.join(", ", jobFiles) + " (run: cd " + dir + " && mpirun -np N lmp -in "
                    + LammpsJobs.inputName(job) + ")");
        }
        record.put("files", files);
        record.put("notes", ex.notes());
        log.println(ex.stock() ? "run: cd " + dir + " && lmp -in " + ExampleInput.INPUT
                : "in.example needs a LAMMPS built with the non-stock style(s) named above");
        int exit = 0;
        if (verify) {
            Parity parity = verify(ex, written);
            log.println("verify: " + parity);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("atoms", parity.atoms());
            v.put("energy_peierls", parity.energyPeierls());
            v.put("energy_lammps", parity.energyLammps());
            v.put("energy_relative", parity.energyRelative());
            v.put("max_force_ev_per_a", parity.maxForce());
            v.put("virial_relative", parity.virialRelative());
            v.put("passes", parity.passes());
            record.put("verify", v);
            if (!parity.passes()) {
                log.println("verify: LAMMPS and Peierls differ beyond the tolerances");
                exit = 1;
            }
        }
        if (json != null) {
            CliSupport.writeJson(json, record, pw);
        }
        pw.flush();
        log.flush();
        return exit;
    }

    private Parity verify(LammpsPotential.Exported ex, Structure written) {
        Path exe = LammpsRunner.executable(lmp);
        if (!ex.stock()) {
            throw new InputException("--verify: pair style(s) " + String.join(", ", ex.styles())
                    + " include one that is not part of LAMMPS; run in.example in a LAMMPS built with it");
        }
        List<String> missing = LammpsRunner.missingStyles(exe, ex.styles());
        if (!missing.isEmpty()) {
            throw new InputException("--verify: " + exe + " lacks pair style " + String.join(", ", missing) + " (package "
                    + String.join(", ", ex.packages()) + "); build one with scripts/build-lammps.sh and set PEIERLS_LMP");
        }
        String screen = LammpsRunner.run(exe, dir, ExampleInput.INPUT, 1, 3600);
        LammpsRunner.Result r = LammpsRunner.parse(screen, dir);
        Results ours = ex.exported().compute(written);
        return Parity.of(ours, r, written.cell().fullyPeriodic());
    }

    static String defaultName(int[] types) {
        StringBuilder sb = new StringBuilder();
        for (int z : types) {
            sb.append(Element.symbol(z));
        }
        return sb.toString();
    }

    private static void createFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException("--lammps " + dir + " exists and is not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("--lammps " + dir + ": cannot create the folder: " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new InputException("--lammps " + dir + ": the folder is not writable");
        }
    }
}
