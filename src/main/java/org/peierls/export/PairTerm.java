package org.peierls.export;

import java.util.List;
import org.peierls.potential.Potential;

/**
 * One LAMMPS pair style of an exported potential: the style with its global arguments, its
 * {@code pair_coeff} lines and {@code pair_modify} settings. Several terms are joined with
 * {@code pair_style hybrid/overlay} (LAMMPS adds their energies, as {@code SumPotential} does).
 *
 * @param style   the pair style ({@code eam/alloy}, {@code snap}, {@code zbl}, …)
 * @param args    its global arguments (may be empty)
 * @param coeffs  its {@code pair_coeff} lines
 * @param modify  {@code pair_modify} keywords for this style (e.g. {@code shift yes}), may be empty
 * @param lammpsPackage the LAMMPS package that provides the style ({@code MANYBODY}, {@code ML-SNAP})
 *                or, for a style that is not part of LAMMPS, null — then {@code note} says where it comes from
 * @param note    null, or a sentence for the user about this style (where a non-stock style comes from)
 * @param exported the potential exactly as written, when it differs from the one exported (a
 *                tabulation of analytic functions), else null
 */
public record PairTerm(String style, String args, List<Coeff> coeffs, List<String> modify, String lammpsPackage,
                       String note, Potential exported) {

    public PairTerm {
        coeffs = List.copyOf(coeffs);
        modify = List.copyOf(modify);
        args = args == null ? "" : args.trim();
    }

    /** A term of a stock LAMMPS package. */
    public static PairTerm of(String style, String args, List<Coeff> coeffs, List<String> modify, String lammpsPackage) {
        return new PairTerm(style, args, coeffs, modify, lammpsPackage, null, null);
    }

    /** This term, noting that the files hold {@code p} (e.g. a tabulation) rather than the original. */
    public PairTerm withExported(Potential p) {
        return new PairTerm(style, args, coeffs, modify, lammpsPackage, note, p);
    }

    /** Whether the style is part of LAMMPS itself (in some package). */
    public boolean stock() {
        return lammpsPackage != null;
    }

    /**
     * One {@code pair_coeff I J ARGS} line, I and J being type numbers or {@code *}.
     *
     * @param i    first type (or {@code *})
     * @param j    second type (or {@code *})
     * @param args the coefficients after the types (without the sub-style name)
     */
    public record Coeff(String i, String j, String args) {
        public static Coeff all(String args) {
            return new Coeff("*", "*", args);
        }
    }
}
