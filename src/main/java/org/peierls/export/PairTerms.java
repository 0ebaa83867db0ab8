package org.peierls.export;

import java.util.ArrayList;
import java.util.List;
import org.peierls.potential.Potential;
import org.peierls.potential.pair.LennardJones;
import org.peierls.potential.pair.Morse;
import org.peierls.potential.pair.Zbl;

/**
 * The pair potentials of LAMMPS's core: shifted Lennard-Jones ({@code lj/cut} with
 * {@code pair_modify shift yes}), shifted Morse ({@code morse}, shift yes) and ZBL ({@code zbl},
 * the nuclear charges being the atomic numbers of the types).
 */
final class PairTerms implements TermWriter {

    @Override
    public PairTerm write(Potential p, ExportContext ctx) {
        if (p instanceof LennardJones lj) {
            return PairTerm.of("lj/cut", LammpsNumbers.of(lj.cutoff()),
                    List.of(PairTerm.Coeff.all(LammpsNumbers.of(lj.epsilon()) + " " + LammpsNumbers.of(lj.sigma()))),
                    List.of("shift yes"), "core");
        }
        if (p instanceof Morse m) {
            return PairTerm.of("morse", LammpsNumbers.of(m.cutoff()),
                    List.of(PairTerm.Coeff.all(LammpsNumbers.of(m.d0()) + " " + LammpsNumbers.of(m.alpha()) + " "
                            + LammpsNumbers.of(m.r0()))),
                    List.of("shift yes"), "core");
        }
        if (p instanceof Zbl zbl) {
            int[] z = ctx.types();
            List<PairTerm.Coeff> coeffs = new ArrayList<>();
            for (int a = 0; a < z.length; a++) {
                for (int b = a; b < z.length; b++) {
                    coeffs.add(new PairTerm.Coeff(Integer.toString(a + 1), Integer.toString(b + 1), z[a] + " " + z[b]));
                }
            }
            return PairTerm.of("zbl", LammpsNumbers.of(zbl.inner()) + " " + LammpsNumbers.of(zbl.outer()), coeffs, List.of(), "core");
        }
        return null;
    }
}
