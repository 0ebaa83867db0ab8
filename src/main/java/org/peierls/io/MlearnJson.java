package org.peierls.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.util.InputException;

/**
 * The mlearn DFT data sets (Zuo et al., J. Phys. Chem. A 124, 731 (2020);
 * {@code mlearn/<El>/{training,test}.json}), read-only. Each record: a pymatgen structure dict
 * ({@code lattice.matrix} rows a, b, c in Å; {@code sites[].xyz} Cartesian Å,
 * {@code sites[].species[0].element}), {@code outputs.energy} (eV, total), {@code outputs.forces}
 * (N×3, eV/Å), {@code outputs.virial_stress} (6 numbers, kbar, positive = compressive), {@code group}
 * (the frame group), {@code description} and {@code tag} (kept in info). Cells are periodic.
 *
 * <p>Stress: slots 0–3 are xx, yy, zz, xy; slots 4 and 5 hold yz and xz in an order that differs
 * between subsets (see the data's README, found by re-evaluating every configuration in LAMMPS):
 * xz, yz for Mo (Vacancy, AIMD-NVT, Elastic), Cu and Ni (all groups), Si and Ge (Vacancy,
 * AIMD-NVT); yz, xz for Si and Ge Elastic and Li (Vacancy, AIMD-NVT). Where it is undetermined (all
 * Surface groups, Li Elastic; shear below 1–3 kbar there) the element's own order is used (Mo, Cu,
 * Ni: xz, yz; Li: yz, xz), and for Si and Ge Surface the maintainer's stated order yz, xz (that of
 * their other static calculations, Elastic). Each frame records the order used in
 * {@code info["mlearn_shear_slots"]} ("xz,yz" or "yz,xz") and whether it was established in
 * {@code info["mlearn_shear_known"]}; a fit may give the yz/xz rows of unknown frames zero weight.
 * The label stress is −σ_DFT(kbar)/1602.18 in Voigt order (xx, yy, zz, yz, xz, xy), eV/Å³, tensile
 * positive.</p>
 */
public final class MlearnJson implements FileFormat {

    /** The registered instance. */
    public static final MlearnJson FORMAT = new MlearnJson();

    /** info key: order of stress slots 4 and 5 used, "xz,yz" or "yz,xz". */
    public static final String SHEAR_SLOTS = "mlearn_shear_slots";
    /** info key: true when the slot order of the frame's subset was established. */
    public static final String SHEAR_KNOWN = "mlearn_shear_known";

    private MlearnJson() {
    }

    /** Reads every record of an mlearn JSON file. */
    public static List<Frame> read(Path path) {
        return FORMAT.read(path, IoOptions.DEFAULT);
    }

    @Override
    public String name() {
        return "mlearn";
    }

    @Override
    public String description() {
        return "mlearn data set JSON (Zuo et al. 2020), read-only";
    }

    @Override
    public List<String> extensions() {
        return List.of();
    }

    @Override
    public boolean matchesName(Path path) {
        return false; // .json is told apart by Formats by looking at the content
    }

    @Override
    public boolean canWrite() {
        return false;
    }

    @Override
    public boolean multiFrame() {
        return true;
    }

    @Override
    public void write(Path path, List<Frame> frames, IoOptions options) {
        throw new IllegalArgumentException("the mlearn JSON format is read-only");
    }

    /** True when slots 4, 5 of {@code element}'s {@code group} hold xz, yz (false: yz, xz). */
    static boolean xzFirst(String element, String group) {
        return switch (element) {
            case "Mo", "Cu", "Ni" -> true;
            case "Si", "Ge" -> group.equals("Vacancy") || group.equals("AIMD-NVT");
            default -> false;
        };
    }

    /** True when the slot order of this subset was established (README table). */
    static boolean shearKnown(String element, String group) {
        if (group.equals("Surface")) {
            return false;
        }
        return switch (element) {
            case "Mo", "Cu", "Ni", "Si", "Ge" -> true;
            case "Li" -> !group.equals("Elastic");
            default -> false;
        };
    }

    @Override
    public List<Frame> read(Path path, IoOptions options) {
        List<Frame> frames = new ArrayList<>();
        try (JsonParser p = JsonRecords.MAPPER.getFactory().createParser(path.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw InputException.at(path, p.currentLocation().getLineNr(), "expected a JSON list of records, found " + p.currentToken());
            }
            int k = 0;
            while (JsonRecords.nextElement(p)) {
                int line = p.currentLocation().getLineNr();
                JsonNode rec = JsonRecords.MAPPER.readTree(p);
                frames.add(frame(rec, new JsonRecords.Where(path, line, "record " + k)));
                k++;
            }
        } catch (JsonProcessingException e) {
            throw JsonRecords.malformed(path, e, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frames;
    }

    private static Frame frame(JsonNode rec, JsonRecords.Where w) {
        JsonNode st = JsonRecords.field(rec, "structure", w);
        double[] h = JsonRecords.matrix(JsonRecords.field(JsonRecords.field(st, "lattice", w), "matrix", w), 3, 3, "lattice.matrix", w);
        JsonNode sites = JsonRecords.field(st, "sites", w);
        int n = sites.size();
        JsonNode na = rec.get("num_atoms");
        if (na != null && na.asInt() != n) {
            throw w.error("num_atoms " + na.asInt() + " disagrees with " + n + " sites");
        }
        int[] z = new int[n];
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            JsonNode site = sites.get(i);
            JsonNode species = JsonRecords.field(site, "species", w);
            if (!species.isArray() || species.size() != 1) {
                throw w.error("site " + i + ": expected one species, found " + JsonRecords.abbreviate(species.toString()));
            }
            JsonNode sp = species.get(0);
            String el = JsonRecords.field(sp, "element", w).asText();
            JsonNode occu = sp.get("occu");
            if (occu != null && occu.asDouble() != 1.0) {
                throw w.error("site " + i + ": partial occupancy " + occu.asDouble() + " is not supported");
            }
            try {
                z[i] = Element.number(el);
            } catch (IllegalArgumentException e) {
                throw w.error("site " + i + ": expected an element symbol H..Pu, found '" + el + "'");
            }
            double[] xyz = JsonRecords.vector(JsonRecords.field(site, "xyz", w), 3, "site " + i + " xyz", w);
            System.arraycopy(xyz, 0, x, 3 * i, 3);
        }
        JsonNode outputs = JsonRecords.field(rec, "outputs", w);
        double energy = JsonRecords.number(JsonRecords.field(outputs, "energy", w), "outputs.energy", w);
        double[] forces = JsonRecords.matrix(JsonRecords.field(outputs, "forces", w), n, 3, "outputs.forces", w);
        double[] vs = JsonRecords.vector(JsonRecords.field(outputs, "virial_stress", w), 6, "outputs.virial_stress", w);
        String group = rec.hasNonNull("group") ? rec.get("group").asText() : "";
        String element = rec.hasNonNull("element") ? rec.get("element").asText() : (n > 0 ? Element.symbol(z[0]) : "");
        boolean xzFirst = xzFirst(element, group);
        double yz = xzFirst ? vs[5] : vs[4];
        double xz = xzFirst ? vs[4] : vs[5];
        double c = -1.0 / Units.EV_PER_A3_TO_KBAR;
        double[] stress = {vs[0] * c, vs[1] * c, vs[2] * c, yz * c, xz * c, vs[3] * c};
        Map<String, Object> info = new LinkedHashMap<>();
        if (rec.hasNonNull("description")) {
            info.put("description", rec.get("description").asText());
        }
        if (rec.hasNonNull("tag")) {
            info.put("tag", rec.get("tag").asText());
        }
        info.put(SHEAR_SLOTS, xzFirst ? "xz,yz" : "yz,xz");
        info.put(SHEAR_KNOWN, shearKnown(element, group));
        Structure s;
        try {
            s = new Structure(Cell.periodic(h), z, x).withInfo(info);
        } catch (IllegalArgumentException e) {
            throw w.error(e.getMessage());
        }
        return new Frame(s, new Labels(energy, forces, stress), group);
    }
}
