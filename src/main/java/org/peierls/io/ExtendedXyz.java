package org.peierls.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.util.InputException;

/**
 * Extended XYZ as ASE reads and writes it (the libAtoms/QUIP format): per frame a line with the
 * number of atoms N, a comment line of key=value pairs (see {@link KeyValueLine}) and N atom lines
 * whose columns {@code Properties=name:type:count:…} describes (types S string, R real, I integer,
 * L logical T/F). Several frames follow one another.
 *
 * <p>Mapping (as ASE): {@code Lattice="ax ay az bx by bz cx cy cz"} (rows a, b, c, Å) is the cell,
 * periodic unless {@code pbc="T T F"} says otherwise; without Lattice the structure has no cell and
 * is not periodic. {@code energy} (eV), {@code stress} (9 numbers of the 3×3 matrix or 6 in Voigt
 * order xx yy zz yz xz xy, eV/Å³, positive = tensile) and the per-atom {@code forces} (eV/Å) are
 * the frame's {@link Labels}; a {@code virial} (3×3 or Voigt, eV) gives the stress −virial/V when
 * there is no stress (with a stress it is kept in {@code info}). {@code config_type} is the frame's
 * group. Columns {@code species} (symbols) or {@code Z} (atomic numbers), {@code pos} (Å),
 * {@code masses} (amu) and {@code momenta} (ASE units amu·Å/t, t = Å·√(amu/eV) =
 * {@link Units#ASE_TIME_PS} ps) or {@code velo} (libAtoms units Å/fs) fill the structure; other
 * columns go to {@link Structure#arrays()} and other keys to {@link Structure#info()}.</p>
 *
 * <p>The writer writes what the reader reads: Lattice (when the cell is not zero), Properties,
 * energy, stress (3×3), info, config_type and pbc; columns species, pos, masses (only when some
 * mass differs from the standard atomic weight), momenta (when there are velocities), forces and
 * every per-atom array. Numbers are written with {@link Double#toString(double)}, which reads back
 * to the same double, so a write–read round trip is exact except for velocities, which pass through
 * the momentum unit conversion (within 2 ulp).</p>
 */
public final class ExtendedXyz implements FileFormat {

    /** The registered instance. */
    public static final ExtendedXyz FORMAT = new ExtendedXyz();

    /** Comment-line keys the reader consumes; info entries with these names cannot be written. */
    private static final Set<String> RESERVED_KEYS = Set.of("Lattice", "Properties", "pbc", "energy", "stress", "config_type");
    /** Column names the reader consumes; per-atom arrays with these names cannot be written. */
    private static final Set<String> RESERVED_COLUMNS = Set.of("species", "pos", "Z", "masses", "momenta", "forces");

    private ExtendedXyz() {
    }

    /** Reads every frame of an extended XYZ (or plain XYZ) file. */
    public static List<Frame> read(Path path) {
        return FORMAT.read(path, IoOptions.DEFAULT);
    }

    /** Writes frames to an extended XYZ file (atomically). */
    public static void write(Path path, List<Frame> frames) {
        FORMAT.write(path, frames, IoOptions.DEFAULT);
    }

    @Override
    public String name() {
        return "extxyz";
    }

    @Override
    public String description() {
        return "extended XYZ (ASE/libAtoms), multi-frame, with energy/forces/stress";
    }

    @Override
    public List<String> extensions() {
        return List.of(".extxyz", ".xyz");
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public boolean multiFrame() {
        return true;
    }

    @Override
    public List<Frame> read(Path path, IoOptions options) {
        List<Frame> frames = new ArrayList<>();
        try (LineReader in = new LineReader(path)) {
            String first;
            while ((first = in.nextNonBlank()) != null) {
                frames.add(readFrame(in, first));
            }
        }
        return frames;
    }

    /** One column group of the Properties key. */
    private record Column(String name, char type, int width, int first) {
        String spec() {
            return name + ":" + type + ":" + width;
        }
    }

    private static Frame readFrame(LineReader in, String countLine) {
        Path path = in.path();
        int headerLine = in.line();
        String ct = countLine.trim();
        int n;
        try {
            n = Integer.parseInt(ct);
        } catch (NumberFormatException e) {
            throw in.error("expected the number of atoms, found '" + ct + "'");
        }
        if (n < 0) {
            throw in.error("expected a non-negative number of atoms, found " + n);
        }
        String comment = in.require("the comment line of a frame of " + n + " atoms");
        int commentLine = in.line();
        Map<String, Object> kv;
        try {
            kv = KeyValueLine.parse(comment, path, commentLine);
        } catch (InputException e) {
            if (comment.contains("Properties=") || comment.contains("Lattice=")) {
                throw e;
            }
            kv = new LinkedHashMap<>();
            kv.put("comment", comment);
        }
        List<Column> columns = parseProperties(kv.remove("Properties"), in);
        int width = 0;
        for (Column c : columns) {
            width += c.width;
        }
        // per-atom data
        Object[] data = new Object[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            data[c] = switch (col.type) {
                case 'R' -> new double[n * col.width];
                case 'I' -> new int[n * col.width];
                case 'L' -> new boolean[n * col.width];
                default -> new String[n * col.width];
            };
        }
        for (int i = 0; i < n; i++) {
            String line = in.require("atom line " + (i + 1) + " of " + n);
            String[] t = LineReader.split(line);
            if (t.length != width) {
                throw in.error("expected " + width + " columns (" + describe(columns) + "), found " + t.length);
            }
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                for (int k = 0; k < col.width; k++) {
                    String tok = t[col.first + k];
                    int o = i * col.width + k;
                    switch (col.type) {
                        case 'R' -> ((double[]) data[c])[o] = in.parseDouble(tok, "a real number for '" + col.name + "'");
                        case 'I' -> ((int[]) data[c])[o] = in.parseInt(tok, "an integer for '" + col.name + "'");
                        case 'L' -> {
                            Boolean b = KeyValueLine.bool(tok);
                            if (b == null) {
                                throw in.error("expected T or F for '" + col.name + "', found '" + tok + "'");
                            }
                            ((boolean[]) data[c])[o] = b;
                        }
                        default -> ((String[]) data[c])[o] = tok;
                    }
                }
            }
        }
        return build(path, headerLine, commentLine, n, kv, columns, data);
    }

    private static String describe(List<Column> columns) {
        StringBuilder sb = new StringBuilder();
        for (Column c : columns) {
            sb.append(sb.length() == 0 ? "" : " ").append(c.spec());
        }
        return sb.toString();
    }

    private static List<Column> parseProperties(Object value, LineReader in) {
        String spec = value == null ? "species:S:1:pos:R:3" : value.toString();
        String[] f = spec.split(":");
        if (f.length % 3 != 0 || spec.endsWith(":")) {
            throw in.error("expected Properties=name:type:count triples, found '" + spec + "'");
        }
        List<Column> out = new ArrayList<>();
        int first = 0;
        for (int i = 0; i < f.length; i += 3) {
            String name = f[i];
            if (f[i + 1].length() != 1 || "SRIL".indexOf(f[i + 1].charAt(0)) < 0) {
                throw in.error("expected a property type S, R, I or L for '" + name + "' in Properties, found '" + f[i + 1] + "'");
            }
            int w;
            try {
                w = Integer.parseInt(f[i + 2]);
            } catch (NumberFormatException e) {
                w = -1;
            }
            if (w < 1) {
                throw in.error("expected a positive column count for '" + name + "' in Properties, found '" + f[i + 2] + "'");
            }
            for (Column c : out) {
                if (c.name.equals(name)) {
                    throw in.error("property '" + name + "' appears twice in Properties");
                }
            }
            out.add(new Column(name, f[i + 1].charAt(0), w, first));
            first += w;
        }
        return out;
    }

    private static Frame build(Path path, int headerLine, int commentLine, int n, Map<String, Object> kv,
                               List<Column> columns, Object[] data) {
        int[] numbers = null;
        double[] positions = null, masses = null, forces = null, momenta = null, velo = null;
        Map<String, Object> arrays = new LinkedHashMap<>();
        int[] zColumn = null;
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            switch (col.name) {
                case "species" -> {
                    require(col, 'S', 1, path, commentLine);
                    String[] s = (String[]) data[c];
                    numbers = new int[n];
                    for (int i = 0; i < n; i++) {
                        numbers[i] = species(s[i], path, commentLine + 1 + i);
                    }
                }
                case "Z" -> {
                    require(col, 'I', 1, path, commentLine);
                    zColumn = (int[]) data[c];
                }
                case "pos" -> {
                    require(col, 'R', 3, path, commentLine);
                    positions = (double[]) data[c];
                }
                case "masses" -> {
                    require(col, 'R', 1, path, commentLine);
                    masses = (double[]) data[c];
                }
                case "forces" -> {
                    require(col, 'R', 3, path, commentLine);
                    forces = (double[]) data[c];
                }
                case "momenta" -> {
                    require(col, 'R', 3, path, commentLine);
                    momenta = (double[]) data[c];
                }
                case "velo" -> {
                    if (col.type == 'R' && col.width == 3) {
                        velo = (double[]) data[c];
                    } else {
                        arrays.put(col.name, data[c]);
                    }
                }
                default -> arrays.put(col.name, data[c]);
            }
        }
        if (zColumn != null) {
            if (numbers == null) {
                numbers = zColumn;
                for (int i = 0; i < n; i++) {
                    if (numbers[i] < 1 || numbers[i] > Element.MAX_Z) {
                        throw InputException.at(path, commentLine + 1 + i, "expected an atomic number 1.." + Element.MAX_Z + " in column Z, found " + numbers[i]);
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (numbers[i] != zColumn[i]) {
                        throw InputException.at(path, commentLine + 1 + i, "species " + Element.symbol(numbers[i]) + " disagrees with Z = " + zColumn[i]);
                    }
                }
            }
        }
        if (numbers == null) {
            throw InputException.at(path, commentLine, "expected a 'species' or 'Z' column in Properties, found neither");
        }
        if (positions == null) {
            throw InputException.at(path, commentLine, "expected a 'pos:R:3' column in Properties, found none");
        }
        if (masses == null) {
            masses = new double[n];
            for (int i = 0; i < n; i++) {
                masses[i] = Element.mass(numbers[i]);
            }
        }
        double[] velocities = null;
        if (momenta != null) {
            velocities = new double[3 * n];
            for (int i = 0; i < n; i++) {
                double m = masses[i] * Units.ASE_TIME_PS;
                for (int k = 0; k < 3; k++) {
                    velocities[3 * i + k] = momenta[3 * i + k] / m;
                }
            }
            if (velo != null) {
                arrays.put("velo", velo);
            }
        } else if (velo != null) {
            velocities = new double[3 * n];
            for (int i = 0; i < 3 * n; i++) {
                velocities[i] = velo[i] * 1000.0; // Å/fs → Å/ps
            }
        }

        // comment-line keys
        Cell cell;
        Object lattice = kv.remove("Lattice");
        Object pbcValue = kv.remove("pbc");
        boolean[] pbc;
        if (pbcValue == null) {
            pbc = lattice == null ? new boolean[3] : new boolean[]{true, true, true};
        } else if (pbcValue instanceof Boolean b) {
            pbc = new boolean[]{b, b, b};
        } else if (pbcValue instanceof boolean[] b && b.length == 3) {
            pbc = b;
        } else {
            throw InputException.at(path, commentLine, "expected pbc=\"T T F\" (three T or F), found '" + KeyValueLine.format("pbc", pbcValue) + "'");
        }
        double[] h = new double[9];
        if (lattice != null) {
            double[] l = numbers(lattice);
            if (l == null || l.length != 9) {
                throw InputException.at(path, commentLine, "expected Lattice with 9 numbers (rows a, b, c), found '" + lattice + "'");
            }
            h = l;
        } else if (pbc[0] || pbc[1] || pbc[2]) {
            throw InputException.at(path, commentLine, "expected a Lattice for a periodic frame (pbc has T), found none");
        }
        try {
            cell = new Cell(h, pbc);
        } catch (IllegalArgumentException e) {
            throw InputException.at(path, commentLine, e.getMessage());
        }
        double energy = Double.NaN;
        Object e = kv.remove("energy");
        if (e != null) {
            if (!(e instanceof Number num)) {
                throw InputException.at(path, commentLine, "expected a number for energy, found '" + e + "'");
            }
            energy = num.doubleValue();
        }
        double[] stress = null;
        Object s = kv.remove("stress");
        if (s != null) {
            stress = voigt(s, "stress", path, commentLine);
        }
        Object virial = kv.get("virial");
        if (virial != null && stress == null && cell.volume() > 0) {
            double[] w = voigt(virial, "virial", path, commentLine);
            double vol = cell.volume();
            stress = new double[6];
            for (int k = 0; k < 6; k++) {
                stress[k] = -w[k] / vol;
            }
            kv.remove("virial");
        }
        Object configType = kv.remove("config_type");
        String group = configType == null ? "" : (configType instanceof String str ? str : KeyValueLine.format("config_type", configType));
        Structure structure;
        try {
            structure = new Structure(cell, numbers, positions, masses, velocities).withInfo(kv).withArrays(arrays);
        } catch (IllegalArgumentException ex) {
            throw InputException.at(path, headerLine, ex.getMessage());
        }
        return new Frame(structure, new Labels(energy, forces, stress), group);
    }

    private static void require(Column col, char type, int width, Path path, int line) {
        if (col.type != type || col.width != width) {
            throw InputException.at(path, line, "expected property '" + col.name + ":" + type + ":" + width + "', found '" + col.spec() + "'");
        }
    }

    private static int species(String s, Path path, int line) {
        if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
            try {
                int z = Integer.parseInt(s);
                if (z >= 1 && z <= Element.MAX_Z) {
                    return z;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the error below
            }
        }
        try {
            return Element.number(s);
        } catch (IllegalArgumentException e) {
            throw InputException.at(path, line, "expected an element symbol H..Pu, found '" + s + "'");
        }
    }

    private static double[] numbers(Object v) {
        if (v instanceof double[] d) {
            return d.clone();
        } else if (v instanceof int[] a) {
            double[] d = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                d[i] = a[i];
            }
            return d;
        } else if (v instanceof Number num) {
            return new double[]{num.doubleValue()};
        }
        return null;
    }

    /** Voigt (xx, yy, zz, yz, xz, xy) of a 9-number (3×3) or 6-number value. */
    private static double[] voigt(Object v, String key, Path path, int line) {
        double[] d = numbers(v);
        if (d != null && d.length == 9) {
            return Mat3.toVoigt(d);
        }
        if (d != null && d.length == 6) {
            return d;
        }
        throw InputException.at(path, line, "expected " + key + " with 9 (3×3) or 6 (Voigt) numbers, found '" + v + "'");
    }

    @Override
    public void write(Path path, List<Frame> frames, IoOptions options) {
        List<String> heads = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            heads.add(commentLine(f)); // validate everything before touching the file
        }
        AtomicWrite.text(path, out -> {
            for (int i = 0; i < frames.size(); i++) {
                writeFrame(out, frames.get(i), heads.get(i));
            }
        });
    }

    private static boolean nonDefaultMasses(Structure s) {
        for (int i = 0; i < s.size(); i++) {
            if (s.mass(i) != Element.mass(s.number(i))) {
                return true;
            }
        }
        return false;
    }

    private static String commentLine(Frame f) {
        Structure s = f.structure();
        Labels l = f.labels();
        int n = s.size();
        StringBuilder sb = new StringBuilder();
        double[] h = s.cell().matrix();
        boolean hasCell = false;
        for (double v : h) {
            hasCell |= v != 0;
        }
        if (hasCell) {
            sb.append("Lattice=").append(KeyValueLine.format("Lattice", h)).append(' ');
        }
        StringBuilder props = new StringBuilder("species:S:1:pos:R:3");
        if (nonDefaultMasses(s)) {
            props.append(":masses:R:1");
        }
        if (s.hasVelocities()) {
            props.append(":momenta:R:3");
        }
        if (l.hasForces()) {
            props.append(":forces:R:3");
        }
        for (Map.Entry<String, Object> e : s.arrays().entrySet()) {
            String name = e.getKey();
            if (RESERVED_COLUMNS.contains(name) || name.isEmpty() || name.contains(":") || !name.equals(name.strip()) || name.contains(" ")) {
                throw new IllegalArgumentException("per-atom array '" + name + "' cannot be written as an extended XYZ column (reserved or contains ':' or spaces)");
            }
            Object a = e.getValue();
            char type;
            int len;
            if (a instanceof double[] d) {
                type = 'R';
                len = d.length;
            } else if (a instanceof int[] d) {
                type = 'I';
                len = d.length;
            } else if (a instanceof boolean[] d) {
                type = 'L';
                len = d.length;
            } else {
                type = 'S';
                String[] str = (String[]) a;
                len = str.length;
                for (String x : str) {
                    if (x == null || x.isEmpty() || LineReader.split(x).length != 1 || !x.equals(x.strip())) {
                        throw new IllegalArgumentException("per-atom array '" + name + "' has the value '" + x + "' (empty or with spaces), which extended XYZ cannot hold");
                    }
                }
            }
            if (n == 0) {
                continue;
            }
            props.append(':').append(name).append(':').append(type).append(':').append(len / n);
        }
        sb.append("Properties=").append(props);
        if (l.hasEnergy()) {
            sb.append(" energy=").append(Double.toString(l.energy()));
        }
        if (l.hasStress()) {
            sb.append(" stress=").append(KeyValueLine.format("stress", Mat3.fromVoigt(l.stress())));
        }
        for (Map.Entry<String, Object> e : s.info().entrySet()) {
            String key = e.getKey();
            if (RESERVED_KEYS.contains(key)) {
                throw new IllegalArgumentException("info key '" + key + "' is reserved in extended XYZ (it would be read back as something else)");
            }
            if (key.isEmpty()) {
                throw new IllegalArgumentException("info has an empty key");
            }
            sb.append(' ').append(KeyValueLine.quoteIfNeeded(key)).append('=').append(KeyValueLine.format(key, e.getValue()));
        }
        if (!f.group().isEmpty()) {
            sb.append(" config_type=").append(KeyValueLine.quoteIfNeeded(f.group()));
        }
        boolean[] pbc = s.cell().pbc();
        sb.append(" pbc=\"").append(pbc[0] ? 'T' : 'F').append(' ').append(pbc[1] ? 'T' : 'F').append(' ').append(pbc[2] ? 'T' : 'F').append('"');
        return sb.toString();
    }

    private static void writeFrame(Writer out, Frame f, String comment) throws IOException {
        Structure s = f.structure();
        int n = s.size();
        out.write(Integer.toString(n));
        out.write('\n');
        out.write(comment);
        out.write('\n');
        double[] x = s.positions();
        boolean writeMasses = nonDefaultMasses(s);
        double[] v = s.velocities();
        double[] fo = f.labels().forces();
        List<Object> extra = new ArrayList<>(s.arrays().values());
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            sb.append(s.symbol(i));
            for (int k = 0; k < 3; k++) {
                sb.append(' ').append(x[3 * i + k]);
            }
            if (writeMasses) {
                sb.append(' ').append(s.mass(i));
            }
            if (v != null) {
                double m = s.mass(i) * Units.ASE_TIME_PS;
                for (int k = 0; k < 3; k++) {
                    sb.append(' ').append(v[3 * i + k] * m);
                }
            }
            if (fo != null) {
                for (int k = 0; k < 3; k++) {
                    sb.append(' ').append(fo[3 * i + k]);
                }
            }
            for (Object a : extra) {
                if (a instanceof double[] d) {
                    int w = d.length / n;
                    for (int k = 0; k < w; k++) {
                        sb.append(' ').append(d[i * w + k]);
                    }
                } else if (a instanceof int[] d) {
                    int w = d.length / n;
                    for (int k = 0; k < w; k++) {
                        sb.append(' ').append(d[i * w + k]);
                    }
                } else if (a instanceof boolean[] d) {
                    int w = d.length / n;
                    for (int k = 0; k < w; k++) {
                        sb.append(' ').append(d[i * w + k] ? 'T' : 'F');
                    }
                } else {
                    String[] d = (String[]) a;
                    int w = d.length / n;
                    for (int k = 0; k < w; k++) {
                        sb.append(' ').append(d[i * w + k]);
                    }
                }
            }
            sb.append('\n');
            out.append(sb);
        }
    }
}
