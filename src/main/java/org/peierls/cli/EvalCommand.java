package org.peierls.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.io.Formats;
import org.peierls.io.IoOptions;
import org.peierls.io.Json;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls eval}: energy, forces and stress of every frame of a structure file with one
 * potential. JSON (one object, or an array of one object per frame for multi-frame files):
 * {@code natoms}, {@code energy} (eV), {@code energy_per_atom}, {@code forces} (N×3, eV/Å),
 * {@code stress_gpa} (Voigt xx yy zz yz xz xy, positive = tensile; null without a periodic cell),
 * {@code pressure_gpa}, and {@code energies} (per atom, eV) with {@code --per-atom}.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Energy, forces and stress of a structure (every frame of a multi-frame file).",
            "Potentials: eam:FILE[,FILE..], eam/alloy:FILE, eam/fs:FILE, zhou2004:EL[,EL..], lj:EPS,SIGMA,RCUT,",
            "morse:D0,ALPHA,R0,RCUT, zbl:INNER,OUTER, snap:FILE.snapcoeff, snap:FILE.snap, mtp:FILE.mtp[:EL,EL..] (MLIP-2), cp2k:SETTINGS.yaml|defaults (DFT),",
            "a fit folder or model.json; join with ' + ' to overlay (e.g. 'zbl:4,4.8 + eam/alloy:X')."})
public final class EvalCommand implements Callable<Integer> {

    /** Info keys of an input frame that hold another calculation's results. */
    static final List<String> STALE_KEYS = List.of("virial", "free_energy", "energy", "stress", "potential");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.PotentialOption potential;

    @Mixin
    CommonOptions.StructureOption structure;

    @Mixin
    CommonOptions.FormatOptions formats;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the results as JSON to OUT ('-' for standard output); written atomically.")
    Path json;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the frames with the computed energy, forces and stress (e.g. FILE.extxyz).")
    Path out;

    @Option(names = "--per-atom", description = "Also report per-atom energies.")
    boolean perAtom;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        Potential pot = potential.parse();
        IoOptions options = formats.io();
        List<Frame> frames = formats.readAll(structure.path);
        List<Map<String, Object>> records = new ArrayList<>();
        List<Frame> computed = new ArrayList<>();
        PrintWriter pw = spec.commandLine().getOut();
        boolean jsonToStdout = json != null && json.toString().equals("-");
        for (int k = 0; k < frames.size(); k++) {
            Structure s = frames.get(k).structure();
            Results r = perAtom ? pot.computePerAtom(s) : pot.compute(s);
            records.add(record(r, s, k, frames.size()));
            double[] stress = r.volume() > 0 ? r.stress() : null;
            // drop results of another calculation that the input may carry, name ours
            Map<String, Object> info = new LinkedHashMap<>(s.info());
            info.keySet().removeAll(STALE_KEYS);
            info.put("potential", potential.spec);
            Structure labelled = s.withInfo(info);
            if (perAtom) {
                labelled = labelled.withArray("energies", r.energies());
            }
            computed.add(new Frame(labelled, new Labels(r.energy(), r.forces(), stress), frames.get(k).group()));
            if (!jsonToStdout) {
                pw.printf(Locale.ROOT, "frame %d: %d atoms, energy %.10f eV (%.10f eV/atom), max |F| %.6f eV/Å%s%n", k, s.size(),
                        r.energy(), r.energy() / Math.max(1, s.size()), r.maxForce(),
                        r.volume() > 0 ? String.format(Locale.ROOT, ", pressure %.6f GPa", r.pressureGpa()) : "");
            }
        }
        if (json != null) {
            Object value = records.size() == 1 ? records.get(0) : records;
            if (jsonToStdout) {
                pw.println(Json.text(value));
            } else {
                Json.write(json, value);
            }
        }
        if (out != null) {
            Formats.write(out, computed, null, options);
        }
        pw.flush();
        return 0;
    }

    private Map<String, Object> record(Results r, Structure s, int frame, int frames) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (frames > 1) {
            m.put("frame", frame);
        }
        m.put("potential", potential.spec);
        m.put("natoms", s.size());
        m.put("energy", r.energy());
        m.put("energy_per_atom", r.energy() / Math.max(1, s.size()));
        double[][] f = new double[s.size()][];
        double[] fl = r.forces();
        for (int i = 0; i < f.length; i++) {
            f[i] = new double[]{fl[3 * i], fl[3 * i + 1], fl[3 * i + 2]};
        }
        m.put("forces", f);
        m.put("stress_gpa", r.volume() > 0 ? r.stressGpa() : null);
        m.put("pressure_gpa", r.volume() > 0 ? r.pressureGpa() : null);
        if (r.energies() != null) {
            m.put("energies", r.energies());
        }
        return m;
    }
}
