package org.peierls.fit;

/** What a row of the design matrix predicts. */
public enum RowKind {
    /** The energy per atom of a configuration, eV/atom. */
    ENERGY,
    /** One Cartesian force component of one atom, eV/Å. */
    FORCE,
    /** One Voigt stress component (xx yy zz yz xz xy), GPa, positive = tensile. */
    STRESS
}
