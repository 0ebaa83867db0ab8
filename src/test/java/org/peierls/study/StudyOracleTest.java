package org.peierls.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.export.LammpsPotential;
import org.peierls.io.ExtendedXyz;
import org.peierls.potential.PotentialSpecs;
import org.peierls.testutil.SharedData;

/**
 * A study whose configurations are labelled by an external oracle ({@code oracle:} in the
 * experiment) instead of the teacher: with LAMMPS running the teacher's own exported tables as the
 * oracle, every label equals the in-process teacher's (1e-9 relative energy, 1e-8 eV/Å forces), so
 * the oracle path changes nothing but who computes; each label lands in {@code labels/} as it is
 * made, and a rerun after the data are deleted relabels nothing.
 */
class StudyOracleTest {

    @TempDir
    Path tmp;

    private static Experiment experiment(String oracle) {
        return new Experiment("oracle test", "Cu", "fcc", null, "eam/alloy:" + SharedData.lammpsPotential("Cu_mishin1.eam.alloy"), 3L,
                0.25, List.of("bulk"), List.of(new Experiment.Student("snap", "snap", null, Map.of("twojmax", "4"))), null,
                List.of("lattice"), true, oracle, null, null);
    }

    @Test
    void lammpsOracleLabelsEqualTheTeachersAndAreCached() throws Exception {
        SharedData.lmp();
        Path pot = Files.createDirectories(tmp.resolve("pot"));
        LammpsPotential.write(PotentialSpecs.parse(experiment(null).teacher()), new int[]{29}, pot, "Cu");
        List<String> log = new ArrayList<>();
        Path a = tmp.resolve("teacher"), b = tmp.resolve("oracle");
        new Study(experiment(null), a, log::add).run();
        Experiment withOracle = experiment("lammps:" + pot.resolve("pair.lmp") + ":Cu");
        new Study(withOracle, b, log::add).run();
        List<Frame> fa = ExtendedXyz.read(a.resolve("data/bulk.extxyz")), fb = ExtendedXyz.read(b.resolve("data/bulk.extxyz"));
        assertEquals(fa.size(), fb.size());
        for (int k = 0; k < fa.size(); k++) {
            assertEquals(fa.get(k).labels().energy(), fb.get(k).labels().energy(), 1e-9 * Math.abs(fa.get(k).labels().energy()));
            for (int q = 0; q < fa.get(k).labels().forces().length; q++) {
                assertEquals(fa.get(k).labels().forces()[q], fb.get(k).labels().forces()[q], 1e-8);
            }
            assertEquals(fa.get(k).group(), fb.get(k).group());
        }
        try (var files = Files.list(b.resolve("labels"))) {
            assertEquals(fa.size(), files.count(), "one cached label per configuration");
        }
        assertTrue(log.stream().anyMatch(l -> l.contains("labelled by lammps")), log.toString());
        // the data file lost: the labels come back from the cache, LAMMPS is not run again
        Files.delete(b.resolve("data/bulk.extxyz"));
        try (var files = Files.list(b.resolve("labels"))) {
            for (Path f : files.toList()) {
                f.toFile().setLastModified(0);
            }
        }
        new Study(withOracle, b, log::add).run();
        try (var files = Files.list(b.resolve("labels"))) {
            assertTrue(files.allMatch(f -> f.toFile().lastModified() == 0), "no label rewritten");
        }
    }
}
