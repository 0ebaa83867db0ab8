package org.peierls.export;

import org.peierls.potential.Potential;

/**
 * Turns one kind of {@link Potential} into a LAMMPS {@link PairTerm}, writing the potential files
 * it needs into the export folder. Built-in writers cover EAM, Zhou 2004, LJ, Morse, ZBL, SNAP,
 * qSNAP and MTP; a model kind added later registers its own writer as a
 * {@code java.util.ServiceLoader} service ({@code META-INF/services/org.peierls.export.TermWriter}).
 */
public interface TermWriter {

    /**
     * The term of {@code potential}, or null when this writer does not know the potential's kind.
     *
     * @throws org.peierls.util.InputException when the potential is of this kind but cannot be
     *         exported (e.g. a LAMMPS type's element is missing from it)
     */
    PairTerm write(Potential potential, ExportContext context);
}
