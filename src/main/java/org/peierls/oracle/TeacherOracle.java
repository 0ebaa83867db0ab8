package org.peierls.oracle;

import java.util.Map;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;

/**
 * Labels with a potential (a "teacher": an EAM, a published SNAP, …), the ground truth of a
 * teacher–student study where DFT would be too costly for the cells the battery needs. The frame's
 * structure is stripped of velocities and per-atom arrays (move masks of the builders): a label
 * belongs to positions, cell and species alone. A cell open in some direction gets no stress label
 * ({@link Results#volumeOf}).
 */
public final class TeacherOracle implements Oracle {

    private final Potential teacher;

    public TeacherOracle(Potential teacher) {
        this.teacher = teacher;
    }

    public Potential teacher() {
        return teacher;
    }

    @Override
    public String describe() {
        return "teacher " + teacher.describe();
    }

    @Override
    public Frame label(Structure structure, String group) {
        Results r = teacher.compute(structure);
        Structure clean = structure.withVelocities(null).withArrays(Map.of());
        return new Frame(clean, new Labels(r.energy(), r.forces(), r.hasStress() ? r.stress() : null), group);
    }
}
