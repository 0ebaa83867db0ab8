package org.peierls.potential.eam;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import org.peierls.atoms.Element;
import org.peierls.io.AtomicWrite;
import org.peierls.potential.PotentialFileReader;
import org.peierls.util.InputException;

/**
 * A DYNAMO "setfl" multi-element EAM file: LAMMPS {@code pair_style eam/alloy}, or with
 * element-pair densities {@code eam/fs} (Finnis–Sinclair).
 *
 * <p>Layout: 3 comment lines; line 4 the number of elements and their symbols; line 5 nrho,
 * drho, nr, dr, cutoff; then for each element a line "atomic number, mass, lattice constant,
 * lattice type" followed by F(ρ) at ρ = k·drho (nrho values) and the density functions at
 * r = k·dr (nr values; for eam/fs one block per element, see {@link #density}); then r·φ(r)
 * (eV·Å, nr values) for the element pairs (1,1), (2,1), (2,2), (3,1), … (i ≥ j).</p>
 *
 * @param file       where it was read from (null when built in memory)
 * @param comments   the three comment lines
 * @param elements   chemical symbols {@code [ne]} (line 4; they name the elements, the atomic
 *                   numbers on the element lines are ignored as in LAMMPS)
 * @param numbers    atomic numbers of the elements (from the symbols)
 * @param masses     amu {@code [ne]}
 * @param lattice    lattice constants and lattice-type labels as written, {@code [ne]}
 * @param finnisSinclair true for eam/fs
 * @param nrho       F samples
 * @param drho       ρ spacing
 * @param nr         r samples
 * @param dr         r spacing, Å
 * @param cutoff     cutoff, Å
 * @param embedding  {@code [ne][nrho]} F_a(k·drho), eV
 * @param density    eam/alloy: {@code [ne][1][nr]} ρ_a(r), the density an atom of element a
 *                   contributes; eam/fs: {@code [ne][ne][nr]} where {@code density[a][b]} is the
 *                   file's block b under element a, the density an atom of element a contributes
 *                   at an atom of element b (LAMMPS's reading of the format)
 * @param rphi       {@code [ne(ne+1)/2][nr]} r·φ_ab(r), eV·Å, index a(a+1)/2 + b for a ≥ b
 */
public record SetflFile(Path file, String[] comments, String[] elements, int[] numbers, double[] masses,
                        String[] lattice, boolean finnisSinclair, int nrho, double drho, int nr, double dr,
                        double cutoff, double[][] embedding, double[][][] density, double[][] rphi) {

    /** Checks array shapes against the grid sizes (for files built in memory). */
    public SetflFile {
        if (elements.length != numbers.length || elements.length != masses.length || embedding.length != elements.length
                || density.length != elements.length || rphi.length != elements.length * (elements.length + 1) / 2) {
            throw new IllegalArgumentException("setfl arrays do not match " + elements.length + " elements");
        }
        for (double[] e : embedding) {
            if (e.length != nrho) {
                throw new InputException("setfl F(rho) table has " + e.length + " values, expected nrho = " + nrho);
            }
        }
    }

    /** Index of the pair (a, b) in {@link #rphi} (either order). */
    public static int pairIndex(int a, int b) {
        int hi = Math.max(a, b), lo = Math.min(a, b);
        return hi * (hi + 1) / 2 + lo;
    }

    /**
     * Reads a setfl file.
     *
     * @param finnisSinclair true for the eam/fs layout
     * @throws InputException naming the file and line for a truncated or malformed file or an
     *                        unknown element symbol
     */
    public static SetflFile read(Path path, boolean finnisSinclair) {
        PotentialFileReader in = PotentialFileReader.open(path);
        String[] comments = {in.line("comment line 1"), in.line("comment line 2"), in.line("comment line 3")};
        String[] head = in.lineTokens("number of elements and their symbols");
        if (head.length < 1) {
            throw in.error("expected the number of elements and their symbols, found an empty line");
        }
        int ne = in.parseInt(head[0], "number of elements");
        if (ne < 1) {
            throw in.error("number of elements must be at least 1, found " + ne);
        }
        if (head.length < ne + 1) {
            throw in.error("expected " + ne + " element symbols after the count, found " + (head.length - 1));
        }
        String[] elements = new String[ne];
        int[] numbers = new int[ne];
        for (int a = 0; a < ne; a++) {
            elements[a] = head[a + 1];
            try {
                numbers[a] = Element.number(elements[a]);
            } catch (IllegalArgumentException e) {
                throw in.error("unknown element '" + elements[a] + "'");
            }
        }
        String[] grid = in.lineTokens("nrho drho nr dr cutoff");
        if (grid.length < 5) {
            throw in.error("expected 5 numbers 'nrho drho nr dr cutoff', found " + grid.length);
        }
        int nrho = in.parseInt(grid[0], "nrho");
        double drho = in.parseDouble(grid[1], "drho");
        int nr = in.parseInt(grid[2], "nr");
        double dr = in.parseDouble(grid[3], "dr");
        double cut = in.parseDouble(grid[4], "cutoff");
        if (nrho < 5 || nr < 5 || !(drho > 0) || !(dr > 0) || !(cut > 0)) {
            throw in.error("grid must have nrho, nr >= 5 and positive drho, dr, cutoff; found " + String.join(" ", grid));
        }
        double[] masses = new double[ne];
        String[] lattice = new String[ne];
        double[][] f = new double[ne][];
        double[][][] rho = new double[ne][][];
        int blocks = finnisSinclair ? ne : 1;
        for (int a = 0; a < ne; a++) {
            String[] line = in.lineTokens("the line 'atomic number, mass, lattice constant, lattice type' of " + elements[a]);
            if (line.length < 2) {
                throw in.error("expected 'atomic number, mass, lattice constant, lattice type' for " + elements[a]
                        + ", found '" + String.join(" ", line) + "'");
            }
            in.parseDouble(line[0], "atomic number of " + elements[a]);
            masses[a] = in.parseDouble(line[1], "mass of " + elements[a]);
            lattice[a] = line.length > 2 ? String.join(" ", java.util.Arrays.copyOfRange(line, 2, line.length)) : "";
            f[a] = in.doubles(nrho, "F(rho) of " + elements[a]);
            rho[a] = new double[blocks][];
            for (int b = 0; b < blocks; b++) {
                rho[a][b] = in.doubles(nr, finnisSinclair ? "rho(r) of " + elements[a] + " at " + elements[b]
                        : "rho(r) of " + elements[a]);
            }
        }
        double[][] rphi = new double[ne * (ne + 1) / 2][];
        for (int a = 0; a < ne; a++) {
            for (int b = 0; b <= a; b++) {
                rphi[pairIndex(a, b)] = in.doubles(nr, "r*phi(r) of " + elements[a] + "-" + elements[b]);
            }
        }
        return new SetflFile(path, comments, elements, numbers, masses, lattice, finnisSinclair, nrho, drho, nr, dr,
                cut, f, rho, rphi);
    }

    /** Number of elements. */
    public int size() {
        return elements.length;
    }

    /**
     * Writes this file in setfl layout (eam/alloy or eam/fs as {@link #finnisSinclair}), five numbers
     * per line in {@code %24.16E} (a space always before each), through a temporary file renamed into place.
     */
    public void write(Path path) {
        AtomicWrite.text(path, w -> {
            for (int i = 0; i < 3; i++) {
                w.write(i < comments.length ? comments[i] : "");
                w.write('\n');
            }
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%5d", elements.length));
            for (String e : elements) {
                sb.append(' ').append(e);
            }
            w.write(sb.append('\n').toString());
            // explicit spaces: a 5-digit count would run into the preceding number otherwise
            w.write(String.format(Locale.ROOT, "%5d %23.16E %5d %23.16E %23.16E%n", nrho, drho, nr, dr, cutoff));
            for (int a = 0; a < elements.length; a++) {
                w.write(String.format(Locale.ROOT, "%5d%15.5f%15.5f    %s%n", numbers[a], masses[a],
                        latticeConstant(a), latticeType(a)));
                writeValues(w, embedding[a]);
                for (double[] block : density[a]) {
                    writeValues(w, block);
                }
            }
            for (double[] t : rphi) {
                writeValues(w, t);
            }
        });
    }

    private double latticeConstant(int a) {
        String[] t = lattice[a].trim().split("\\s+");
        try {
            return Double.parseDouble(t[0]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return 0;
        }
    }

    private String latticeType(int a) {
        String[] t = lattice[a].trim().split("\\s+");
        return t.length > 1 ? t[1] : "fcc";
    }

    private static void writeValues(Writer w, double[] v) throws IOException {
        StringBuilder sb = new StringBuilder(v.length * 25);
        for (int i = 0; i < v.length; i++) {
            sb.append(String.format(Locale.ROOT, " %23.16E", v[i]));   // always a space, even before E-100
            if (i % 5 == 4 || i == v.length - 1) {
                sb.append('\n');
            }
        }
        w.write(sb.toString());
    }

}
