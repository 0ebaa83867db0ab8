package org.peierls.active;

import org.peierls.atoms.Structure;

/**
 * An unlabelled training configuration: a structure and its group, "family/detail" (e.g.
 * "gsf/110"; {@link Family#ofGroup} recovers the family). An {@link org.peierls.oracle.Oracle}
 * turns it into a labelled frame.
 *
 * @param structure the configuration (no velocities, no per-atom arrays)
 * @param group     "family/detail"
 */
public record Candidate(Structure structure, String group) {
    public Candidate {
        if (structure == null || group == null || group.isBlank()) {
            throw new IllegalArgumentException("a candidate needs a structure and a group");
        }
    }
}
