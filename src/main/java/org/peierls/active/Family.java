package org.peierls.active;

import java.util.Locale;
import org.peierls.util.InputException;

/**
 * Families of training configurations, in the order the ablation ladder adds them: an MLIAP is
 * only as good as the environments its training set covers (Zuo et al. 2020; the γ-surface and
 * dislocation-core entries of Ta SNAP, Thompson et al. 2015; grain boundaries for GB energies).
 */
public enum Family {
    BULK("bulk", "bulk: strained, rattled, MD snapshots"),
    POINT("point", "point defects: vacancies, hops, interstitials"),
    SURFACE("surface", "free surfaces"),
    GSF("gsf", "generalized stacking faults {110}, {112}"),
    CORE("core", "screw-dislocation cores"),
    GB("gb", "grain boundaries");

    private final String key;
    private final String description;

    Family(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** Short key used in group names, file names and JSON ("gsf"). */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** The family of a group name "family/detail". */
    public static Family ofGroup(String group) {
        int slash = group.indexOf('/');
        return parse(slash < 0 ? group : group.substring(0, slash));
    }

    public static Family parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Family f : values()) {
            if (f.key.equals(t) || f.name().toLowerCase(Locale.ROOT).equals(t)) {
                return f;
            }
        }
        throw new InputException("unknown family '" + text + "' (expected bulk, point, surface, gsf, core or gb)");
    }
}
