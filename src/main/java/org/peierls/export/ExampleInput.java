package org.peierls.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.LammpsBox;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.io.AtomicWrite;
import org.peierls.io.IoOptions;
import org.peierls.io.LammpsData;
import org.peierls.properties.ElementCrystals;
import org.peierls.util.InputException;

/**
 * {@code in.example} and its data file: reads the structure, includes {@code pair.lmp}, prints the
 * energy and pressure tensor of {@code run 0} on a {@code PEIERLS_RESULT} line and writes the
 * forces ({@code forces.dump}), then runs a short NVE MD from 300 K. It runs unmodified as
 * {@code lmp -in in.example} (or under {@code mpirun}) in the export folder, and
 * {@code peierls export --verify} parses exactly that output.
 */
public final class ExampleInput {

    /** The input file name. */
    public static final String INPUT = "in.example";
    /** The data file name. */
    public static final String DATA = "structure.data";
    /** The dump of run 0's forces. */
    public static final String FORCES = "forces.dump";
    /** Steps of the NVE run. */
    public static final int MD_STEPS = 100;

    private ExampleInput() {
    }

    /**
     * A structure LAMMPS takes without {@code box tilt large} (which newer LAMMPS versions no
     * longer accept): each tilt factor of a periodic direction reduced into [−½, ½] of the box
     * length by adding lattice vectors (the same periodic crystal), atoms wrapped, velocities kept.
     */
    public static Structure lammpsReady(Structure s) {
        Cell cell = s.cell();
        boolean[] pbc = cell.pbc();
        double[] a = cell.vector(0), b = cell.vector(1), c = cell.vector(2);
        LammpsBox box = cell.toLammpsBox();
        boolean changed = false;
        if (pbc[1] && Math.abs(box.yz()) > 0.5 * box.ly()) {
            double n = Math.rint(box.yz() / box.ly());
            c = minus(c, b, n);
            changed = true;
        }
        box = Cell.of(a, b, c).withPbc(pbc).toLammpsBox();
        if (pbc[0] && Math.abs(box.xz()) > 0.5 * box.lx()) {
            c = minus(c, a, Math.rint(box.xz() / box.lx()));
            changed = true;
        }
        if (pbc[0] && Math.abs(box.xy()) > 0.5 * box.lx()) {
            b = minus(b, a, Math.rint(box.xy() / box.lx()));
            changed = true;
        }
        Structure out = changed ? s.withCell(Cell.of(a, b, c).withPbc(pbc)) : s;
        return out.wrapped();
    }

    private static double[] minus(double[] v, double[] w, double n) {
        return new double[]{v[0] - n * w[0], v[1] - n * w[1], v[2] - n * w[2]};
    }

    /**
     * The structure of an example when the user gives none: the ground-state crystal of the first
     * type's element (experimental lattice constant, {@link ElementCrystals}), repeated to at least
     * twice the cutoff and three cells per direction, every atom displaced by up to 0.05 Å (seeded)
     * so that forces and the virial are not zero by symmetry.
     */
    public static Structure defaultStructure(int element, double cutoff) {
        String el = Element.symbol(element);
        ElementCrystals.Entry e = ElementCrystals.of(el);
        if (e == null) {
            throw new InputException("export: no reference crystal of " + el + " is known; give --structure FILE");
        }
        Structure unit = switch (e.lattice()) {
            case BCC -> Lattice.bcc(el, e.a());
            case FCC -> Lattice.fcc(el, e.a());
            case HCP -> Lattice.hcp(el, e.a(), e.c());
            default -> throw new InputException("export: no example crystal for " + el + "; give --structure FILE");
        };
        double[] w = unit.cell().perpendicularWidths();
        int[] n = new int[3];
        for (int k = 0; k < 3; k++) {
            n[k] = Math.max(3, (int) Math.ceil(2 * cutoff / w[k]));
        }
        Structure s = unit.repeat(n[0], n[1], n[2]);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(20261203L);
        double[] x = s.positions();
        for (int q = 0; q < x.length; q++) {
            x[q] += 0.05 * (2 * rng.nextDouble() - 1);
        }
        return s.withPositions(x);
    }

    /**
     * Writes {@link #DATA} and {@link #INPUT} into {@code dir} for a potential already written there.
     *
     * @param s     the structure (made {@linkplain #lammpsReady LAMMPS-ready}, velocities dropped)
     * @param types elements of LAMMPS types 1, 2, …
     * @param title the potential's description, for the comment
     * @return the structure exactly as written to the data file, in LAMMPS's frame
     */
    public static Structure write(Path dir, Structure s, int[] types, String title) {
        return write(dir, s, types, title, INPUT, LammpsPotential.PAIR_FILE, true);
    }

    /**
     * The same for another input name and pair file, with or without the NVE part (a single point:
     * what an oracle needs).
     */
    public static Structure write(Path dir, Structure s, int[] types, String title, String inputName, String pairFile, boolean md) {
        Structure ready = lammpsReady(s).withVelocities(null);
        List<String> symbols = new ArrayList<>();
        for (int z : types) {
            symbols.add(Element.symbol(z));
        }
        Path data = dir.resolve(DATA);
        LammpsData.FORMAT.write(data, List.of(new Frame(ready)), new IoOptions(symbols));
        Structure written = LammpsData.read(data, symbols);
        boolean[] pbc = ready.cell().pbc();
        StringBuilder in = new StringBuilder();
        in.append("# Written by Peierls: ").append(title).append('\n');
        in.append(String.format(Locale.ROOT, "# on %s (%d atoms). Run in this folder:  lmp -in %s   (or mpirun -np 4 lmp -in %s)%n",
                ready.formula(), ready.size(), inputName, inputName));
        in.append("# The PEIERLS_RESULT line and ").append(FORCES).append(" hold run 0; 'peierls export --verify' compares them.\n\n");
        in.append("units           metal\n");
        in.append("atom_style      atomic\n");
        in.append("boundary        ").append(pbc[0] ? "p" : "f").append(' ').append(pbc[1] ? "p" : "f").append(' ')
                .append(pbc[2] ? "p" : "f").append('\n');
        in.append("read_data       ").append(DATA).append('\n');
        in.append("include         ").append(pairFile).append('\n');
        in.append("neighbor        1.0 bin\n");
        in.append("neigh_modify    every 1 delay 0 check yes\n\n");
        in.append("thermo_style    custom step pe ke etotal temp press pxx pyy pzz pyz pxz pxy\n");
        in.append("thermo_modify   format float %.15g\n");
        in.append("run             0\n");
        in.append("print           \"PEIERLS_RESULT $(pe:%.17g) $(pxx:%.17g) $(pyy:%.17g) $(pzz:%.17g) $(pyz:%.17g)"
                + " $(pxz:%.17g) $(pxy:%.17g) $(vol:%.17g) $(atoms)\"\n");
        in.append("write_dump      all custom ").append(FORCES)
                .append(" id type x y z fx fy fz modify format float %.17g sort id\n\n");
        if (!md) {
            AtomicWrite.text(dir.resolve(inputName), w -> w.write(in.toString()));
            return written;
        }
        in.append("# a short NVE run from 300 K: the potential should hold the structure together and conserve etotal\n");
        in.append("velocity        all create 300.0 4928459 mom yes rot no dist gaussian\n");
        in.append("fix             nve all nve\n");
        in.append("timestep        0.001\n");
        in.append("thermo          10\n");
        in.append("run             ").append(MD_STEPS).append('\n');
        AtomicWrite.text(dir.resolve(inputName), w -> w.write(in.toString()));
        return written;
    }
}
