package org.peierls.potential.eam;

import java.nio.file.Path;
import org.peierls.atoms.Element;
import org.peierls.potential.PotentialFileReader;

/**
 * A DYNAMO "funcfl" single-element EAM file, as read by LAMMPS {@code pair_style eam}.
 *
 * <p>Layout: line 1 comment; line 2 atomic number, mass (amu), lattice constant, lattice type;
 * line 3 nrho, drho, nr, dr, cutoff; then nrho values of the embedding energy F(ρ) (eV) at
 * ρ = k·drho, nr values of the effective charge Z(r) (in √(Hartree·Bohr)) and nr values of the
 * atomic density ρ(r) at r = k·dr (Å), the numbers spread over lines freely. The pair energy of two
 * atoms is φ(r) = 27.2·0.529·Z<sub>i</sub>(r)Z<sub>j</sub>(r)/r eV (Hartree·Bohr → eV·Å).</p>
 *
 * @param file        where it was read from
 * @param z           atomic number (line 2)
 * @param mass        amu
 * @param nrho        number of F samples
 * @param drho        ρ spacing
 * @param nr          number of Z and ρ samples
 * @param dr          r spacing, Å
 * @param cutoff      cutoff, Å
 * @param embedding   F(k·drho) {@code [nrho]}, eV
 * @param charge      Z(k·dr) {@code [nr]}
 * @param density     ρ(k·dr) {@code [nr]}
 */
public record FuncflFile(Path file, int z, double mass, int nrho, double drho, int nr, double dr, double cutoff,
                         double[] embedding, double[] charge, double[] density) {

    /**
     * Reads a funcfl file.
     *
     * @throws org.peierls.util.InputException naming the file and line for a truncated or
     *                                         malformed file, or an unknown atomic number
     */
    public static FuncflFile read(Path path) {
        PotentialFileReader in = PotentialFileReader.open(path);
        in.line("a comment line");
        String[] head = in.lineTokens("atomic number and mass");
        if (head.length < 2) {
            throw in.error("expected atomic number and mass, found '" + String.join(" ", head) + "'");
        }
        int z = in.parseInt(head[0], "atomic number");
        if (z < 1 || z > Element.MAX_Z) {
            throw in.error("atomic number " + z + " is not an element H..Pu");
        }
        double mass = in.parseDouble(head[1], "mass");
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
            throw in.error("grid must have nrho, nr >= 5 and positive drho, dr, cutoff; found "
                    + String.join(" ", grid));
        }
        double[] f = in.doubles(nrho, "F(rho)");
        double[] zr = in.doubles(nr, "Z(r)");
        double[] rho = in.doubles(nr, "rho(r)");
        return new FuncflFile(path, z, mass, nrho, drho, nr, dr, cut, f, zr, rho);
    }

    /** Chemical symbol of the element. */
    public String element() {
        return Element.symbol(z);
    }
}
