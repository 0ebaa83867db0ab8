package org.peierls.fit;

import org.peierls.atoms.Element;

/** The columns of the MTP fit's design matrix: s_t (one per element) then ξ_α. */
record MtpColumns(int[] species, int size) implements DesignColumns {
    @Override
    public int columns() {
        return species.length + size;
    }

    @Override
    public String columnName(int c) {
        return c < species.length ? "s_" + Element.symbol(species[c]) : "ξ" + (c - species.length);
    }

    @Override
    public boolean isBias(int c) {
        return c < species.length;
    }
}
