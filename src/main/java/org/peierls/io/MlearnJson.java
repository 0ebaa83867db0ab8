package org.peierls.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
                JsonRecords.Where w = new JsonRecords.Where(path, p.currentLocation().getLineNr(), "record " + k);
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw w.error("expected a record (JSON object), found " + p.getText());
                }
                frames.add(record(p, w));
                k++;
            }
        } catch (JsonProcessingException e) {
            throw JsonRecords.malformed(path, e, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frames;
    }

    /** What a record holds, filled while streaming through it (keys may come in any order). */
    private static final class Record {
        double[] lattice;
        String[] elements = new String[16];
        double[] xyz = new double[48];
        int sites;
        double energy = Double.NaN;
        double[] forces;
        double[] virial;
        String group = "";
        String element;
        String description;
        String tag;
        int numAtoms = -1;
    }

    private static Frame record(JsonParser p, JsonRecords.Where w) throws IOException {
        Record r = new Record();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "structure" -> structure(p, r, w);
                case "outputs" -> {
                    expectObject(p, "outputs", w);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String o = p.currentName();
                        p.nextToken();
                        switch (o) {
                            case "energy" -> r.energy = JsonRecords.number(p, "outputs.energy", w);
                            case "forces" -> r.forces = JsonRecords.rows(p, 3, "outputs.forces", w);
                            case "virial_stress" -> r.virial = JsonRecords.numbers(p, "outputs.virial_stress", w);
                            default -> p.skipChildren();
                        }
                    }
                }
                case "group" -> r.group = p.getValueAsString("");
                case "element" -> r.element = p.getValueAsString();
                case "description" -> r.description = p.getValueAsString();
                case "tag" -> r.tag = p.getValueAsString();
                case "num_atoms" -> r.numAtoms = p.getValueAsInt(-1);
                default -> p.skipChildren();
            }
        }
        return frame(r, w);
    }

    private static void expectObject(JsonParser p, String what, JsonRecords.Where w) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw w.error("expected " + what + " as a JSON object, found " + p.getText());
        }
    }

    private static void structure(JsonParser p, Record r, JsonRecords.Where w) throws IOException {
        expectObject(p, "structure", w);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("lattice")) {
                expectObject(p, "structure.lattice", w);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String l = p.currentName();
                    p.nextToken();
                    if (l.equals("matrix")) {
                        r.lattice = JsonRecords.rows(p, 3, "lattice.matrix", w);
                        if (r.lattice.length != 9) {
                            throw w.error("expected lattice.matrix as 3 rows of 3 numbers, found " + r.lattice.length / 3 + " rows");
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (name.equals("sites")) {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw w.error("expected structure.sites as a list, found " + p.getText());
                }
                while (JsonRecords.nextElement(p)) {
                    site(p, r, w);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void site(JsonParser p, Record r, JsonRecords.Where w) throws IOException {
        int i = r.sites;
        expectObject(p, "site " + i, w);
        if (i == r.elements.length) {
            r.elements = java.util.Arrays.copyOf(r.elements, 2 * i);
            r.xyz = java.util.Arrays.copyOf(r.xyz, 6 * i);
        }
        boolean hasXyz = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("species")) {
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw w.error("site " + i + ": expected species as a list, found " + p.getText());
                }
                int count = 0;
                while (JsonRecords.nextElement(p)) {
                    expectObject(p, "site " + i + " species", w);
                    count++;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if (f.equals("element")) {
                            r.elements[i] = p.getValueAsString();
                        } else if (f.equals("occu")) {
                            double occu = JsonRecords.number(p, "site " + i + " occu", w);
                            if (occu != 1.0) {
                                throw w.error("site " + i + ": partial occupancy " + occu + " is not supported");
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                if (count != 1) {
                    throw w.error("site " + i + ": expected one species, found " + count);
                }
            } else if (name.equals("xyz")) {
                double[] x = JsonRecords.numbers(p, "site " + i + " xyz", w);
                if (x.length != 3) {
                    throw w.error("site " + i + ": expected xyz as 3 numbers, found " + x.length);
                }
                System.arraycopy(x, 0, r.xyz, 3 * i, 3);
                hasXyz = true;
            } else {
                p.skipChildren();
            }
        }
        if (r.elements[i] == null) {
            throw w.error("site " + i + ": expected a species element, found none");
        }
        if (!hasXyz) {
            throw w.error("site " + i + ": expected an 'xyz' entry, found none");
        }
        r.sites++;
    }

    private static Frame frame(Record r, JsonRecords.Where w) {
        int n = r.sites;
        if (r.lattice == null) {
            throw w.error("expected a 'structure.lattice.matrix' entry, found none");
        }
        if (r.numAtoms >= 0 && r.numAtoms != n) {
            throw w.error("num_atoms " + r.numAtoms + " disagrees with " + n + " sites");
        }
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            try {
                z[i] = Element.number(r.elements[i]);
            } catch (IllegalArgumentException e) {
                throw w.error("site " + i + ": expected an element symbol H..Pu, found '" + r.elements[i] + "'");
            }
        }
        if (Double.isNaN(r.energy)) {
            throw w.error("expected an 'outputs.energy' entry, found none");
        }
        if (r.forces == null || r.forces.length != 3 * n) {
            throw w.error("expected outputs.forces as " + n + " rows of 3 numbers, found "
                    + (r.forces == null ? "none" : r.forces.length / 3 + " rows"));
        }
        if (r.virial == null || r.virial.length != 6) {
            throw w.error("expected outputs.virial_stress as 6 numbers, found " + (r.virial == null ? "none" : r.virial.length));
        }
        double[] vs = r.virial;
        String element = r.element != null ? r.element : (n > 0 ? Element.symbol(z[0]) : "");
        boolean xzFirst = xzFirst(element, r.group);
        double yz = xzFirst ? vs[5] : vs[4];
        double xz = xzFirst ? vs[4] : vs[5];
        double c = -1.0 / Units.EV_PER_A3_TO_KBAR;
        double[] stress = {vs[0] * c, vs[1] * c, vs[2] * c, yz * c, xz * c, vs[3] * c};
        Map<String, Object> info = new LinkedHashMap<>();
        if (r.description != null) {
            info.put("description", r.description);
        }
        if (r.tag != null) {
            info.put("tag", r.tag);
        }
        info.put(SHEAR_SLOTS, xzFirst ? "xz,yz" : "yz,xz");
        info.put(SHEAR_KNOWN, shearKnown(element, r.group));
        Structure s;
        try {
            s = new Structure(Cell.periodic(r.lattice), z, java.util.Arrays.copyOf(r.xyz, 3 * n)).withInfo(info);
        } catch (IllegalArgumentException e) {
            throw w.error(e.getMessage());
        }
        return new Frame(s, new Labels(r.energy, r.forces, stress), r.group);
    }
}
