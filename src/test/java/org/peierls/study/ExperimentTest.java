package org.peierls.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peierls.util.InputException;

class ExperimentTest {

    static Experiment parse(String yaml) throws Exception {
        return Experiment.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void embeddedDefaultIsTheTaStudy() {
        Experiment e = Experiment.embeddedDefault();
        assertEquals("Ta", e.element());
        assertEquals("zhou2004:Ta", e.teacher());
        assertEquals(List.of("bulk", "point", "surface", "gsf", "core", "gb"), e.ladder());
        assertEquals(List.of("snap", "qsnap", "snap8", "mtp10"), e.students().stream().map(Experiment.Student::name).toList());
    }

    @Test
    void theShippedDftStudyReadsItsSettingsBesideItself() {
        Experiment e = Experiment.read(java.nio.file.Path.of("docs/examples/al-dft.yaml"));
        assertEquals("cp2k", e.oracle());
        assertEquals(2, e.supercell());
        assertTrue(e.oracleSettings().endsWith("docs/examples/al-cp2k.yaml"), e.oracleSettings());
        org.peierls.oracle.Cp2kSettings s = org.peierls.oracle.Cp2kSettings.read(java.nio.file.Path.of(e.oracleSettings()));
        assertEquals(300, s.cutoffRy());
        InputException bad = assertThrows(InputException.class, () -> parse("element: Al\nlattice: fcc\nsupercell: 1\n"));
        assertTrue(bad.getMessage().contains("supercell"), bad.getMessage());
    }

    @Test
    void shortFileGetsDefaults() throws Exception {
        Experiment e = parse("element: Mo\nladder: [bulk, gsf]\n");
        assertEquals("zhou2004:Mo", e.teacher());
        assertEquals(2, e.families().size());
        // no battery given: every property that applies to bcc, under the battery's own names
        assertEquals(org.peierls.properties.BatteryProperties.parseList("all", org.peierls.atoms.LatticeType.BCC), e.properties());
        assertTrue(e.battery().contains("screw_core") && e.battery().contains("peierls"), e.battery().toString());
    }

    @Test
    void batteryNamesAreCheckedAndAliased() throws Exception {
        Experiment e = parse("element: Cu\nlattice: fcc\nbattery: [lattice, surface, gsf]\n");
        assertEquals(List.of("lattice", "surfaces", "gsf"), e.battery());
        InputException bad = assertThrows(InputException.class, () -> parse("element: Ta\nbattery: [lattice, vacancies]\n"));
        assertTrue(bad.getMessage().contains("vacancies"), bad.getMessage());
        InputException fcc = assertThrows(InputException.class, () -> parse("element: Cu\nlattice: fcc\nbattery: [peierls]\n"));
        assertTrue(fcc.getMessage().contains("peierls") && fcc.getMessage().contains("fcc"), fcc.getMessage());
    }

    @Test
    void errorsNameTheKey() {
        InputException a = assertThrows(InputException.class, () -> parse("element: Ta\nstudnets: []\n"));
        assertTrue(a.getMessage().contains("studnets") && a.getMessage().contains("line 2"), a.getMessage());
        InputException b = assertThrows(InputException.class, () -> parse("element: Xx\n"));
        assertTrue(b.getMessage().contains("Xx"), b.getMessage());
        InputException c = assertThrows(InputException.class, () -> parse("ladder: [bulk, dislocations]\n"));
        assertTrue(c.getMessage().contains("dislocations"), c.getMessage());
        InputException d = assertThrows(InputException.class, () -> parse("students:\n  - name: x\n"));
        assertTrue(d.getMessage().contains("model"), d.getMessage());
    }
}
