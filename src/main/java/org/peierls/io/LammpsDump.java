package org.peierls.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.LammpsBox;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

/**
 * LAMMPS text dump ({@code dump custom} / {@code dump atom}), metal units, several frames.
 *
 * <p>Read: per frame {@code ITEM: TIMESTEP} (kept as {@code info["timestep"]}),
 * {@code ITEM: NUMBER OF ATOMS}, {@code ITEM: BOX BOUNDS [xy xz yz] pp pp pp} (orthogonal bounds,
 * or triclinic bounding box with tilts, converted by {@link LammpsBox#fromBounds}; boundary flags
 * other than {@code pp} make that direction non-periodic) and {@code ITEM: ATOMS} with its
 * columns. Positions come from, in this order of preference, unwrapped {@code xu yu zu}, wrapped
 * {@code x y z} (plus image flags {@code ix iy iz} when present), scaled unwrapped
 * {@code xsu ysu zsu} or scaled {@code xs ys zs}; they are shifted so that the box origin is 0.
 * {@code vx vy vz} are velocities (Å/ps), {@code fx fy fz} the label forces (eV/Å),
 * {@code mass} the masses, {@code q} the per-atom array {@code charge}; every other column
 * ({@code c_pe}, {@code v_foo}, …) becomes a per-atom {@code double[N]} array named after it.
 * Atoms are sorted by {@code id}. Elements come from {@link IoOptions#types()} (symbols of types
 * 1, 2, …) or else an {@code element} column; an error otherwise.</p>
 *
 * <p>Write: {@code ITEM: ATOMS id type element x y z} plus {@code vx vy vz} when the structure has
 * velocities and {@code fx fy fz} when the labels have forces; general cells are rotated into
 * LAMMPS's form as for data files; the timestep is {@code info["timestep"]} or the frame index.</p>
 */
public final class LammpsDump implements FileFormat {

    /** The registered instance. */
    public static final LammpsDump FORMAT = new LammpsDump();

    private LammpsDump() {
    }

    /** Reads every frame (elements from an {@code element} column). */
    public static List<Frame> read(Path path) {
        return FORMAT.read(path, IoOptions.DEFAULT);
    }

    /** Reads every frame with the element symbols of types 1, 2, … */
    public static List<Frame> read(Path path, List<String> typeSymbols) {
        return FORMAT.read(path, new IoOptions(typeSymbols));
    }

    /** Writes frames atomically. */
    public static void write(Path path, List<Frame> frames) {
        FORMAT.write(path, frames, IoOptions.DEFAULT);
    }

    @Override
    public String name() {
        return "lammps-dump";
    }

    @Override
    public String description() {
        return "LAMMPS text dump (dump custom), multi-frame, orthogonal or triclinic";
    }

    @Override
    public List<String> extensions() {
        return List.of(".dump", ".lammpstrj");
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
            long timestep = -1;
            int natoms = -1;
            LammpsBox box = null;
            boolean[] pbc = null;
            String line = in.nextNonBlank();
            while (line != null) {
                String item = line.trim();
                if (!item.startsWith("ITEM:")) {
                    throw in.error("expected an 'ITEM:' line, found '" + abbreviate(item) + "'");
                }
                String what = item.substring(5).trim();
                if (what.equals("TIMESTEP")) {
                    String t = in.require("the timestep").trim();
                    try {
                        timestep = Long.parseLong(LineReader.split(t)[0]);
                    } catch (RuntimeException e) {
                        throw in.error("expected the timestep, found '" + t + "'");
                    }
                    line = in.nextNonBlank();
                } else if (what.equals("NUMBER OF ATOMS")) {
                    String t = in.require("the number of atoms").trim();
                    natoms = in.parseInt(t, "the number of atoms");
                    if (natoms < 0) {
                        throw in.error("expected a non-negative number of atoms, found " + natoms);
                    }
                    line = in.nextNonBlank();
                } else if (what.startsWith("BOX BOUNDS")) {
                    String[] flags = LineReader.split(what.substring(10));
                    boolean tri = flags.length >= 3 && flags[0].equals("xy");
                    if (flags.length > 0 && flags[0].equals("abc")) {
                        throw in.error("general triclinic dump boxes (BOX BOUNDS abc origin) are not supported");
                    }
                    String[] bc = tri ? Arrays.copyOfRange(flags, 3, flags.length) : flags;
                    pbc = new boolean[]{true, true, true};
                    for (int k = 0; k < Math.min(3, bc.length); k++) {
                        pbc[k] = bc[k].equals("pp");
                    }
                    double[][] b = new double[3][];
                    for (int k = 0; k < 3; k++) {
                        String[] t = in.tokens(in.require("box bounds line " + (k + 1) + " of 3"));
                        int need = tri ? 3 : 2;
                        if (t.length < need) {
                            throw in.error("expected " + need + " numbers (" + (tri ? "lo hi tilt" : "lo hi") + "), found " + t.length);
                        }
                        b[k] = new double[need];
                        for (int j = 0; j < need; j++) {
                            b[k][j] = in.parseDouble(t[j], "a box bound");
                        }
                    }
                    if (tri) {
                        box = LammpsBox.fromBounds(b[0][0], b[0][1], b[1][0], b[1][1], b[2][0], b[2][1], b[0][2], b[1][2], b[2][2]);
                    } else {
                        box = new LammpsBox(b[0][0], b[1][0], b[2][0], b[0][1] - b[0][0], b[1][1] - b[1][0], b[2][1] - b[2][0], 0, 0, 0);
                    }
                    line = in.nextNonBlank();
                } else if (what.startsWith("ATOMS")) {
                    if (natoms < 0 || box == null) {
                        throw in.error("expected ITEM: NUMBER OF ATOMS and ITEM: BOX BOUNDS before ITEM: ATOMS");
                    }
                    String[] columns = LineReader.split(what.substring(5));
                    frames.add(readAtoms(in, columns, natoms, box, pbc, timestep, options));
                    timestep = -1;
                    natoms = -1;
                    box = null;
                    line = in.nextNonBlank();
                } else {
                    // ITEM: TIME, ITEM: UNITS, …: skip to the next ITEM
                    do {
                        line = in.nextNonBlank();
                    } while (line != null && !line.trim().startsWith("ITEM:"));
                }
            }
            if (natoms >= 0 || box != null) {
                throw InputException.at(path, in.line() + 1, "expected ITEM: ATOMS, found the end of the file");
            }
        }
        return frames;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static int index(String[] columns, String name) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int[] triple(String[] columns, String a, String b, String c) {
        int i = index(columns, a), j = index(columns, b), k = index(columns, c);
        return i >= 0 && j >= 0 && k >= 0 ? new int[]{i, j, k} : null;
    }

    private static Frame readAtoms(LineReader in, String[] columns, int n, LammpsBox box, boolean[] pbc, long timestep, IoOptions options) {
        Path path = in.path();
        int headerLine = in.line();
        int nc = columns.length;
        int idCol = index(columns, "id");
        int typeCol = index(columns, "type");
        int elementCol = index(columns, "element");
        int massCol = index(columns, "mass");
        int qCol = index(columns, "q");
        int[] unwrapped = triple(columns, "xu", "yu", "zu");
        int[] wrapped = triple(columns, "x", "y", "z");
        int[] scaledU = triple(columns, "xsu", "ysu", "zsu");
        int[] scaled = triple(columns, "xs", "ys", "zs");
        int[] image = triple(columns, "ix", "iy", "iz");
        int[] vel = triple(columns, "vx", "vy", "vz");
        int[] force = triple(columns, "fx", "fy", "fz");
        int[] pos;
        boolean isScaled;
        boolean applyImage = false;
        if (unwrapped != null) {
            pos = unwrapped;
            isScaled = false;
        } else if (wrapped != null) {
            pos = wrapped;
            isScaled = false;
            applyImage = image != null;
        } else if (scaledU != null) {
            pos = scaledU;
            isScaled = true;
        } else if (scaled != null) {
            pos = scaled;
            isScaled = true;
            applyImage = image != null;
        } else {
            throw in.error("expected position columns (x y z, xu yu zu, xs ys zs or xsu ysu zsu), found '" + String.join(" ", columns) + "'");
        }
        if (!options.hasTypes() && elementCol < 0) {
            throw in.error("cannot tell the elements: the dump has no 'element' column; give the type symbols in order (--types A,B)");
        }
        if (options.hasTypes() && typeCol < 0) {
            throw in.error("type symbols were given but the dump has no 'type' column");
        }
        // columns that go to per-atom arrays
        boolean[] used = new boolean[nc];
        for (int c : new int[]{idCol, typeCol, elementCol, massCol, qCol}) {
            if (c >= 0) {
                used[c] = true;
            }
        }
        for (int[] t : new int[][]{unwrapped, wrapped, scaledU, scaled, image, vel, force}) {
            if (t != null) {
                for (int c : t) {
                    used[c] = true;
                }
            }
        }
        int[] zOfType = options.hasTypes() ? options.typeNumbers() : null;
        long[] ids = new long[n];
        int[] numbers = new int[n];
        double[] x = new double[3 * n];
        double[] v = vel == null ? null : new double[3 * n];
        double[] f = force == null ? null : new double[3 * n];
        double[] mass = massCol < 0 ? null : new double[n];
        double[] q = qCol < 0 ? null : new double[n];
        double[][] extra = new double[nc][];
        for (int c = 0; c < nc; c++) {
            if (!used[c]) {
                extra[c] = new double[n];
            }
        }
        double[] h = box.matrix();
        for (int i = 0; i < n; i++) {
            String l = in.require("atom line " + (i + 1) + " of " + n);
            String[] t = LineReader.split(l);
            if (t.length != nc) {
                throw in.error("expected " + nc + " columns (" + String.join(" ", columns) + "), found " + t.length);
            }
            ids[i] = idCol >= 0 ? in.parseInt(t[idCol], "an atom id") : i + 1;
            if (zOfType != null) {
                int type = in.parseInt(t[typeCol], "an atom type");
                if (type < 1 || type > zOfType.length) {
                    throw in.error("expected an atom type 1.." + zOfType.length + " (as many as type symbols given), found " + type);
                }
                numbers[i] = zOfType[type - 1];
            } else {
                try {
                    numbers[i] = Element.number(t[elementCol]);
                } catch (IllegalArgumentException e) {
                    throw in.error("expected an element symbol H..Pu, found '" + t[elementCol] + "'");
                }
            }
            double a = in.parseDouble(t[pos[0]], "a coordinate");
            double b = in.parseDouble(t[pos[1]], "a coordinate");
            double c = in.parseDouble(t[pos[2]], "a coordinate");
            double px, py, pz;
            if (isScaled) {
                px = a * h[0] + b * h[3] + c * h[6];
                py = b * h[4] + c * h[7];
                pz = c * h[8];
            } else {
                px = a - box.xlo();
                py = b - box.ylo();
                pz = c - box.zlo();
            }
            if (applyImage) {
                int ix = in.parseInt(t[image[0]], "an image flag");
                int iy = in.parseInt(t[image[1]], "an image flag");
                int iz = in.parseInt(t[image[2]], "an image flag");
                px += ix * h[0] + iy * h[3] + iz * h[6];
                py += iy * h[4] + iz * h[7];
                pz += iz * h[8];
            }
            x[3 * i] = px;
            x[3 * i + 1] = py;
            x[3 * i + 2] = pz;
            for (int k = 0; k < 3; k++) {
                if (v != null) {
                    v[3 * i + k] = in.parseDouble(t[vel[k]], "a velocity");
                }
                if (f != null) {
                    f[3 * i + k] = in.parseDouble(t[force[k]], "a force");
                }
            }
            if (mass != null) {
                mass[i] = in.parseDouble(t[massCol], "a mass");
            }
            if (q != null) {
                q[i] = in.parseDouble(t[qCol], "a charge");
            }
            for (int col = 0; col < nc; col++) {
                if (extra[col] != null) {
                    extra[col][i] = in.parseDouble(t[col], "a number for column '" + columns[col] + "'");
                }
            }
        }
        // sort by id
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
        int[] perm = new int[n];
        for (int k = 0; k < n; k++) {
            perm[k] = order[k];
            if (k > 0 && ids[order[k]] == ids[order[k - 1]]) {
                throw InputException.at(path, headerLine, "atom id " + ids[order[k]] + " appears twice in this frame");
            }
        }
        Cell cell;
        try {
            cell = box.toCell(pbc);
        } catch (IllegalArgumentException e) {
            throw InputException.at(path, headerLine, "box: " + e.getMessage());
        }
        Map<String, Object> arrays = new LinkedHashMap<>();
        if (q != null) {
            arrays.put(LammpsData.CHARGE, q);
        }
        for (int col = 0; col < nc; col++) {
            if (extra[col] != null) {
                arrays.put(columns[col], extra[col]);
            }
        }
        Structure s;
        try {
            s = new Structure(cell, numbers, x, mass, v).withArrays(arrays);
        } catch (IllegalArgumentException e) {
            throw InputException.at(path, headerLine, e.getMessage());
        }
        if (timestep >= 0) {
            s = s.withInfo("timestep", timestep <= Integer.MAX_VALUE ? (Object) (int) timestep : (Object) timestep);
        }
        Labels labels = f == null ? Labels.NONE : new Labels(Double.NaN, f, null);
        Frame frame = new Frame(s, labels, "");
        boolean sorted = true;
        for (int k = 0; k < n; k++) {
            sorted &= perm[k] == k;
        }
        if (sorted) {
            return frame;
        }
        Structure ps = s.permuted(perm);
        Labels pl = labels;
        if (f != null) {
            double[] pf = new double[3 * n];
            for (int k = 0; k < n; k++) {
                System.arraycopy(f, 3 * perm[k], pf, 3 * k, 3);
            }
            pl = new Labels(Double.NaN, pf, null);
        }
        return new Frame(ps, pl, "");
    }

    @Override
    public void write(Path path, List<Frame> frames, IoOptions options) {
        int[] order = LammpsTypes.order(frames, options);
        List<LammpsFrame> lfs = new ArrayList<>();
        for (Frame fr : frames) {
            lfs.add(LammpsFrame.of(fr.structure()));
        }
        AtomicWrite.text(path, out -> {
            StringBuilder sb = new StringBuilder(256);
            for (int fi = 0; fi < frames.size(); fi++) {
                Frame fr = frames.get(fi);
                Structure s = fr.structure();
                LammpsFrame lf = lfs.get(fi);
                LammpsBox box = lf.box();
                int n = s.size();
                Object ts = s.info().get("timestep");
                sb.setLength(0);
                sb.append("ITEM: TIMESTEP\n").append(ts instanceof Number num ? num.longValue() : fi).append('\n');
                sb.append("ITEM: NUMBER OF ATOMS\n").append(n).append('\n');
                boolean[] pbc = s.cell().pbc();
                String bc = (pbc[0] ? "pp" : "ff") + " " + (pbc[1] ? "pp" : "ff") + " " + (pbc[2] ? "pp" : "ff");
                if (box.triclinic()) {
                    double[] b = box.bounds();
                    sb.append("ITEM: BOX BOUNDS xy xz yz ").append(bc).append('\n');
                    sb.append(b[0]).append(' ').append(b[1]).append(' ').append(box.xy()).append('\n');
                    sb.append(b[2]).append(' ').append(b[3]).append(' ').append(box.xz()).append('\n');
                    sb.append(box.zlo()).append(' ').append(box.zhi()).append(' ').append(box.yz()).append('\n');
                } else {
                    sb.append("ITEM: BOX BOUNDS ").append(bc).append('\n');
                    sb.append(box.xlo()).append(' ').append(box.xhi()).append('\n');
                    sb.append(box.ylo()).append(' ').append(box.yhi()).append('\n');
                    sb.append(box.zlo()).append(' ').append(box.zhi()).append('\n');
                }
                double[] x = lf.positions();
                double[] v = lf.velocities();
                double[] f = lf.rotated(fr.labels().forces());
                int[] type = LammpsTypes.typesOf(s, order);
                sb.append("ITEM: ATOMS id type element x y z").append(v != null ? " vx vy vz" : "").append(f != null ? " fx fy fz" : "").append('\n');
                out.append(sb);
                for (int i = 0; i < n; i++) {
                    sb.setLength(0);
                    sb.append(i + 1).append(' ').append(type[i]).append(' ').append(s.symbol(i));
                    for (int k = 0; k < 3; k++) {
                        sb.append(' ').append(x[3 * i + k]);
                    }
                    if (v != null) {
                        for (int k = 0; k < 3; k++) {
                            sb.append(' ').append(v[3 * i + k]);
                        }
                    }
                    if (f != null) {
                        for (int k = 0; k < 3; k++) {
                            sb.append(' ').append(f[3 * i + k]);
                        }
                    }
                    sb.append('\n');
                    out.append(sb);
                }
            }
        });
    }
}
