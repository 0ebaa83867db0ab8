package org.peierls.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peierls.atoms.Element;
import org.peierls.io.AtomicWrite;
import org.peierls.potential.Potential;
import org.peierls.potential.eam.AnalyticEamPotential;
import org.peierls.potential.eam.EamPotential;
import org.peierls.potential.eam.Zhou2004;
import org.peierls.util.InputException;

/**
 * Embedded-atom potentials for LAMMPS's MANYBODY package: a tabulated EAM is handed over as the
 * very file(s) it was read from ({@code pair_style eam}, {@code eam/alloy}, {@code eam/fs}), since
 * Peierls interpolates them exactly as LAMMPS does; the analytic Zhou–Johnson–Wadley 2004 EAM is
 * tabulated as a setfl file on {@link #ZHOU_POINTS} points per table (LAMMPS's own generator uses
 * 2000), the tabulation error being measured on the example structure and stated in a note.
 */
final class EamTerms implements TermWriter {

    /** ρ and r samples of a tabulated Zhou 2004 setfl: 10⁴ keeps the spline error near 10⁻⁹ eV/atom. */
    static final int ZHOU_POINTS = 10000;

    @Override
    public PairTerm write(Potential potential, ExportContext ctx) {
        if (potential instanceof EamPotential eam) {
            return tabulated(eam, ctx);
        }
        if (potential instanceof AnalyticEamPotential a && a.functions() instanceof Zhou2004 z) {
            return zhou(a, z, ctx);
        }
        return null;
    }

    private static PairTerm tabulated(EamPotential eam, ExportContext ctx) {
        EamPotential.Source src = eam.source();
        if (src == null) {
            throw new InputException("export: " + eam.describe() + " was built from tables in memory, not read from a file;"
                    + " write it as a setfl file first");
        }
        ctx.requireTypes(eam.species(), eam.describe());
        List<String> names = new ArrayList<>();
        for (Path f : src.files()) {
            names.add(copy(f, ctx));
        }
        if (src.style().equals("eam")) {
            // One funcfl file per element; LAMMPS mixes unlike pairs itself (Z_i·Z_j), as EamTables does.
            int[] z = eam.species();
            int[] types = ctx.types();
            List<PairTerm.Coeff> coeffs = new ArrayList<>();
            for (int t = 0; t < types.length; t++) {
                for (int k = 0; k < z.length; k++) {
                    if (z[k] == types[t]) {
                        coeffs.add(new PairTerm.Coeff(Integer.toString(t + 1), Integer.toString(t + 1), names.get(k)));
                        break;
                    }
                }
            }
            return PairTerm.of("eam", "", coeffs, List.of(), "MANYBODY");
        }
        return PairTerm.of(src.style(), "", List.of(PairTerm.Coeff.all(names.get(0) + " " + ctx.typeSymbols())), List.of(),
                "MANYBODY");
    }

    private static PairTerm zhou(AnalyticEamPotential a, Zhou2004 z, ExportContext ctx) {
        ctx.requireTypes(a.species(), a.describe());
        StringBuilder els = new StringBuilder();
        List<String> symbols = new ArrayList<>();
        for (int n : z.numbers()) {
            els.append(Element.symbol(n));
            symbols.add(Element.symbol(n));
        }
        String file = els + "_Zhou04.eam.alloy";
        Zhou2004.writeSetfl(ctx.file(file), symbols, ZHOU_POINTS, ZHOU_POINTS);
        ctx.note(String.format(Locale.ROOT, "%s: the analytic Zhou 2004 functions are tabulated in %s on %d r and ρ points"
                + " (eam/alloy); Peierls reads the same file as eam/alloy:%s", a.describe(), file, ZHOU_POINTS, file));
        return PairTerm.of("eam/alloy", "", List.of(PairTerm.Coeff.all(file + " " + ctx.typeSymbols())), List.of(), "MANYBODY")
                .withExported(EamPotential.alloy(ctx.dir().resolve(file)));
    }

    /** Copies a potential file into the export folder (through a temporary file), keeping its name. */
    static String copy(Path from, ExportContext ctx) {
        String name = from.getFileName().toString();
        Path to = ctx.file(name);
        try {
            if (Files.exists(to) && Files.isSameFile(from, to)) {
                return name;
            }
            AtomicWrite.bytes(to, Files.readAllBytes(from));
        } catch (IOException e) {
            throw new UncheckedIOException("export: cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
        return name;
    }
}
