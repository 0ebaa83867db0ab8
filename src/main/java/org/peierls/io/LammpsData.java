package org.peierls.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.LammpsBox;
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

/**
 * LAMMPS data file (one structure, metal units: Å, amu, Å/ps), as {@code read_data} reads and
 * {@code write_data} writes it. Read: header counts, box {@code xlo xhi}/{@code ylo yhi}/
 * {@code zlo zhi} and tilts {@code xy xz yz}; sections Masses, Atoms (atom_style atomic
 * {@code id type x y z [ix iy iz]} or charge {@code id type q x y z [ix iy iz]}, from the
 * {@code Atoms # style} hint or the column count), Velocities; Pair/Bond/… coefficient and topology
 * sections are skipped. Atoms are ordered by id; image flags unwrap positions
 * ({@code x + ix·a + iy·b + iz·c}); positions are shifted so that the cell origin
 * (xlo, ylo, zlo) is 0. Charges go to the per-atom array {@code charge}. The element of each
 * type comes from {@link IoOptions#types()}, else the Masses comment ({@code 1 63.546 # Cu}), else
 * the mass (within 0.1 amu of one element). The cell is periodic in all directions (the boundary
 * is set in the LAMMPS input, not in the data file).
 *
 * <p>Write: a general triclinic cell is rotated into LAMMPS's lower-triangular form
 * ({@link Cell#toLammpsBox()}, positions and velocities by {@link Cell#rotationToLammps()}); a
 * cell already in that form is written as is, so positions round-trip exactly. Types follow
 * {@link IoOptions#types()} or ascending atomic number; Masses carry element comments; atom_style
 * charge when the structure has a {@code charge} array; Velocities when it has velocities. Tilts
 * beyond LAMMPS's limits need {@code box tilt large} in the input.</p>
 */
public final class LammpsData implements FileFormat {

    /** The registered instance. */
    public static final LammpsData FORMAT = new LammpsData();

    /** Per-atom array holding atom_style charge charges, {@code double[N]}, e. */
    public static final String CHARGE = "charge";

    private LammpsData() {
    }

    /** Reads a data file whose types are named by Masses comments or masses. */
    public static Structure read(Path path) {
        return FORMAT.read(path, IoOptions.DEFAULT).get(0).structure();
    }

    /** Reads a data file with the element symbols of types 1, 2, … */
    public static Structure read(Path path, List<String> typeSymbols) {
        return FORMAT.read(path, new IoOptions(typeSymbols)).get(0).structure();
    }

    /** Writes a data file (types in ascending atomic number) atomically. */
    public static void write(Path path, Structure structure) {
        FORMAT.write(path, List.of(new Frame(structure)), IoOptions.DEFAULT);
    }

    @Override
    public String name() {
        return "lammps-data";
    }

    @Override
    public String description() {
        return "LAMMPS data file (one structure; atom_style atomic or charge; orthogonal or triclinic)";
    }

    @Override
    public List<String> extensions() {
        return List.of(".data", ".lmp", ".lammps-data");
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public boolean multiFrame() {
        return false;
    }

    private static final List<String> ATOM_SECTIONS = List.of("Atoms", "Velocities", "Ellipsoids", "Lines", "Triangles", "Bodies");
    private static final List<String> TYPE_SECTIONS = List.of("Masses", "Pair Coeffs", "PairIJ Coeffs", "Bond Coeffs", "Angle Coeffs",
            "Dihedral Coeffs", "Improper Coeffs", "BondBond Coeffs", "BondAngle Coeffs", "MiddleBondTorsion Coeffs",
            "EndBondTorsion Coeffs", "AngleTorsion Coeffs", "AngleAngleTorsion Coeffs", "BondBond13 Coeffs", "AngleAngle Coeffs");
    private static final List<String> TOPOLOGY_SECTIONS = List.of("Bonds", "Angles", "Dihedrals", "Impropers");

    @Override
    public List<Frame> read(Path path, IoOptions options) {
        try (LineReader in = new LineReader(path)) {
            return List.of(new Frame(readStructure(in, options)));
        }
    }

    private static Structure readStructure(LineReader in, IoOptions options) {
        Path path = in.path();
        in.require("the title line");
        long natoms = -1;
        int ntypes = -1;
        Map<String, Long> topology = new HashMap<>();
        Map<String, Integer> topologyTypes = new HashMap<>();
        double xlo = 0, xhi = Double.NaN, ylo = 0, yhi = Double.NaN, zlo = 0, zhi = Double.NaN, xy = 0, xz = 0, yz = 0;
        int boxLine = 0;
        String line;
        String section = null;
        String sectionRaw = null;
        int sectionLine = 0;
        // header
        while ((line = in.next()) != null) {
            String body = LineReader.stripComment(line).trim();
            if (body.isEmpty()) {
                continue;
            }
            String[] t = LineReader.split(body);
            String kw = keyword(t);
            switch (kw) {
                case "atoms" -> natoms = in.parseInt(t[0], "the number of atoms");
                case "atom types" -> ntypes = in.parseInt(t[0], "the number of atom types");
                case "bonds", "angles", "dihedrals", "impropers" -> topology.put(kw, (long) in.parseInt(t[0], "a count"));
                case "bond types", "angle types", "dihedral types", "improper types" ->
                        topologyTypes.put(kw.substring(0, kw.indexOf(' ')), in.parseInt(t[0], "a count"));
                case "xlo xhi" -> {
                    xlo = in.parseDouble(t[0], "xlo");
                    xhi = in.parseDouble(t[1], "xhi");
                    boxLine = in.line();
                }
                case "ylo yhi" -> {
                    ylo = in.parseDouble(t[0], "ylo");
                    yhi = in.parseDouble(t[1], "yhi");
                }
                case "zlo zhi" -> {
                    zlo = in.parseDouble(t[0], "zlo");
                    zhi = in.parseDouble(t[1], "zhi");
                }
                case "xy xz yz" -> {
                    xy = in.parseDouble(t[0], "xy");
                    xz = in.parseDouble(t[1], "xz");
                    yz = in.parseDouble(t[2], "yz");
                }
                case "extra bond per atom", "extra angle per atom", "extra dihedral per atom", "extra improper per atom",
                     "extra special per atom", "ellipsoids", "lines", "triangles", "bodies" -> {
                    // counts irrelevant to atomic structures
                }
                default -> {
                    section = body;
                    sectionRaw = line;
                    sectionLine = in.line();
                }
            }
            if (section != null) {
                break;
            }
        }
        if (natoms < 0) {
            throw InputException.in(path, "expected an 'N atoms' header line, found none");
        }
        if (ntypes < 1) {
            throw InputException.in(path, "expected an 'N atom types' header line, found none");
        }
        if (Double.isNaN(xhi) || Double.isNaN(yhi) || Double.isNaN(zhi)) {
            throw InputException.in(path, "expected the box header lines 'xlo xhi', 'ylo yhi' and 'zlo zhi'");
        }
        int n = (int) natoms;
        double[] typeMass = new double[ntypes + 1];
        Arrays.fill(typeMass, Double.NaN);
        String[] typeComment = new String[ntypes + 1];
        long[] ids = null;
        int[] types = null;
        double[] charge = null;
        double[] x = null;
        int atomsLine = 0;
        Map<Long, double[]> velocities = null;
        while (section != null) {
            String hint = "";
            String name = section;
            int h = sectionRaw.indexOf('#');
            if (h >= 0) {
                hint = sectionRaw.substring(h + 1).trim();
            }
            if (name.equals("Masses")) {
                for (int k = 0; k < ntypes; k++) {
                    String l = dataLine(in, "Masses", k, ntypes);
                    String[] t = LineReader.split(LineReader.stripComment(l));
                    if (t.length < 2) {
                        throw in.error("expected 'type mass', found '" + l.trim() + "'");
                    }
                    int type = in.parseInt(t[0], "an atom type");
                    checkType(in, type, ntypes);
                    double m = in.parseDouble(t[1], "a mass");
                    if (!(m > 0)) {
                        throw in.error("expected a positive mass, found " + t[1]);
                    }
                    typeMass[type] = m;
                    int c = l.indexOf('#');
                    typeComment[type] = c >= 0 ? l.substring(c + 1).trim() : null;
                }
            } else if (name.equals("Atoms")) {
                atomsLine = sectionLine;
                ids = new long[n];
                types = new int[n];
                x = new double[3 * n];
                String style = hint.isEmpty() ? "" : LineReader.split(hint)[0];
                if (!style.isEmpty() && !style.equals("atomic") && !style.equals("charge")) {
                    throw InputException.at(path, sectionLine, "atom_style " + style + " is not supported (atomic or charge)");
                }
                for (int i = 0; i < n; i++) {
                    String l = dataLine(in, "Atoms", i, n);
                    String[] t = LineReader.split(LineReader.stripComment(l));
                    String st = style;
                    if (st.isEmpty()) {
                        st = t.length == 5 || t.length == 8 ? "atomic" : t.length == 6 || t.length == 9 ? "charge" : "";
                        if (st.isEmpty()) {
                            throw in.error("expected 5 or 8 columns (atom_style atomic) or 6 or 9 (charge), found " + t.length);
                        }
                        style = st;
                    }
                    boolean q = st.equals("charge");
                    int base = q ? 6 : 5;
                    if (t.length != base && t.length != base + 3) {
                        throw in.error("expected " + base + " or " + (base + 3) + " columns for atom_style " + st + ", found " + t.length);
                    }
                    if (q && charge == null) {
                        charge = new double[n];
                    }
                    ids[i] = parseId(in, t[0]);
                    types[i] = in.parseInt(t[1], "an atom type");
                    checkType(in, types[i], ntypes);
                    int p = 2;
                    if (q) {
                        charge[i] = in.parseDouble(t[2], "a charge");
                        p = 3;
                    }
                    for (int k = 0; k < 3; k++) {
                        x[3 * i + k] = in.parseDouble(t[p + k], "a coordinate");
                    }
                    if (t.length == base + 3) {
                        int ix = in.parseInt(t[p + 3], "an image flag");
                        int iy = in.parseInt(t[p + 4], "an image flag");
                        int iz = in.parseInt(t[p + 5], "an image flag");
                        x[3 * i] += ix * (xhi - xlo) + iy * xy + iz * xz;
                        x[3 * i + 1] += iy * (yhi - ylo) + iz * yz;
                        x[3 * i + 2] += iz * (zhi - zlo);
                    }
                }
            } else if (name.equals("Velocities")) {
                velocities = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    String l = dataLine(in, "Velocities", i, n);
                    String[] t = LineReader.split(LineReader.stripComment(l));
                    if (t.length < 4) {
                        throw in.error("expected 4 columns (id vx vy vz), found " + t.length);
                    }
                    long id = parseId(in, t[0]);
                    velocities.put(id, new double[]{in.parseDouble(t[1], "vx"), in.parseDouble(t[2], "vy"), in.parseDouble(t[3], "vz")});
                }
            } else {
                long count = sectionCount(name, n, ntypes, topology, topologyTypes);
                if (count < 0) {
                    throw InputException.at(path, sectionLine, "expected a section name (Masses, Atoms, Velocities, …), found '" + name + "'");
                }
                for (long i = 0; i < count; i++) {
                    dataLine(in, name, (int) i, (int) count);
                }
            }
            sectionRaw = in.nextNonBlank();
            sectionLine = in.line();
            section = sectionRaw == null ? null : LineReader.stripComment(sectionRaw).trim();
        }
        if (ids == null) {
            throw InputException.in(path, "expected an Atoms section, found none");
        }
        // order by id
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final long[] idf = ids;
        Arrays.sort(order, (a, b) -> Long.compare(idf[a], idf[b]));
        for (int k = 1; k < n; k++) {
            if (ids[order[k]] == ids[order[k - 1]]) {
                throw InputException.at(path, atomsLine, "atom id " + ids[order[k]] + " appears twice in the Atoms section");
            }
        }
        int[] zOfType = LammpsTypes.resolve(path, atomsLine, ntypes, options, typeMass, typeComment);
        int[] numbers = new int[n];
        double[] pos = new double[3 * n];
        double[] masses = new double[n];
        double[] q = charge == null ? null : new double[n];
        double[] v = velocities == null ? null : new double[3 * n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            int type = types[i];
            numbers[k] = zOfType[type];
            masses[k] = Double.isNaN(typeMass[type]) ? Element.mass(numbers[k]) : typeMass[type];
            pos[3 * k] = x[3 * i] - xlo;
            pos[3 * k + 1] = x[3 * i + 1] - ylo;
            pos[3 * k + 2] = x[3 * i + 2] - zlo;
            if (q != null) {
                q[k] = charge[i];
            }
            if (v != null) {
                double[] vi = velocities.get(ids[i]);
                if (vi == null) {
                    throw InputException.in(path, "atom id " + ids[i] + " has no line in the Velocities section");
                }
                System.arraycopy(vi, 0, v, 3 * k, 3);
            }
        }
        Cell cell;
        try {
            cell = new LammpsBox(xlo, ylo, zlo, xhi - xlo, yhi - ylo, zhi - zlo, xy, xz, yz).toCell(new boolean[]{true, true, true});
        } catch (IllegalArgumentException e) {
            throw InputException.at(path, boxLine, "box: " + e.getMessage());
        }
        Structure s;
        try {
            s = new Structure(cell, numbers, pos, masses, v);
        } catch (IllegalArgumentException e) {
            throw InputException.in(path, e.getMessage());
        }
        return q == null ? s : s.withArray(CHARGE, q);
    }

    private static long parseId(LineReader in, String tok) {
        try {
            long id = Long.parseLong(tok);
            if (id < 1) {
                throw in.error("expected a positive atom id, found " + tok);
            }
            return id;
        } catch (NumberFormatException e) {
            throw in.error("expected an atom id, found '" + tok + "'");
        }
    }

    private static void checkType(LineReader in, int type, int ntypes) {
        if (type < 1 || type > ntypes) {
            throw in.error("expected an atom type 1.." + ntypes + ", found " + type);
        }
    }

    /** The next non-blank line of a section body, or an error naming the section when it ends early. */
    private static String dataLine(LineReader in, String section, int k, int count) {
        String l = in.nextNonBlank();
        if (l == null) {
            throw InputException.at(in.path(), in.line() + 1, "expected line " + (k + 1) + " of " + count + " of the " + section
                    + " section, found the end of the file");
        }
        return l;
    }

    /** Number of body lines of a section we skip, or −1 for an unknown section. */
    private static long sectionCount(String name, int natoms, int ntypes, Map<String, Long> topology, Map<String, Integer> topologyTypes) {
        if (name.equals("PairIJ Coeffs")) {
            return (long) ntypes * (ntypes + 1) / 2;
        }
        if (name.equals("Pair Coeffs")) {
            return ntypes;
        }
        if (ATOM_SECTIONS.contains(name)) {
            return natoms;
        }
        for (String s : TOPOLOGY_SECTIONS) {
            if (name.equals(s)) {
                return topology.getOrDefault(s.toLowerCase(Locale.ROOT), 0L);
            }
        }
        if (TYPE_SECTIONS.contains(name)) {
            String kind = name.split(" ")[0].toLowerCase(Locale.ROOT);
            return switch (kind) {
                case "bond", "bondbond", "bondangle" -> topologyTypes.getOrDefault(kind.startsWith("bondb") || kind.equals("bondangle") ? "angle" : "bond", 0);
                case "angle", "angleangle" -> topologyTypes.getOrDefault(kind.equals("angleangle") ? "improper" : "angle", 0);
                default -> topologyTypes.getOrDefault(kind.equals("improper") ? "improper" : "dihedral", 0);
            };
        }
        return -1;
    }

    private static final List<String> HEADER_KEYWORDS = List.of("atoms", "atom types", "bonds", "angles", "dihedrals", "impropers",
            "bond types", "angle types", "dihedral types", "improper types", "xlo xhi", "ylo yhi", "zlo zhi", "xy xz yz",
            "extra bond per atom", "extra angle per atom", "extra dihedral per atom", "extra improper per atom",
            "extra special per atom", "ellipsoids", "lines", "triangles", "bodies");

    /** The header keyword a tokenized line ends with (its leading tokens are its numbers), or "" for a section line. */
    private static String keyword(String[] t) {
        String kw = "";
        for (String k : HEADER_KEYWORDS) {
            String[] kt = k.split(" ");
            if (t.length > kt.length && k.length() > kw.length()
                    && String.join(" ", Arrays.copyOfRange(t, t.length - kt.length, t.length)).equals(k)) {
                kw = k;
            }
        }
        return kw;
    }

    @Override
    public void write(Path path, List<Frame> frames, IoOptions options) {
        if (frames.size() != 1) {
            throw new IllegalArgumentException("a LAMMPS data file holds one structure, " + frames.size() + " given");
        }
        Structure s = frames.get(0).structure();
        LammpsFrame lf = LammpsFrame.of(s);
        int[] order = LammpsTypes.order(frames, options);
        int[] type = LammpsTypes.typesOf(s, order);
        int n = s.size();
        double[] typeMass = new double[order.length + 1];
        for (int t = 1; t <= order.length; t++) {
            typeMass[t] = Double.NaN;
        }
        for (int i = 0; i < n; i++) {
            double m = s.mass(i);
            if (Double.isNaN(typeMass[type[i]])) {
                typeMass[type[i]] = m;
            } else if (typeMass[type[i]] != m) {
                throw new IllegalArgumentException("atoms of " + s.symbol(i) + " have different masses (" + typeMass[type[i]] + " and " + m
                        + "); a LAMMPS data file has one mass per type");
            }
        }
        for (int t = 1; t <= order.length; t++) {
            if (Double.isNaN(typeMass[t])) {
                typeMass[t] = Element.mass(order[t - 1]);
            }
        }
        Object qa = s.arrays().get(CHARGE);
        double[] q = qa instanceof double[] d && d.length == n ? d : null;
        LammpsBox box = lf.box();
        double[] x = lf.positions();
        double[] v = lf.velocities();
        AtomicWrite.text(path, out -> {
            StringBuilder sb = new StringBuilder();
            sb.append("LAMMPS data file written by Peierls: ").append(n == 0 ? "empty" : s.formula()).append("\n\n");
            sb.append(n).append(" atoms\n");
            sb.append(order.length).append(" atom types\n\n");
            sb.append("0.0 ").append(box.lx()).append(" xlo xhi\n");
            sb.append("0.0 ").append(box.ly()).append(" ylo yhi\n");
            sb.append("0.0 ").append(box.lz()).append(" zlo zhi\n");
            if (box.triclinic()) {
                sb.append(box.xy()).append(' ').append(box.xz()).append(' ').append(box.yz()).append(" xy xz yz\n");
            }
            sb.append("\nMasses\n\n");
            for (int t = 1; t <= order.length; t++) {
                sb.append(t).append(' ').append(typeMass[t]).append(" # ").append(Element.symbol(order[t - 1])).append('\n');
            }
            sb.append("\nAtoms # ").append(q == null ? "atomic" : "charge").append("\n\n");
            out.append(sb);
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                sb.append(i + 1).append(' ').append(type[i]);
                if (q != null) {
                    sb.append(' ').append(q[i]);
                }
                sb.append(' ').append(x[3 * i]).append(' ').append(x[3 * i + 1]).append(' ').append(x[3 * i + 2]).append('\n');
                out.append(sb);
            }
            if (v != null) {
                out.append("\nVelocities\n\n");
                for (int i = 0; i < n; i++) {
                    sb.setLength(0);
                    sb.append(i + 1).append(' ').append(v[3 * i]).append(' ').append(v[3 * i + 1]).append(' ').append(v[3 * i + 2]).append('\n');
                    out.append(sb);
                }
            }
        });
    }
}
