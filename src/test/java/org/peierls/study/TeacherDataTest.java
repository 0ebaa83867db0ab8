package org.peierls.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peierls.active.DefectCandidates;
import org.peierls.active.Family;
import org.peierls.atoms.Frame;
import org.peierls.atoms.LatticeType;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.Results;

/**
 * The teacher's labels are the teacher's results, every family yields sensible cells, and a family
 * does not depend on which families were made before it (a resumed study makes the same data).
 */
class TeacherDataTest {

    /**
     * Issue 24: with one generator for the whole study, a family made after bulk differed from the
     * same family made alone (by up to 0.44 Å). Now point defects made alone, after bulk, or in a
     * second generator are the same to the bit; another seed changes them.
     */
    @Test
    void aFamilyIsTheSameWhateverWasMadeBefore() {
        Potential teacher = PotentialSpecs.parse("zhou2004:Ta");
        double a0 = 3.3026;
        DefectCandidates.Options o = new DefectCandidates.Options("Ta", LatticeType.BCC, a0, true, 7, 300);
        TeacherData afterBulk = new TeacherData(teacher, o);
        afterBulk.generate(Family.BULK, line -> { });
        List<Frame> first = afterBulk.generate(Family.POINT, line -> { });
        List<Frame> alone = new TeacherData(teacher, o).generate(Family.POINT, line -> { });
        assertEquals(first.size(), alone.size());
        for (int k = 0; k < first.size(); k++) {
            assertArrayEquals(first.get(k).structure().positions(), alone.get(k).structure().positions(), 0.0, "frame " + k);
            assertEquals(first.get(k).labels().energy(), alone.get(k).labels().energy(), 0.0, "frame " + k);
        }
        DefectCandidates.Options other = new DefectCandidates.Options("Ta", LatticeType.BCC, a0, true, 8, 300);
        List<Frame> reseeded = new TeacherData(teacher, other).generate(Family.POINT, line -> { });
        // frame 1 is a rattled copy of the relaxed vacancy: another seed, other displacements
        assertNotEquals(alone.get(1).structure().positions()[0], reseeded.get(1).structure().positions()[0]);
    }

    @Test
    void quickFamiliesAreLabelledByTheTeacher() {
        Potential teacher = PotentialSpecs.parse("zhou2004:Ta");
        double a0 = 2 * 2.860082 / Math.sqrt(3);
        TeacherData data = new TeacherData(teacher, new DefectCandidates.Options("Ta", LatticeType.BCC, a0, true, 1, 300));
        for (Family f : Family.values()) {
            long t0 = System.nanoTime();
            List<Frame> frames = data.generate(f, System.out::println);
            System.out.printf("%s: %.1f s%n", f, (System.nanoTime() - t0) * 1e-9);
            assertFalse(frames.isEmpty(), f.toString());
            for (Frame fr : frames) {
                assertEquals(f, Family.ofGroup(fr.group()));
                assertTrue(fr.labels().hasEnergy() && fr.labels().hasForces() && fr.labels().hasStress());
                // labels equal a fresh evaluation by the teacher (the labels are not stale)
                Results r = teacher.compute(fr.structure());
                assertEquals(r.energy(), fr.labels().energy(), 1e-9 * Math.abs(r.energy()));
                // cohesive-energy scale: every configuration is within a few eV/atom of the crystal
                double perAtom = fr.labels().energy() / fr.structure().size();
                if (fr.group().equals("bulk/isolated")) {
                    // the free atom: Zhou's embedding function vanishes at zero density (F(0) ≈ 0)
                    assertEquals(1, fr.structure().size());
                    assertEquals(0.0, perAtom, 1e-3, "free atom energy");
                    continue;
                }
                assertTrue(perAtom > -8.2 && perAtom < -5.0, fr.group() + " E/N = " + perAtom);
            }
        }
    }
}
