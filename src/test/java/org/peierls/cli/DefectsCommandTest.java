package org.peierls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.properties.BatteryResult;

/** {@code peierls defects} through {@link Peierls#execute}. */
class DefectsCommandTest {

    @TempDir
    Path tmp;

    /**
     * Cu (Mishin) with {@code --quick --only lattice,vacancy,surfaces}: the JSON has exactly the
     * keys of those properties (and the bookkeeping ones), the values of Mishin et al., PRB 63
     * (2001) 224106, Tables II–III: a = 3.615 Å (1e-3), E_coh = 3.54 eV (5 meV), E_v = 1.27 eV
     * (0.02 eV: 107-atom cell), γ(111) = 1.239 J/m² (10 mJ/m²: slab thickness), an E(V) plot, and
     * reloads as a {@link BatteryResult}.
     */
    @Test
    void quickBatteryForCopperWritesTheDesignKeys() throws Exception {
        Path json = tmp.resolve("out/cu.json");
        Path plots = tmp.resolve("plots");
        IoCommandsTest.Run r = IoCommandsTest.run("defects", "--potential", SimCommandsTest.mishin(), "--element", "Cu", "--lattice", "fcc",
                "--quick", "--only", "lattice,vacancy,surfaces", "--threads", "2", "--json", json.toString(), "--plots", plots.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("element", "lattice", "potential", "lattice_constant_a", "cohesive_energy_ev", "bulk_modulus_gpa",
                "equation_of_state", "vacancy_formation_ev", "surface_energy_j_m2", "errors", "timings_s", "total_seconds", "plots"), keys);
        assertEquals(3.615, j.get("lattice_constant_a").asDouble(), 1e-3);
        assertEquals(3.54, j.get("cohesive_energy_ev").asDouble(), 5e-3);
        assertEquals(1.27, j.get("vacancy_formation_ev").asDouble(), 0.02);
        assertEquals(1.239, j.get("surface_energy_j_m2").get("111").asDouble(), 0.010);
        assertEquals(4, j.get("surface_energy_j_m2").size());
        assertEquals(0, j.get("errors").size());
        assertEquals(List.of("lattice", "vacancy", "surfaces"), names(j.get("timings_s")));
        assertEquals("equation_of_state.png", j.get("plots").get("lattice").asText());
        assertTrue(Files.size(plots.resolve("equation_of_state.png")) > 1000);
        assertTrue(r.out().contains("vacancy_formation_ev"), r.out());
        assertTrue(r.err().contains("defects: 3/3"), r.err());
        BatteryResult back = BatteryResult.read(json);
        assertEquals(j.get("vacancy_formation_ev").asDouble(), back.scalar("vacancy_formation_ev"), 0.0);
        try (var files = Files.list(json.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside the JSON");
        }
    }

    /** Unknown and inapplicable --only names: exit 2, one line naming the valid ones. */
    @Test
    void onlyNamesAreChecked() {
        Path json = tmp.resolve("x.json");
        IoCommandsTest.Run r = IoCommandsTest.run("defects", "--potential", SimCommandsTest.mishin(), "--element", "Cu", "--only",
                "lattice,vacancies", "--json", json.toString());
        assertEquals(2, r.code());
        assertEquals("peierls: --only: unknown property 'vacancies' (expected lattice, elastic, vacancy, migration, interstitials, "
                + "surfaces, gsf, gamma_surface, screw_core, peierls, gb or all)", r.err().strip());
        r = IoCommandsTest.run("defects", "--potential", SimCommandsTest.mishin(), "--element", "Cu", "--only", "peierls",
                "--json", json.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().strip().startsWith("peierls: --only: peierls is not defined for fcc crystals (expected lattice,"), r.err());
        r = IoCommandsTest.run("defects", "--potential", SimCommandsTest.mishin(), "--element", "Fe", "--json", json.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("describes Cu, not Fe"), r.err());
        r = IoCommandsTest.run("defects", "--potential", SimCommandsTest.mishin(), "--element", "Cu", "--lattice", "diamond",
                "--json", json.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(json));
    }

    private static List<String> names(JsonNode n) {
        List<String> l = new ArrayList<>();
        n.fieldNames().forEachRemaining(l::add);
        return l;
    }
}
