package org.peierls.sim.min;

import org.peierls.atoms.Cell;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.optim.Minimizable;
import org.peierls.potential.Results;
import org.peierls.sim.ForceField;

/**
 * Atomic positions and the cell together as a {@link Minimizable}, relaxing toward a target
 * stress (the idea of ASE's UnitCellFilter and LAMMPS's fix box/relax).
 *
 * <p><b>Parametrisation.</b> The cell is a symmetric deformation F of the reference cell H₀
 * (rows a, b, c): each lattice vector becomes a' = F a, and each atom r = F r̃ where r̃ are the
 * reference-frame positions. With Voigt strain components e (xx, yy, zz, yz, xz, xy),
 * F = I + [[e₀, e₅, e₄], [e₅, e₁, e₃], [e₄, e₃, e₂]] (no rotation). The degrees of freedom are the
 * free components of r̃ (Å), then the free strain components times {@code cellFactor}
 * (default N, as in ASE), y = c·e.</p>
 *
 * <p><b>Value.</b> With the target stress σ* (positive = tensile) split as −p I + s*:
 * <pre>
 *   G(r̃, F) = E(F r̃, H₀Fᵀ) + p V(F) − V₀ s* : (F − I)
 * </pre>
 * Stationary points have σ = −p I + (V₀/V) s*: exact for a hydrostatic target (the enthalpy
 * E + pV), first order in strain for the deviatoric part.</p>
 *
 * <p><b>Gradient</b> (exact, so line searches work): with forces f and the virial W (−∂E/∂ε,
 * LAMMPS sign), ∂G/∂r̃ᵢ = −Fᵀ fᵢ and ∂G/∂F = −(W − pV I) F⁻ᵀ − V₀ s*; the gradient with respect to
 * an off-diagonal strain sums both off-diagonal entries, and ∂G/∂y = (∂G/∂e)/c.</p>
 *
 * <p>Force measure: the largest per-atom norm of the free atomic gradient, or the largest
 * |∂G/∂y| (eV, that is Ω|σ − σ*| per atom for c = N), whichever is larger. Step measure: the
 * largest atom step, or the largest displacement of a lattice vector tip |ΔF a| (Å).</p>
 */
public final class CellMinimizable implements Minimizable {

    /** Voigt component index → (row, column) of the 3×3 matrix. */
    private static final int[][] VOIGT = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};

    private final Structure structure;
    private final ForceField forceField;
    private final int[] atomDof;
    private final int[] cellDof;
    private final double[] base;
    private final double[] h0;
    private final double v0;
    private final double pressure;
    private final double[] deviator;
    private final double cellFactor;
    private final double[] perAtom;
    private NeighborList list;
    private Results last;

    /**
     * @param structure    starting structure and reference cell H₀ (must be fully periodic)
     * @param forceField   potential and neighbor skin
     * @param atoms        which atomic components move
     * @param cellMask     which Voigt strain components relax {@code [6]} (true = free)
     * @param targetStress target stress σ*, Voigt, eV/Å³, positive = tensile {@code [6]}
     * @param cellFactor   scale c of the strain degrees of freedom (&gt; 0; N in ASE)
     */
    public CellMinimizable(Structure structure, ForceField forceField, DofMask atoms, boolean[] cellMask,
                           double[] targetStress, double cellFactor) {
        if (!structure.cell().fullyPeriodic()) {
            throw new IllegalArgumentException("cell relaxation needs a cell periodic in all three directions");
        }
        if (atoms.atoms() != structure.size()) {
            throw new IllegalArgumentException("mask for " + atoms.atoms() + " atoms, structure has " + structure.size());
        }
        if (cellMask.length != 6 || targetStress.length != 6) {
            throw new IllegalArgumentException("cell mask and target stress need 6 Voigt components");
        }
        if (!(cellFactor > 0)) {
            throw new IllegalArgumentException("cell factor must be positive, got " + cellFactor);
        }
        this.structure = structure;
        this.forceField = forceField;
        this.atomDof = atoms.freeIndices();
        int nc = 0;
        for (boolean b : cellMask) {
            nc += b ? 1 : 0;
        }
        this.cellDof = new int[nc];
        int c = 0;
        for (int v = 0; v < 6; v++) {
            if (cellMask[v]) {
                cellDof[c++] = v;
            }
        }
        this.base = structure.positions();
        this.h0 = structure.cell().matrix();
        this.v0 = structure.cell().volume();
        this.pressure = -(targetStress[0] + targetStress[1] + targetStress[2]) / 3.0;
        double[] s = Mat3.fromVoigt(targetStress);
        for (int a = 0; a < 3; a++) {
            s[4 * a] += pressure;
        }
        this.deviator = s;
        this.cellFactor = cellFactor;
        this.perAtom = new double[structure.size()];
    }

    /** Every strain component free toward zero stress, c = N. */
    public static CellMinimizable zeroStress(Structure structure, ForceField forceField) {
        boolean[] all = {true, true, true, true, true, true};
        return new CellMinimizable(structure, forceField, DofMask.of(structure), all, new double[6], structure.size());
    }

    @Override
    public int dimension() {
        return atomDof.length + cellDof.length;
    }

    @Override
    public double[] start() {
        double[] x = new double[dimension()];
        for (int k = 0; k < atomDof.length; k++) {
            x[k] = base[atomDof[k]];
        }
        return x;
    }

    /** The deformation F (3×3 row-major, symmetric) at point {@code x}. */
    public double[] deformationAt(double[] x) {
        double[] f = Mat3.identity();
        for (int c = 0; c < cellDof.length; c++) {
            double e = x[atomDof.length + c] / cellFactor;
            int[] rc = VOIGT[cellDof[c]];
            f[3 * rc[0] + rc[1]] += e;
            if (rc[0] != rc[1]) {
                f[3 * rc[1] + rc[0]] += e;
            }
        }
        return f;
    }

    /** The structure (deformed cell and positions) at point {@code x}. */
    public Structure structureAt(double[] x) {
        double[] f = deformationAt(x);
        double[] rt = base.clone();
        for (int k = 0; k < atomDof.length; k++) {
            rt[atomDof[k]] = x[k];
        }
        double[] r = new double[rt.length];
        for (int i = 0; i < rt.length; i += 3) {
            double a = rt[i], b = rt[i + 1], cc = rt[i + 2];
            r[i] = f[0] * a + f[1] * b + f[2] * cc;
            r[i + 1] = f[3] * a + f[4] * b + f[5] * cc;
            r[i + 2] = f[6] * a + f[7] * b + f[8] * cc;
        }
        Cell cell = structure.cell().deformed(f);
        return structure.withCell(cell).withPositions(r);
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        double[] f = deformationAt(x);
        Structure s = structureAt(x);
        ForceField.Evaluation ev = forceField.evaluate(s, list);
        list = ev.neighbors();
        last = ev.results();
        double[] forces = last.forces();
        // ∂G/∂r̃ = −Fᵀ f (F symmetric).
        int k = 0;
        while (k < atomDof.length) {
            int atom = atomDof[k] / 3;
            double fx = forces[3 * atom], fy = forces[3 * atom + 1], fz = forces[3 * atom + 2];
            while (k < atomDof.length && atomDof[k] / 3 == atom) {
                int comp = atomDof[k] % 3;
                gradient[k] = -(f[comp] * fx + f[3 + comp] * fy + f[6 + comp] * fz);
                k++;
            }
        }
        double volume = s.cell().volume();
        double[] w = Mat3.fromVoigt(last.virial());
        for (int a = 0; a < 3; a++) {
            w[4 * a] -= pressure * volume;
        }
        // ∂G/∂F = −(W − pV I) F⁻ᵀ − V₀ s*
        double[] dgdf = Mat3.mul(w, Mat3.transpose(Mat3.inverse(f)));
        for (int i = 0; i < 9; i++) {
            dgdf[i] = -dgdf[i] - v0 * deviator[i];
        }
        for (int c = 0; c < cellDof.length; c++) {
            int[] rc = VOIGT[cellDof[c]];
            double g = dgdf[3 * rc[0] + rc[1]];
            if (rc[0] != rc[1]) {
                g += dgdf[3 * rc[1] + rc[0]];
            }
            gradient[atomDof.length + c] = g / cellFactor;
        }
        double work = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                work += deviator[3 * a + b] * (f[3 * a + b] - (a == b ? 1 : 0));
            }
        }
        return last.energy() + pressure * volume - v0 * work;
    }

    /** Results of the last evaluation (null before the first). */
    public Results lastResults() {
        return last;
    }

    @Override
    public double forceNorm(double[] gradient) {
        double m = maxAtomSquare(gradient);
        for (int c = 0; c < cellDof.length; c++) {
            double g = gradient[atomDof.length + c];
            m = Math.max(m, g * g);
        }
        return Math.sqrt(m);
    }

    @Override
    public double stepNorm(double[] dx) {
        double m = maxAtomSquare(dx);
        if (cellDof.length > 0) {
            double[] df = new double[9];
            for (int c = 0; c < cellDof.length; c++) {
                double e = dx[atomDof.length + c] / cellFactor;
                int[] rc = VOIGT[cellDof[c]];
                df[3 * rc[0] + rc[1]] += e;
                if (rc[0] != rc[1]) {
                    df[3 * rc[1] + rc[0]] += e;
                }
            }
            for (int i = 0; i < 3; i++) {
                double s = 0;
                for (int a = 0; a < 3; a++) {
                    double t = df[3 * a] * h0[3 * i] + df[3 * a + 1] * h0[3 * i + 1] + df[3 * a + 2] * h0[3 * i + 2];
                    s += t * t;
                }
                m = Math.max(m, s);
            }
        }
        return Math.sqrt(m);
    }

    private double maxAtomSquare(double[] v) {
        java.util.Arrays.fill(perAtom, 0);
        for (int k = 0; k < atomDof.length; k++) {
            perAtom[atomDof[k] / 3] += v[k] * v[k];
        }
        double m = 0;
        for (double p : perAtom) {
            m = Math.max(m, p);
        }
        return m;
    }
}
