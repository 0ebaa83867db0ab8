package org.peierls.properties;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.peierls.atoms.LatticeType;
import org.peierls.util.InputException;

/** The properties of the {@link DefectBattery}, by the names {@code --only} takes. */
public enum Property {
    LATTICE("lattice"),
    ELASTIC("elastic"),
    VACANCY("vacancy"),
    MIGRATION("migration"),
    INTERSTITIALS("interstitials"),
    SURFACES("surfaces"),
    GSF("gsf"),
    GAMMA_SURFACE("gamma_surface"),
    SCREW_CORE("screw_core"),
    PEIERLS("peierls"),
    GB("gb");

    private final String label;

    Property(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the property is defined for the lattice (screw core and Peierls barrier: bcc; grain boundaries: cubic). */
    public boolean appliesTo(LatticeType lattice) {
        return switch (this) {
            case SCREW_CORE, PEIERLS -> lattice == LatticeType.BCC;
            case GB -> lattice != LatticeType.HCP;
            default -> true;
        };
    }

    /** Every property that applies to the lattice. */
    public static Set<Property> applicable(LatticeType lattice) {
        Set<Property> s = EnumSet.noneOf(Property.class);
        for (Property p : values()) {
            if (p.appliesTo(lattice)) {
                s.add(p);
            }
        }
        return s;
    }

    /** All names, comma-separated. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (Property p : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.label);
        }
        return sb.toString();
    }

    /**
     * A comma-separated list of names (also "all"), checked against the lattice.
     *
     * @throws InputException naming an unknown property or one that does not apply to the lattice
     */
    public static Set<Property> parseList(String text, LatticeType lattice) {
        Set<Property> out = EnumSet.noneOf(Property.class);
        for (String item : text.split(",")) {
            String t = item.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            if (t.isEmpty()) {
                continue;
            }
            if (t.equals("all")) {
                out.addAll(applicable(lattice));
                continue;
            }
            Property found = null;
            for (Property p : values()) {
                if (p.label.equals(t) || (t.equals("peierls_barrier") && p == PEIERLS) || (t.equals("gamma") && p == GAMMA_SURFACE)) {
                    found = p;
                }
            }
            if (found == null) {
                throw new InputException("--only: unknown property '" + item.trim() + "' (expected " + names() + " or all)");
            }
            if (!found.appliesTo(lattice)) {
                StringBuilder ok = new StringBuilder();
                for (Property p : applicable(lattice)) {
                    ok.append(ok.length() == 0 ? "" : ", ").append(p.label);
                }
                throw new InputException("--only: " + found.label + " is not defined for " + lattice.label() + " crystals (expected " + ok + ")");
            }
            out.add(found);
        }
        if (out.isEmpty()) {
            throw new InputException("--only names no property (expected " + names() + ")");
        }
        return out;
    }
}
