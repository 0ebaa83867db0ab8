package org.peierls.properties;

import org.peierls.atoms.Lattice;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.defects.DefectGeometry;
import org.peierls.defects.PointDefects;
import org.peierls.potential.Potential;

/**
 * The perfect crystal the defect energies are measured against: a potential, an element, its
 * lattice and lattice parameters, and the bulk energy per atom there.
 *
 * @param potential     the potential
 * @param element       element symbol
 * @param lattice       bcc, fcc or hcp
 * @param a             lattice constant, Å (hcp: the basal a)
 * @param c             hcp c, Å; NaN for cubic lattices
 * @param energyPerAtom energy per atom of the perfect crystal at (a, c), eV
 */
public record ReferenceCrystal(Potential potential, String element, LatticeType lattice, double a, double c, double energyPerAtom) {

    public ReferenceCrystal {
        if (lattice != LatticeType.BCC && lattice != LatticeType.FCC && lattice != LatticeType.HCP) {
            throw new IllegalArgumentException("the defect battery takes bcc, fcc or hcp, got " + lattice.label());
        }
        if (!(a > 0) || (lattice == LatticeType.HCP && !(c > 0))) {
            throw new IllegalArgumentException("lattice parameters must be positive, got a = " + a + ", c = " + c);
        }
    }

    /**
     * The reference at lattice constant a (c for hcp), with the energy per atom computed from the
     * potential.
     */
    public static ReferenceCrystal at(Potential potential, String element, LatticeType lattice, double a, double c) {
        Structure cell = lattice == LatticeType.HCP ? Lattice.hcpOrthogonal(element, a, c)
                : Lattice.cubic(lattice, new String[]{element}, a);
        double e = potential.compute(cell).energy() / cell.size();
        return new ReferenceCrystal(potential, element, lattice, a, lattice == LatticeType.HCP ? c : Double.NaN, e);
    }

    /** The same crystal evaluated with another potential object (e.g. a guarded wrapper of the same one). */
    public ReferenceCrystal withPotential(Potential p) {
        return new ReferenceCrystal(p, element, lattice, a, c, energyPerAtom);
    }

    public boolean cubic() {
        return lattice != LatticeType.HCP;
    }

    /**
     * A perfect supercell: the conventional cube n × n × n for bcc/fcc; for hcp the orthohexagonal
     * cell repeated n × ⌈n/√3⌉ × ⌈n·a/c⌉ (roughly cubic).
     */
    public Structure supercell(int n) {
        if (cubic()) {
            return PointDefects.supercell(lattice, element, a, n);
        }
        int ny = Math.max(1, (int) Math.round(n / Math.sqrt(3)));
        int nz = Math.max(1, (int) Math.round(n * a / c));
        return PointDefects.hcpSupercell(element, a, c, n, ny, nz);
    }

    /** Nearest-neighbour distance, Å (hcp: min(a, √(a²/3 + c²/4))). */
    public double nearestNeighbour() {
        if (cubic()) {
            return DefectGeometry.nearestNeighbourDistance(lattice, a);
        }
        return Math.min(a, Math.sqrt(a * a / 3 + c * c / 4));
    }

    /** Volume per atom, Å³. */
    public double volumePerAtom() {
        return switch (lattice) {
            case BCC -> a * a * a / 2;
            case FCC -> a * a * a / 4;
            default -> Math.sqrt(3) / 4 * a * a * c;
        };
    }
}
