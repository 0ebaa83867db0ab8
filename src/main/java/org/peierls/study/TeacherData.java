package org.peierls.study;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.peierls.active.Candidate;
import org.peierls.active.DefectCandidates;
import org.peierls.active.Family;
import org.peierls.atoms.Frame;
import org.peierls.oracle.LabelCache;
import org.peierls.oracle.Labeller;
import org.peierls.oracle.Oracle;
import org.peierls.oracle.TeacherOracle;
import org.peierls.potential.Potential;
import org.peierls.util.Progress;

/**
 * The labelled training configurations of a teacher–student study, family by family: the
 * {@link DefectCandidates} relaxed and run with the teacher, labelled by the same teacher
 * ({@link TeacherOracle}). Each family is reproducible on its own (see {@link DefectCandidates}),
 * so a study that resumes from cached families makes the same data as one that never stopped.
 */
public final class TeacherData {

    private final DefectCandidates candidates;
    private final Oracle oracle;

    private final LabelCache cache;

    public TeacherData(Potential teacher, DefectCandidates.Options options) {
        this(teacher, options, new TeacherOracle(teacher), null);
    }

    /**
     * Configurations made by the teacher, labelled by {@code oracle} (e.g. CP2K) through
     * {@code cache} (null: none), so that an interrupted labelling resumes label by label.
     */
    public TeacherData(Potential teacher, DefectCandidates.Options options, Oracle oracle, LabelCache cache) {
        this.candidates = new DefectCandidates(teacher, options);
        this.oracle = oracle;
        this.cache = cache;
    }

    /**
     * All configurations of one family, labelled; {@code log} receives one line, and one per
     * configuration the oracle could not label (it is left out).
     */
    public List<Frame> generate(Family family, Consumer<String> log) {
        List<Candidate> made = candidates.generate(family);
        List<Frame> out = new ArrayList<>(made.size());
        int atoms = 0;
        if (oracle instanceof TeacherOracle && cache == null) {
            for (Candidate c : made) {
                out.add(oracle.label(c.structure(), c.group()));
                atoms += c.structure().size();
            }
        } else {
            List<org.peierls.atoms.Structure> structures = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (Candidate c : made) {
                structures.add(c.structure());
                groups.add(c.group());
            }
            try (Progress progress = Progress.start("label " + family.key(), made.size())) {
                for (Labeller.Outcome r : Labeller.label(oracle, structures, groups, cache, 1, progress)) {
                    if (r.frame() == null) {
                        log.accept(family.key() + ": configuration " + r.index() + " (" + groups.get(r.index()) + ") not labelled: "
                                + r.error());
                    } else {
                        out.add(r.frame());
                        atoms += r.frame().structure().size();
                    }
                }
            }
        }
        log.accept(family.key() + ": " + out.size() + " configurations, " + atoms + " atoms"
                + (oracle instanceof TeacherOracle ? "" : ", labelled by " + oracle.describe()));
        return out;
    }
}
