package org.peierls.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.io.AtomicWrite;
import org.peierls.potential.Potential;
import org.peierls.potential.SumPotential;
import org.peierls.util.InputException;

/**
 * A Peierls potential written for LAMMPS: its potential files and {@code pair.lmp}, the
 * {@code pair_style}/{@code pair_coeff} lines with file names relative to the export folder (so
 * that {@code include pair.lmp} works when LAMMPS runs there). A {@link SumPotential} becomes
 * {@code pair_style hybrid/overlay}, each part being written by the first {@link TermWriter} that
 * knows it (built-in writers first, then {@code ServiceLoader} plug-ins).
 */
public final class LammpsPotential {

    /** The file with the pair commands. */
    public static final String PAIR_FILE = "pair.lmp";

    private LammpsPotential() {
    }

    /**
     * What was written.
     *
     * @param dir       the export folder
     * @param types     atomic numbers of LAMMPS types 1, 2, …
     * @param terms     one per pair style
     * @param pairLines the LAMMPS commands of {@code pair.lmp} (without comments)
     * @param files     every file written, relative to {@code dir}, {@code pair.lmp} last
     * @param notes     sentences for the user
     * @param exported  the potential exactly as the files define it (equal to the input unless a
     *                  term was tabulated)
     */
    public record Exported(Path dir, int[] types, List<PairTerm> terms, List<String> pairLines, List<String> files,
                           List<String> notes, Potential exported) {

        /** The LAMMPS packages the styles need (stock LAMMPS only; {@code core} omitted). */
        public Set<String> packages() {
            Set<String> s = new TreeSet<>();
            for (PairTerm t : terms) {
                if (t.stock() && !t.lammpsPackage().equals("core")) {
                    s.add(t.lammpsPackage());
                }
            }
            return s;
        }

        /** The pair styles used. */
        public List<String> styles() {
            List<String> s = new ArrayList<>();
            for (PairTerm t : terms) {
                s.add(t.style());
            }
            if (terms.size() > 1) {
                s.add(0, "hybrid/overlay");
            }
            return s;
        }

        /** Whether a term's files hold a tabulation rather than the potential itself (then {@link #exported} differs). */
        public boolean tabulated() {
            return terms.stream().anyMatch(t -> t.exported() != null);
        }

        /** Whether every style is part of LAMMPS (in one of its packages). */
        public boolean stock() {
            return terms.stream().allMatch(PairTerm::stock);
        }

        /** The type elements as symbols joined by spaces. */
        public String typeSymbols() {
            StringBuilder sb = new StringBuilder();
            for (int t = 0; t < types.length; t++) {
                sb.append(t == 0 ? "" : " ").append(Element.symbol(types[t]));
            }
            return sb.toString();
        }
    }

    /**
     * The elements of the LAMMPS types: the potential's own species in its order (every element it
     * describes, present or not), or for potentials that take any element the structure's elements
     * in ascending atomic number.
     *
     * @throws InputException when the structure holds an element the potential does not describe
     */
    public static int[] types(Potential p, Structure s) {
        int[] z = p.species();
        if (z.length == 0) {
            if (s == null) {
                throw new InputException("export: " + p.describe() + " takes any element; give --structure to name the atom types");
            }
            return s.species();
        }
        if (s != null) {
            for (int e : s.species()) {
                boolean found = false;
                for (int q : z) {
                    found |= q == e;
                }
                if (!found) {
                    throw new InputException("export: the structure holds " + Element.symbol(e) + ", which "
                            + p.describe() + " does not describe");
                }
            }
        }
        return z;
    }

    /**
     * Writes the potential files and {@code pair.lmp} into {@code dir} (which must exist).
     *
     * @param name base name of generated potential files (e.g. {@code Ta} gives {@code Ta.snapcoeff})
     * @throws InputException when a part has no LAMMPS form, naming it
     */
    public static Exported write(Potential p, int[] types, Path dir, String name) {
        return write(p, types, dir, name, false);
    }

    /**
     * The same; with {@code mliap}, bispectrum models (SNAP, qSNAP) are written for LAMMPS's ML-IAP
     * package ({@code pair_style mliap … descriptor sna …}) instead of {@code pair_style snap}.
     */
    public static Exported write(Potential p, int[] types, Path dir, String name, boolean mliap) {
        ExportContext ctx = new ExportContext(dir, name, types).withMliap(mliap);
        List<Potential> parts = p instanceof SumPotential sum ? flatten(sum) : List.of(p);
        List<PairTerm> terms = new ArrayList<>();
        List<Potential> exported = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Potential part : parts) {
            PairTerm t = term(part, ctx);
            if (!seen.add(t.style())) {
                throw new InputException("export: two parts use pair style " + t.style()
                        + "; join them into one potential before exporting");
            }
            terms.add(t);
            exported.add(t.exported() != null ? t.exported() : part);
        }
        List<String> lines = pairLines(terms);
        StringBuilder text = new StringBuilder();
        text.append("# LAMMPS pair commands written by Peierls for: ").append(p.describe()).append('\n');
        text.append("# atom types:");
        for (int t = 0; t < types.length; t++) {
            text.append(' ').append(t + 1).append(' ').append(Element.symbol(types[t]));
        }
        text.append("\n# use: 'include ").append(PAIR_FILE).append("' with LAMMPS running in this folder"
                + " (units metal, atom_style atomic)\n");
        for (PairTerm t : terms) {
            text.append("# ").append(t.style()).append(": ").append(t.stock()
                    ? ("core".equals(t.lammpsPackage()) ? "LAMMPS core" : "LAMMPS package " + t.lammpsPackage())
                    : t.note()).append('\n');
        }
        for (String n : ctx.notes()) {
            if (terms.stream().noneMatch(t -> n.equals(t.note()))) {
                text.append("# ").append(n).append('\n');
            }
        }
        for (String l : lines) {
            text.append(l).append('\n');
        }
        AtomicWrite.text(ctx.file(PAIR_FILE), w -> w.write(text.toString()));
        Potential asWritten = exported.size() == 1 ? exported.get(0) : new SumPotential(exported);
        return new Exported(dir, types.clone(), List.copyOf(terms), List.copyOf(lines), List.copyOf(ctx.files()),
                List.copyOf(ctx.notes()), asWritten);
    }

    /** The pair commands of the terms: one style as is, several as hybrid/overlay. */
    static List<String> pairLines(List<PairTerm> terms) {
        List<String> out = new ArrayList<>();
        boolean hybrid = terms.size() > 1;
        StringBuilder style = new StringBuilder("pair_style ");
        if (hybrid) {
            style.append("hybrid/overlay");
            for (PairTerm t : terms) {
                style.append(' ').append(t.style()).append(t.args().isEmpty() ? "" : " " + t.args());
            }
        } else {
            PairTerm t = terms.get(0);
            style.append(t.style()).append(t.args().isEmpty() ? "" : " " + t.args());
        }
        out.add(style.toString());
        for (PairTerm t : terms) {
            for (PairTerm.Coeff c : t.coeffs()) {
                String line = "pair_coeff " + c.i() + " " + c.j() + (hybrid ? " " + t.style() : "")
                        + (c.args().isEmpty() ? "" : " " + c.args());
                out.add(line);
            }
        }
        for (PairTerm t : terms) {
            for (String m : t.modify()) {
                out.add("pair_modify " + (hybrid ? "pair " + t.style() + " " : "") + m);
            }
        }
        return out;
    }

    private static PairTerm term(Potential part, ExportContext ctx) {
        for (TermWriter w : writers()) {
            PairTerm t = w.write(part, ctx);
            if (t != null) {
                return t;
            }
        }
        throw new InputException("export: Peierls has no LAMMPS form for " + part.describe()
                + " (exportable: eam, eam/alloy, eam/fs, zhou2004, lj, morse, zbl, snap, quadratic snap, mtp, and their sums)");
    }

    private static List<Potential> flatten(SumPotential sum) {
        List<Potential> out = new ArrayList<>();
        for (Potential q : sum.parts()) {
            if (q instanceof SumPotential s) {
                out.addAll(flatten(s));
            } else {
                out.add(q);
            }
        }
        return out;
    }

    private static List<TermWriter> writers;

    /** Built-in writers, then plug-ins found by {@code ServiceLoader}. */
    static synchronized List<TermWriter> writers() {
        if (writers == null) {
            List<TermWriter> w = new ArrayList<>(List.of(new EamTerms(), new PairTerms(), new MlTerms()));
            ServiceLoader.load(TermWriter.class, LammpsPotential.class.getClassLoader()).forEach(w::add);
            writers = List.copyOf(w);
        }
        return writers;
    }
}
