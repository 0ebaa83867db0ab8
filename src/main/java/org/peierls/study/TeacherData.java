package org.peierls.study;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.peierls.active.Candidate;
import org.peierls.active.DefectCandidates;
import org.peierls.active.Family;
import org.peierls.atoms.Frame;
import org.peierls.oracle.Oracle;
import org.peierls.oracle.TeacherOracle;
import org.peierls.potential.Potential;

/**
 * The labelled training configurations of a teacher–student study, family by family: the
 * {@link DefectCandidates} relaxed and run with the teacher, labelled by the same teacher
 * ({@link TeacherOracle}). Each family is reproducible on its own (see {@link DefectCandidates}),
 * so a study that resumes from cached families makes the same data as one that never stopped.
 */
public final class TeacherData {

    private final DefectCandidates candidates;
    private final Oracle oracle;

    public TeacherData(Potential teacher, DefectCandidates.Options options) {
        this.candidates = new DefectCandidates(teacher, options);
        this.oracle = new TeacherOracle(teacher);
    }

    /** All configurations of one family, labelled; {@code log} receives one line. */
    public List<Frame> generate(Family family, Consumer<String> log) {
        List<Candidate> made = candidates.generate(family);
        List<Frame> out = new ArrayList<>(made.size());
        int atoms = 0;
        for (Candidate c : made) {
            out.add(oracle.label(c.structure(), c.group()));
            atoms += c.structure().size();
        }
        log.accept(family.key() + ": " + out.size() + " configurations, " + atoms + " atoms");
        return out;
    }
}
