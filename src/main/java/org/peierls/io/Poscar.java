package org.peierls.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

/**
 * VASP POSCAR / CONTCAR (one structure). Read: VASP 5 (a species line before the counts; POTCAR
 * labels such as {@code Ta_pv} or {@code Ta/1a2b} are reduced to the element) and VASP 4 (no
 * species line: the species come from {@link IoOptions#types()} or, failing that, from the
 * leading element symbols of the comment line, else an error); the scale factor (negative: the
 * cell volume in Å³; three numbers: factors for x, y, z); Direct or Cartesian coordinates
 * (Cartesian ones are scaled too); "Selective dynamics" flags into the per-atom boolean array
 * {@code selective_dynamics} {@code [3N]} (true = free to move, VASP's T). Anything after the
 * coordinates (CONTCAR velocities, predictor-corrector data) is ignored. The cell is periodic.
 *
 * <p>Write: VASP 5, scale 1, Direct coordinates, species line as consecutive runs of the atom
 * order (so the order is kept: {@code Cu Ta Cu} / {@code 2 1 3}), {@code selective_dynamics} when
 * present. The comment line is the frame's group, or the formula. Masses, velocities, labels and
 * other arrays are not written (POSCAR has no place for them). Positions come back to within
 * rounding of the fractional-coordinate conversion (~1e-15 relative to the cell size).</p>
 */
public final class Poscar implements FileFormat {

    /** The registered instance. */
    public static final Poscar FORMAT = new Poscar();

    /** Per-atom array of selective-dynamics flags, {@code boolean[3N]}. */
    public static final String SELECTIVE_DYNAMICS = "selective_dynamics";

    private Poscar() {
    }

    /** Reads a POSCAR/CONTCAR (VASP 5, or VASP 4 with the species on the comment line). */
    public static Structure read(Path path) {
        return FORMAT.read(path, IoOptions.DEFAULT).get(0).structure();
    }

    /** Writes a POSCAR (VASP 5, Direct) atomically. */
    public static void write(Path path, Structure structure) {
        FORMAT.write(path, List.of(new Frame(structure)), IoOptions.DEFAULT);
    }

    @Override
    public String name() {
        return "poscar";
    }

    @Override
    public String description() {
        return "VASP POSCAR/CONTCAR (one structure; VASP 4 and 5, Direct or Cartesian, selective dynamics)";
    }

    @Override
    public List<String> extensions() {
        return List.of(".poscar", ".vasp");
    }

    @Override
    public boolean matchesName(Path path) {
        String n = path.getFileName() == null ? "" : path.getFileName().toString().toUpperCase(Locale.ROOT);
        return n.startsWith("POSCAR") || n.startsWith("CONTCAR") || FileFormat.super.matchesName(path);
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public boolean multiFrame() {
        return false;
    }

    @Override
    public List<Frame> read(Path path, IoOptions options) {
        try (LineReader in = new LineReader(path)) {
            return List.of(new Frame(readStructure(in, options)));
        }
    }

    private static Structure readStructure(LineReader in, IoOptions options) {
        String comment = in.require("the comment line");
        String[] st = in.tokens(in.require("the scale factor"));
        if (st.length == 0) {
            throw in.error("expected the scale factor, found a blank line");
        }
        double[] scale3 = {1, 1, 1};
        double scale = 1;
        boolean volumeScale = false;
        if (st.length >= 3 && KeyValueLine.isReal(st[1]) && KeyValueLine.isReal(st[2])) {
            for (int k = 0; k < 3; k++) {
                scale3[k] = in.parseDouble(st[k], "a scale factor");
                if (!(scale3[k] > 0)) {
                    throw in.error("expected three positive scale factors, found '" + st[k] + "'");
                }
            }
        } else {
            scale = in.parseDouble(st[0], "the scale factor");
            if (scale == 0) {
                throw in.error("expected a non-zero scale factor (negative: the volume), found 0");
            }
            volumeScale = scale < 0;
        }
        double[] h = new double[9];
        for (int i = 0; i < 3; i++) {
            String[] t = in.tokens(in.require("lattice vector " + "abc".charAt(i)));
            if (t.length < 3) {
                throw in.error("expected 3 numbers for lattice vector " + "abc".charAt(i) + ", found " + t.length);
            }
            for (int k = 0; k < 3; k++) {
                h[3 * i + k] = in.parseDouble(t[k], "a lattice vector component");
            }
        }
        double factor = scale;
        if (volumeScale) {
            double v = Math.abs(org.peierls.atoms.Mat3.det(h));
            if (!(v > 0)) {
                throw in.error("cannot scale to a volume: the lattice vectors are dependent");
            }
            factor = Math.cbrt(-scale / v);
        }
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                h[3 * i + k] *= factor * scale3[k];
            }
        }
        String[] t6 = in.tokens(in.require("the species or counts line"));
        if (t6.length == 0) {
            throw in.error("expected the species or counts line, found a blank line");
        }
        int speciesLine = in.line();
        String[] species;
        String[] counts;
        if (isInteger(t6[0])) {
            counts = t6;
            int nsp = 0;
            while (nsp < counts.length && isInteger(counts[nsp])) {
                nsp++;
            }
            counts = java.util.Arrays.copyOf(counts, nsp);
            if (options.hasTypes()) {
                if (options.types().size() != nsp) {
                    throw in.error("VASP 4 POSCAR with " + nsp + " species counts, but " + options.types().size()
                            + " species given (" + String.join(",", options.types()) + ")");
                }
                species = options.types().toArray(new String[0]);
            } else {
                String[] c = LineReader.split(comment);
                if (c.length < nsp) {
                    throw noSpecies(in, nsp);
                }
                species = new String[nsp];
                for (int i = 0; i < nsp; i++) {
                    String s = potcarSymbol(c[i]);
                    if (!Element.isSymbol(s)) {
                        throw noSpecies(in, nsp);
                    }
                    species[i] = s;
                }
            }
        } else {
            species = new String[t6.length];
            for (int i = 0; i < t6.length; i++) {
                species[i] = potcarSymbol(t6[i]);
            }
            String[] c = in.tokens(in.require("the counts line"));
            int nsp = 0;
            while (nsp < c.length && isInteger(c[nsp])) {
                nsp++;
            }
            if (nsp != species.length) {
                throw in.error("expected " + species.length + " counts (one per species " + String.join(" ", species) + "), found "
                        + (nsp == 0 && c.length > 0 ? "'" + c[0] + "'" : Integer.toString(nsp)));
            }
            counts = java.util.Arrays.copyOf(c, nsp);
        }
        int[] z = new int[species.length];
        int n = 0;
        int[] cnt = new int[species.length];
        for (int i = 0; i < species.length; i++) {
            try {
                z[i] = Element.number(species[i]);
            } catch (IllegalArgumentException e) {
                throw InputException.at(in.path(), speciesLine, "expected an element symbol H..Pu, found '" + species[i] + "'");
            }
            cnt[i] = in.parseInt(counts[i], "an atom count");
            if (cnt[i] < 0) {
                throw in.error("expected a non-negative atom count, found " + cnt[i]);
            }
            n += cnt[i];
        }
        String mode = in.require("the coordinate mode (Direct or Cartesian)").trim();
        boolean selective = false;
        if (!mode.isEmpty() && (mode.charAt(0) == 'S' || mode.charAt(0) == 's')) {
            selective = true;
            mode = in.require("the coordinate mode (Direct or Cartesian)").trim();
        }
        if (mode.isEmpty()) {
            throw in.error("expected the coordinate mode (Direct or Cartesian), found a blank line");
        }
        char m = Character.toUpperCase(mode.charAt(0));
        boolean cartesian = m == 'C' || m == 'K';
        if (!cartesian && m != 'D') {
            throw in.error("expected the coordinate mode (Direct or Cartesian), found '" + mode + "'");
        }
        int[] numbers = new int[n];
        double[] coords = new double[3 * n];
        boolean[] flags = selective ? new boolean[3 * n] : null;
        int a = 0;
        int need = selective ? 6 : 3;
        for (int s = 0; s < species.length; s++) {
            for (int c = 0; c < cnt[s]; c++, a++) {
                String[] t = in.tokens(in.require("the coordinates of atom " + (a + 1) + " of " + n));
                if (t.length < need) {
                    throw in.error("expected " + need + " columns (" + (selective ? "3 coordinates and 3 T/F flags" : "3 coordinates") + "), found " + t.length);
                }
                numbers[a] = z[s];
                for (int k = 0; k < 3; k++) {
                    coords[3 * a + k] = in.parseDouble(t[k], "a coordinate");
                }
                if (selective) {
                    for (int k = 0; k < 3; k++) {
                        Boolean b = KeyValueLine.bool(t[3 + k]);
                        if (b == null) {
                            throw in.error("expected a selective-dynamics flag T or F, found '" + t[3 + k] + "'");
                        }
                        flags[3 * a + k] = b;
                    }
                }
            }
        }
        Cell cell;
        try {
            cell = Cell.periodic(h);
        } catch (IllegalArgumentException e) {
            throw InputException.in(in.path(), "lattice: " + e.getMessage());
        }
        double[] x;
        if (cartesian) {
            x = coords;
            for (int i = 0; i < 3 * n; i++) {
                x[i] *= factor * scale3[i % 3];
            }
        } else {
            x = cell.toCartesian(coords);
        }
        Structure st2 = new Structure(cell, numbers, x);
        if (selective) {
            st2 = st2.withArray(SELECTIVE_DYNAMICS, flags);
        }
        return st2;
    }

    private static InputException noSpecies(LineReader in, int nsp) {
        return in.error("VASP 4 POSCAR without a species line: give the " + nsp
                + " species in order (--types A,B) or start the comment line with them");
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** "Ta_pv" → "Ta", "Ta/1a2b" → "Ta", "Ta" → "Ta". */
    private static String potcarSymbol(String s) {
        int cut = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' || c == '/' || c == '.') {
                cut = i;
                break;
            }
        }
        return s.substring(0, cut);
    }

    @Override
    public void write(Path path, List<Frame> frames, IoOptions options) {
        if (frames.size() != 1) {
            throw new IllegalArgumentException("POSCAR holds one structure, " + frames.size() + " given");
        }
        Frame f = frames.get(0);
        Structure s = f.structure();
        Cell cell = s.cell();
        if (!cell.isRegular()) {
            throw new IllegalArgumentException("POSCAR needs a cell with three independent lattice vectors");
        }
        int n = s.size();
        List<String> runSpecies = new ArrayList<>();
        List<Integer> runCounts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String sym = s.symbol(i);
            if (!runSpecies.isEmpty() && runSpecies.get(runSpecies.size() - 1).equals(sym)) {
                runCounts.set(runCounts.size() - 1, runCounts.get(runCounts.size() - 1) + 1);
            } else {
                runSpecies.add(sym);
                runCounts.add(1);
            }
        }
        Object sd = s.arrays().get(SELECTIVE_DYNAMICS);
        boolean[] flags = sd instanceof boolean[] b && b.length == 3 * n ? b : null;
        double[] frac = cell.toFractional(s.positions());
        double[] h = cell.matrix();
        String comment = f.group().isEmpty() ? (n == 0 ? "empty" : s.formula()) : f.group();
        AtomicWrite.text(path, out -> {
            StringBuilder sb = new StringBuilder();
            sb.append(comment.replace('\n', ' ').replace('\r', ' ')).append('\n');
            sb.append("1.0\n");
            for (int i = 0; i < 3; i++) {
                sb.append(' ').append(h[3 * i]).append(' ').append(h[3 * i + 1]).append(' ').append(h[3 * i + 2]).append('\n');
            }
            for (int i = 0; i < runSpecies.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(runSpecies.get(i));
            }
            sb.append('\n');
            for (int i = 0; i < runCounts.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(runCounts.get(i));
            }
            sb.append('\n');
            if (flags != null) {
                sb.append("Selective dynamics\n");
            }
            sb.append("Direct\n");
            out.append(sb);
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                sb.append(' ').append(frac[3 * i]).append(' ').append(frac[3 * i + 1]).append(' ').append(frac[3 * i + 2]);
                if (flags != null) {
                    for (int k = 0; k < 3; k++) {
                        sb.append(' ').append(flags[3 * i + k] ? 'T' : 'F');
                    }
                }
                sb.append('\n');
                out.append(sb);
            }
        });
    }
}
