package org.peierls.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;

/** Random triclinic multi-species frames with labels, for round-trip tests. */
final class RandomFrames {

    private RandomFrames() {
    }

    /** A right-handed, general (not lower-triangular) triclinic cell about {@code size} Å wide. */
    static Cell generalCell(Random rnd, double size) {
        double[] h = new double[9];
        for (int i = 0; i < 9; i++) {
            h[i] = (i % 4 == 0 ? size : 0) + (rnd.nextDouble() - 0.5) * 0.4 * size;
        }
        return Cell.periodic(h);
    }

    /** A LAMMPS-form (lower-triangular) cell with tilts. */
    static Cell lammpsCell(Random rnd, double size) {
        double lx = size * (0.8 + 0.4 * rnd.nextDouble());
        double ly = size * (0.8 + 0.4 * rnd.nextDouble());
        double lz = size * (0.8 + 0.4 * rnd.nextDouble());
        double xy = (rnd.nextDouble() - 0.5) * 0.5 * lx;
        double xz = (rnd.nextDouble() - 0.5) * 0.5 * lx;
        double yz = (rnd.nextDouble() - 0.5) * 0.5 * ly;
        return Cell.periodic(new double[]{lx, 0, 0, xy, ly, 0, xz, yz, lz});
    }

    /** Atoms at random fractional positions (some slightly outside [0, 1)) of the given species. */
    static Structure structure(Random rnd, Cell cell, int n, String... species) {
        int[] z = new int[n];
        double[] s = new double[3 * n];
        for (int i = 0; i < n; i++) {
            z[i] = Element.number(species[rnd.nextInt(species.length)]);
            for (int k = 0; k < 3; k++) {
                s[3 * i + k] = -0.05 + 1.1 * rnd.nextDouble();
            }
        }
        return new Structure(cell, z, cell.toCartesian(s));
    }

    static double[] randomArray(Random rnd, int len, double scale) {
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = (rnd.nextDouble() - 0.5) * 2 * scale;
        }
        return a;
    }

    static double[] randomStress(Random rnd) {
        return randomArray(rnd, 6, 0.05);
    }

    static Labels labels(Random rnd, Structure s) {
        return new Labels(-3.7 * s.size() + rnd.nextGaussian(), randomArray(rnd, 3 * s.size(), 2.0), randomStress(rnd));
    }

    /** Several frames with everything extended XYZ carries: masses, velocities, info, arrays, groups. */
    static List<Frame> rich(Random rnd, int count) {
        List<Frame> frames = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            Cell cell = f % 2 == 0 ? generalCell(rnd, 7 + f) : lammpsCell(rnd, 9);
            if (f == 2) {
                cell = cell.withPbc(new boolean[]{true, true, false});
            }
            Structure s = structure(rnd, cell, 5 + rnd.nextInt(20), "Cu", "Ta", "Ni");
            int n = s.size();
            double[] m = s.masses();
            m[0] = 200.5 + rnd.nextDouble();
            double[] v = randomArray(rnd, 3 * n, 10);
            s = new Structure(s.cell(), s.numbers(), s.positions(), m, v);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("temperature", 300.0 + rnd.nextDouble());
            info.put("step", 42 + f);
            info.put("relaxed", f % 2 == 0);
            info.put("note", "a note with spaces and \"quotes\"");
            info.put("method", "PBE");
            info.put("kpts", new int[]{4, 4, 2});
            info.put("dipole", randomArray(rnd, 3, 1));
            s = s.withInfo(info);
            Map<String, Object> arrays = new LinkedHashMap<>();
            arrays.put("charge", randomArray(rnd, n, 1));
            arrays.put("tags", new int[n]);
            boolean[] fixed = new boolean[3 * n];
            fixed[1] = true;
            arrays.put("fixed", fixed);
            String[] label = new String[n];
            for (int i = 0; i < n; i++) {
                label[i] = "site" + i;
            }
            arrays.put("site", label);
            s = s.withArrays(arrays);
            Labels l = f == 1 ? new Labels(-12.5, null, null) : labels(rnd, s);
            frames.add(new Frame(s, l, f == 0 ? "" : "group_" + f));
        }
        // a non-periodic molecule without a cell and without labels
        Structure mol = Structure.builder(new Cell(new double[9], new boolean[3]))
                .add("H", 0, 0, 0).add("O", 0.1, 0.9, -0.2).add("H", 1e-17, -3.3333333333333335, 7).build();
        frames.add(new Frame(mol));
        return frames;
    }
}
