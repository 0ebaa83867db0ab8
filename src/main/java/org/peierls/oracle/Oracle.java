package org.peierls.oracle;

import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;

/**
 * What labels training configurations: energy, forces and stress of a structure from a
 * reference — a teacher potential ({@link TeacherOracle}) today, DFT or an external code later.
 * Labelling is separate from making the configurations, so that a study, the active-learning loop
 * and training-set design can label the same candidates with any oracle.
 */
public interface Oracle {

    /** One line naming the oracle and its settings (recorded as provenance). */
    String describe();

    /**
     * The labelled frame of one structure.
     *
     * @param group group name the frame carries ("family/detail")
     * @throws org.peierls.util.InputException when the oracle cannot label the structure (an
     *                                         element it lacks, a failed calculation)
     */
    Frame label(Structure structure, String group);

    /** Labels several structures in order (an oracle may batch or run them in parallel). */
    default List<Frame> label(List<Structure> structures, List<String> groups) {
        if (structures.size() != groups.size()) {
            throw new IllegalArgumentException(structures.size() + " structures but " + groups.size() + " groups");
        }
        List<Frame> out = new ArrayList<>(structures.size());
        for (int k = 0; k < structures.size(); k++) {
            out.add(label(structures.get(k), groups.get(k)));
        }
        return out;
    }
}
