package org.peierls.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.testutil.SharedData;
import org.peierls.util.InputException;

/** The mlearn and FitSNAP data sets: counts per file and group exactly as their READMEs tabulate them. */
class DatasetJsonTest {

    @TempDir
    Path tmp;

    /** {configs, atoms, Vacancy, AIMD-NVT, Surface, Elastic} per file, from mlearn/README.md. */
    private static final Map<String, int[]> MLEARN = new LinkedHashMap<>();

    static {
        MLEARN.put("Ge/training", new int[]{228, 14072, 72, 90, 11, 55});
        MLEARN.put("Ge/test", new int[]{25, 1568, 8, 10, 1, 6});
        MLEARN.put("Li/training", new int[]{241, 11576, 36, 172, 11, 22});
        MLEARN.put("Li/test", new int[]{29, 1320, 4, 20, 2, 3});
        MLEARN.put("Mo/training", new int[]{194, 10087, 21, 108, 9, 56});
        MLEARN.put("Mo/test", new int[]{23, 1189, 3, 12, 2, 6});
        MLEARN.put("Si/training", new int[]{214, 13233, 57, 90, 12, 55});
        MLEARN.put("Si/test", new int[]{25, 1525, 7, 10, 2, 6});
        MLEARN.put("Cu/test", new int[]{31, 3178, 4, 12, 2, 13});
        MLEARN.put("Ni/test", new int[]{31, 3158, 4, 12, 2, 13});
    }

    private static final String[] GROUPS = {"Vacancy", "AIMD-NVT", "Surface", "Elastic"};

    @Test
    void mlearnCountsEqualTheReadme() {
        for (Map.Entry<String, int[]> e : MLEARN.entrySet()) {
            Path p = SharedData.data("mlearn/" + e.getKey() + ".json");
            List<Frame> frames = Formats.read(p);
            int[] want = e.getValue();
            assertEquals(want[0], frames.size(), e.getKey() + " configs");
            int atoms = 0;
            int[] perGroup = new int[4];
            String element = e.getKey().substring(0, 2);
            for (Frame f : frames) {
                Structure s = f.structure();
                atoms += s.size();
                perGroup[List.of(GROUPS).indexOf(f.group())]++;
                assertEquals(element + s.size(), s.size() == 1 ? element : s.formula(), e.getKey());
                assertEquals(3 * s.size(), f.labels().forces().length);
                assertTrue(f.labels().hasEnergy() && f.labels().hasStress());
                assertTrue(s.cell().fullyPeriodic());
            }
            assertEquals(want[1], atoms, e.getKey() + " atoms");
            assertArrayEquals(new int[]{want[2], want[3], want[4], want[5]}, perGroup, e.getKey() + " groups");
        }
    }

    /**
     * Units and sign of one record checked by hand against the raw JSON numbers: energy as is,
     * stress = −kbar/1602.1766 (eV/Å³), slots 4/5 as the subset's order says, positions = xyz.
     */
    @Test
    void mlearnRecordConversion() {
        // first record of Mo/test.json (a Vacancy AIMD snapshot): virial_stress
        // [210.13642, 180.39226, 182.85487, -6.23697, -10.00848, -0.18956], first site xyz (1.71279663…)
        Frame f = MlearnJson.read(SharedData.data("mlearn/Mo/test.json")).get(0);
        assertEquals("Vacancy", f.group());
        double k = Units.EV_PER_A3_TO_KBAR;
        // Mo Vacancy: slot 4 is xz, slot 5 is yz
        double[] want = {-210.13642 / k, -180.39226 / k, -182.85487 / k, 0.18956 / k, 10.00848 / k, 6.23697 / k};
        assertArrayEquals(want, f.labels().stress(), 1e-15);
        assertEquals("xz,yz", f.structure().info().get(MlearnJson.SHEAR_SLOTS));
        assertEquals(Boolean.TRUE, f.structure().info().get(MlearnJson.SHEAR_KNOWN));
        assertEquals(1.7127966307659999, f.structure().position(0, 0));
        assertEquals(9.450121, f.structure().cell().get(0, 0));
        // the Elastic subsets of Si are the other way round, Surfaces are flagged unknown
        for (Frame g : MlearnJson.read(SharedData.data("mlearn/Si/test.json"))) {
            String slots = (String) g.structure().info().get(MlearnJson.SHEAR_SLOTS);
            boolean known = (Boolean) g.structure().info().get(MlearnJson.SHEAR_KNOWN);
            switch (g.group()) {
                case "Elastic" -> assertTrue(slots.equals("yz,xz") && known);
                case "Surface" -> assertTrue(!known);
                default -> assertTrue(slots.equals("xz,yz") && known);
            }
        }
    }

    /** {configs, atoms} per FitSNAP group, from ta-snap/README.md. */
    private static final Map<String, int[]> TA = new LinkedHashMap<>();

    static {
        TA.put("Displaced_A15", new int[]{9, 576});
        TA.put("Displaced_BCC", new int[]{9, 486});
        TA.put("Displaced_FCC", new int[]{9, 432});
        TA.put("Elastic_BCC", new int[]{100, 200});
        TA.put("Elastic_FCC", new int[]{100, 400});
        TA.put("GSF_110", new int[]{22, 528});
        TA.put("GSF_112", new int[]{22, 660});
        TA.put("Liquid", new int[]{3, 300});
        TA.put("Surface", new int[]{7, 236});
        TA.put("Volume_A15", new int[]{30, 240});
        TA.put("Volume_BCC", new int[]{21, 42});
        TA.put("Volume_FCC", new int[]{31, 124});
    }

    @Test
    void fitsnapCountsEqualTheReadme() {
        Path dir = SharedData.data("ta-snap/JSON");
        List<Frame> all = Formats.read(dir);
        assertEquals(363, all.size());
        int total = 0;
        Map<String, int[]> seen = new LinkedHashMap<>();
        for (Frame f : all) {
            int[] c = seen.computeIfAbsent(f.group(), g -> new int[2]);
            c[0]++;
            c[1] += f.structure().size();
            total += f.structure().size();
            assertEquals(3 * f.structure().size(), f.labels().forces().length);
            assertTrue(f.labels().hasStress() && f.labels().hasEnergy());
            assertTrue(f.structure().cell().isLammpsForm(), "README: cells already lower-triangular");
        }
        assertEquals(4224, total);
        assertEquals(TA.keySet(), seen.keySet());
        for (String g : TA.keySet()) {
            assertArrayEquals(TA.get(g), seen.get(g), g);
            // one group directory alone gives the same
            assertEquals(TA.get(g)[0], FitSnapJson.read(dir.resolve(g)).size(), g);
        }
    }

    /** Volume_BCC's 2.2 Å cell: Stress 29925857.27 bar (compressive) on the diagonal → −29925857.27/1.602e6 eV/Å³. */
    @Test
    void fitsnapRecordConversion() throws IOException {
        Path dir = SharedData.data("ta-snap/JSON/Volume_BCC");
        Frame hit = null;
        for (Frame f : FitSnapJson.read(dir)) {
            if (f.structure().cell().get(0, 0) == 2.2) {
                hit = f;
            }
        }
        assertTrue(hit != null);
        Labels l = hit.labels();
        assertEquals(56.26276, l.energy());
        double s = -29925857.27 / Units.EV_PER_A3_TO_BAR;
        assertArrayEquals(new double[]{s, s, s, 0, 0, 0}, l.stress(), 1e-12);
        assertEquals("Volume_BCC", hit.group());
        assertArrayEquals(new double[]{0, 0, 0, 1.1, 1.1, 1.1}, hit.structure().positions());
    }

    @Test
    void malformedJsonNamesFileAndLine() throws IOException {
        Path p = tmp.resolve("bad.json");
        Files.writeString(p, "# comment\n{\"Dataset\": {\"Data\": [{\"Lattice\": [[1,0,0],[0,1,0]],\n \"AtomTypes\": [\"Ta\"]}]}}\n");
        InputException e = assertThrows(InputException.class, () -> Formats.read(p));
        assertTrue(e.getMessage().startsWith("line 2 of " + p) && e.getMessage().contains("expected Lattice as 3 rows of 3 numbers, found 2 rows"), e.getMessage());
        Files.writeString(p, "# comment\n{\"Dataset\": \n {\"Data\": [}}\n");
        e = assertThrows(InputException.class, () -> Formats.read(p));
        assertTrue(e.getMessage().startsWith("line 3 of " + p) && e.getMessage().contains("malformed JSON"), e.getMessage());
        Path q = tmp.resolve("ml.json");
        Files.writeString(q, "[{\"structure\": {\"lattice\": {\"matrix\": [[3,0,0],[0,3,0],[0,0,3]]}, \"sites\": "
                + "[{\"species\": [{\"element\": \"Zz\", \"occu\": 1}], \"xyz\": [0,0,0]}]}}]");
        e = assertThrows(InputException.class, () -> Formats.read(q));
        assertTrue(e.getMessage().contains("record 0: site 0: expected an element symbol H..Pu, found 'Zz'"), e.getMessage());
    }
}
