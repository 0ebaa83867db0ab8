package org.peierls.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.util.InputException;
import org.peierls.util.NaturalOrder;

/**
 * FitSNAP JSON training data ({@code JSON/<group>/*.json}), read-only. A file may start with a
 * comment line (any first line not starting with '{' is skipped, as FitSNAP does); the rest is
 * {@code {"Dataset": {"Data": [records], "EnergyStyle": "electronvolt", "StressStyle": "bar", …}}}.
 * Record: {@code Lattice} (3×3, rows a, b, c, Å), {@code Positions} (N×3 Cartesian, Å),
 * {@code AtomTypes} (symbols), {@code Energy} (total, eV), {@code Forces} (N×3, eV/Å),
 * {@code Stress} (3×3, bar, positive = compressive: the label stress is its symmetric part times
 * −1/(1.602e6 bar per eV/Å³), tensile positive). Cells are periodic. The group is the name of the
 * file's directory. Reading a directory reads every group below it (sub-directories in name order)
 * or, when it holds JSON files itself, that one group; files are read in natural name order
 * (A15_2 before A15_10).
 */
public final class FitSnapJson implements FileFormat {

    /** The registered instance. */
    public static final FitSnapJson FORMAT = new FitSnapJson();

    private FitSnapJson() {
    }

    /** Reads a FitSNAP JSON file, a group directory or the JSON directory of all groups. */
    public static List<Frame> read(Path path) {
        return FORMAT.read(path, IoOptions.DEFAULT);
    }

    @Override
    public String name() {
        return "fitsnap";
    }

    @Override
    public String description() {
        return "FitSNAP JSON training data (a file, a group directory or the JSON directory), read-only";
    }

    @Override
    public List<String> extensions() {
        return List.of();
    }

    @Override
    public boolean matchesName(Path path) {
        return false; // Formats tells .json files and directories apart by their content
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
        throw new IllegalArgumentException("the FitSNAP JSON format is read-only");
    }

    @Override
    public List<Frame> read(Path path, IoOptions options) {
        List<Frame> frames = new ArrayList<>();
        if (Files.isDirectory(path)) {
            List<Path> files = jsonFiles(path);
            if (!files.isEmpty()) {
                for (Path f : files) {
                    readFile(f, frames);
                }
            } else {
                for (Path dir : list(path, Files::isDirectory)) {
                    for (Path f : jsonFiles(dir)) {
                        readFile(f, frames);
                    }
                }
            }
            if (frames.isEmpty()) {
                throw InputException.in(path, "expected FitSNAP JSON files (in group sub-directories), found none");
            }
        } else {
            readFile(path, frames);
        }
        return frames;
    }

    private static List<Path> jsonFiles(Path dir) {
        return list(dir, p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"));
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            s.filter(keep).forEach(out::add);
            out.sort(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.COMPARATOR));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readFile(Path path, List<Frame> out) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int skipped = 0;
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start < text.length() && text.charAt(start) != '{') {
            int nl = text.indexOf('\n', start);
            for (int i = 0; i <= nl; i++) {
                skipped += text.charAt(i) == '\n' ? 1 : 0;
            }
            text = nl < 0 ? "" : text.substring(nl + 1);
        }
        JsonNode root;
        try {
            root = JsonRecords.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw JsonRecords.malformed(path, e, skipped);
        }
        JsonRecords.Where top = new JsonRecords.Where(path, 1 + skipped, "Dataset");
        if (root == null) {
            throw top.error("expected a JSON object, found nothing");
        }
        JsonNode ds = JsonRecords.field(root, "Dataset", top);
        checkStyle(ds, "EnergyStyle", "electronvolt", top);
        checkStyle(ds, "ForcesStyle", "electronvoltperangstrom", top);
        checkStyle(ds, "StressStyle", "bar", top);
        checkStyle(ds, "LatticeStyle", "angstrom", top);
        checkStyle(ds, "PositionsStyle", "angstrom", top);
        checkStyle(ds, "AtomTypeStyle", "chemicalsymbol", top);
        JsonNode data = JsonRecords.field(ds, "Data", top);
        String group = path.toAbsolutePath().getParent() == null || path.toAbsolutePath().getParent().getFileName() == null
                ? "" : path.toAbsolutePath().getParent().getFileName().toString();
        for (int k = 0; k < data.size(); k++) {
            out.add(frame(data.get(k), group, new JsonRecords.Where(path, 1 + skipped, "Data[" + k + "]")));
        }
    }

    private static void checkStyle(JsonNode ds, String key, String expected, JsonRecords.Where w) {
        JsonNode v = ds.get(key);
        if (v != null && !v.asText().equals(expected)) {
            throw w.error(key + " '" + v.asText() + "' is not supported (expected " + expected + ")");
        }
    }

    private static Frame frame(JsonNode rec, String group, JsonRecords.Where w) {
        double[] h = JsonRecords.matrix(JsonRecords.field(rec, "Lattice", w), 3, 3, "Lattice", w);
        JsonNode types = JsonRecords.field(rec, "AtomTypes", w);
        int n = types.size();
        JsonNode na = rec.get("NumAtoms");
        if (na != null && na.asInt() != n) {
            throw w.error("NumAtoms " + na.asInt() + " disagrees with " + n + " AtomTypes");
        }
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            String el = types.get(i).asText();
            try {
                z[i] = Element.number(el);
            } catch (IllegalArgumentException e) {
                throw w.error("AtomTypes[" + i + "]: expected an element symbol H..Pu, found '" + el + "'");
            }
        }
        double[] x = JsonRecords.matrix(JsonRecords.field(rec, "Positions", w), n, 3, "Positions", w);
        double energy = JsonRecords.number(JsonRecords.field(rec, "Energy", w), "Energy", w);
        double[] forces = rec.hasNonNull("Forces") ? JsonRecords.matrix(rec.get("Forces"), n, 3, "Forces", w) : null;
        double[] stress = null;
        if (rec.hasNonNull("Stress")) {
            double[] s = Mat3.toVoigt(JsonRecords.matrix(rec.get("Stress"), 3, 3, "Stress", w));
            stress = new double[6];
            for (int k = 0; k < 6; k++) {
                stress[k] = -s[k] / Units.EV_PER_A3_TO_BAR;
            }
        }
        Structure s;
        try {
            s = new Structure(Cell.periodic(h), z, x);
        } catch (IllegalArgumentException e) {
            throw w.error(e.getMessage());
        }
        return new Frame(s, new Labels(energy, forces, stress), group);
    }
}
