package org.peierls.sim.md;

import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.potential.Results;
import org.peierls.sim.ForceField;

/**
 * Isothermal–isobaric (NPT) dynamics with the Martyna–Tobias–Klein barostat (J. Chem. Phys. 101,
 * 4177 (1994)) and Nosé–Hoover chains on the particles and on the barostat, integrated with the
 * measure-preserving Trotter factorisation of Tuckerman, Alejandre, López-Rendón, Jochim &amp;
 * Martyna, J. Phys. A 39, 5629 (2006):
 * <pre>
 *   ṙᵢ = vᵢ + v_g rᵢ            ḣ = v_g h            v_g = p_g / W
 *   v̇ᵢ = Fᵢ/mᵢ − (v_g + Tr(v_g)/N_f) vᵢ − v_ξ vᵢ
 *   ṗ_g = V(P_int − P_ext I) + (2K/N_f) I − v_η p_g,   V P_int = Σ m v⊗v + W_virial
 * </pre>
 * Each step: barostat chain, particle chain, ½Δt on p_g, ½Δt on v (exact matrix exponential
 * with constant forces), Δt on r and the cell (exact), new forces, then the same in reverse.
 *
 * <p>{@link Coupling#ISO} scales the cell uniformly (p_g = p_ε I, one degree of freedom);
 * {@link Coupling#ANISO} lets the three diagonal strains move independently, each driven to
 * P_ext; {@link Coupling#TRI} also lets the three shear strains move (driven to zero shear
 * stress), for triclinic cells. The barostat mass is W = (N_f + 3) k_B T τ_P² (ISO), divided by 3
 * per component otherwise.</p>
 *
 * <p>Extended variables: {@code [ξ (M), v_ξ (M), η (M), v_η (M), p_g (9, row-major, eV·ps)]}.
 * The conserved quantity is K + U + P_ext V + K_baro + the two chains' energies, with K_baro =
 * p_ε²/2W (ISO) or Σ p_ab²/2W.</p>
 */
public final class MtkBarostat implements Integrator {

    /** Which cell components the barostat moves. */
    public enum Coupling {
        ISO(1), ANISO(3), TRI(6);

        private final int dof;

        Coupling(int dof) {
            this.dof = dof;
        }

        /** Degrees of freedom of the cell. */
        public int dof() {
            return dof;
        }
    }

    private final ForceField forceField;
    private final double dt;
    private final double temperature;
    private final double pressure;
    private final double tauT;
    private final double tauP;
    private final int chainLength;
    private final Coupling coupling;

    /**
     * @param dt          time step, ps
     * @param temperature target temperature, K (&gt; 0)
     * @param pressure    target pressure P_ext, eV/Å³ (positive = compressive; GPa /
     *                    {@link Units#EV_PER_A3_TO_GPA})
     * @param tauT        thermostat period, ps (about 100 Δt)
     * @param tauP        barostat period, ps (about 1000 Δt)
     * @param chainLength thermostat chain length M (3 is usual)
     */
    public MtkBarostat(ForceField forceField, double dt, double temperature, double pressure, double tauT, double tauP,
                       int chainLength, Coupling coupling) {
        this.forceField = forceField;
        this.dt = Steps.requirePositive(dt, "time step");
        this.temperature = Steps.requirePositive(temperature, "NPT temperature");
        if (!Double.isFinite(pressure)) {
            throw new IllegalArgumentException("target pressure must be finite");
        }
        this.pressure = pressure;
        this.tauT = Steps.requirePositive(tauT, "thermostat period");
        this.tauP = Steps.requirePositive(tauP, "barostat period");
        if (chainLength < 1) {
            throw new IllegalArgumentException("chain length must be ≥ 1, got " + chainLength);
        }
        this.chainLength = chainLength;
        this.coupling = coupling;
    }

    private double kt() {
        return Units.BOLTZMANN_EV_PER_K * temperature;
    }

    private NoseHooverChain particleChain(int atoms) {
        return new NoseHooverChain(chainLength, kt(), degreesOfFreedom(atoms), tauT);
    }

    private NoseHooverChain barostatChain() {
        return new NoseHooverChain(chainLength, kt(), coupling.dof(), tauT);
    }

    /** Barostat mass W, eV·ps². */
    double mass(int atoms) {
        double w = (degreesOfFreedom(atoms) + 3) * kt() * tauP * tauP;
        return coupling == Coupling.ISO ? w : w / 3;
    }

    private int pgOffset() {
        return 4 * chainLength;
    }

    @Override
    public MdState init(Structure structure) {
        return resume(structure, 0, 0, new double[4 * chainLength + 9]);
    }

    @Override
    public MdState resume(Structure structure, long step, double time, double[] extended) {
        if (extended.length != 4 * chainLength + 9) {
            throw new IllegalArgumentException("NPT state needs " + (4 * chainLength + 9) + " extended variables, got " + extended.length);
        }
        if (!structure.cell().fullyPeriodic()) {
            throw new IllegalArgumentException("NPT needs a cell periodic in all three directions");
        }
        return Steps.evaluate(forceField, Steps.withVelocities(structure), null, step, time, extended);
    }

    @Override
    public MdState step(MdState s) {
        Structure st = s.structure();
        int n = st.size();
        double w = mass(n);
        int nf = degreesOfFreedom(n);
        NoseHooverChain pc = particleChain(n);
        NoseHooverChain bc = barostatChain();
        double[] vars = s.extended().clone();
        int po = pgOffset();
        double[] x = st.positions();
        double[] v = st.velocities();
        double h = 0.5 * dt;

        halfChains(st, vars, v, pc, bc, w, h);
        updateCellMomentum(st, vars, v, s.virial(), st.cell().volume(), nf, h);
        updateVelocities(st, v, s.forces(), vars, w, nf, h);

        // Positions and cell: r ← e^{v_g Δt} r + Δt φ(v_g Δt) v ; h ← e^{v_g Δt} h
        double[] m = new double[9];
        for (int i = 0; i < 9; i++) {
            m[i] = vars[po + i] / w * dt;
        }
        double[] e = new double[9];
        double[] phi = new double[9];
        MatrixFunctions.expAndPhi(m, e, phi);
        for (int i = 0; i < n; i++) {
            double rx = x[3 * i], ry = x[3 * i + 1], rz = x[3 * i + 2];
            double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
            for (int a = 0; a < 3; a++) {
                x[3 * i + a] = e[3 * a] * rx + e[3 * a + 1] * ry + e[3 * a + 2] * rz
                        + dt * (phi[3 * a] * vx + phi[3 * a + 1] * vy + phi[3 * a + 2] * vz);
            }
        }
        Structure moved = st.withCell(st.cell().deformed(e)).withPositions(x);

        ForceField.Evaluation ev = forceField.evaluate(moved, s.neighbors());
        Results r = ev.results();
        updateVelocities(moved, v, r.forces(), vars, w, nf, h);
        updateCellMomentum(moved, vars, v, r.virial(), moved.cell().volume(), nf, h);
        halfChains(moved, vars, v, pc, bc, w, h);

        Structure next = moved.withVelocities(v);
        return new MdState(next, r.forces(), r.energy(), r.virial(), s.step() + 1, s.time() + dt, ev.neighbors(), vars);
    }

    /** Both chains for time h: the barostat chain scales p_g, the particle chain scales v. */
    private void halfChains(Structure st, double[] vars, double[] v, NoseHooverChain pc, NoseHooverChain bc, double w, double h) {
        int po = pgOffset();
        double sb = bc.propagate(vars, 2 * chainLength, 2 * barostatKinetic(vars, w), h);
        for (int i = 0; i < 9; i++) {
            vars[po + i] *= sb;
        }
        Steps.scale(v, pc.propagate(vars, 0, Kinetics.twiceKinetic(st, v), h));
    }

    /** p_g ← p_g + h G_g, G_g = K + W − P_ext V I + (2K/N_f) I, restricted to the coupling. */
    private void updateCellMomentum(Structure st, double[] vars, double[] v, double[] virial, double volume, int nf, double h) {
        int po = pgOffset();
        double[] k = Kinetics.kineticTensor(st, v);
        double[] g = Mat3.fromVoigt(new double[]{k[0] + virial[0], k[1] + virial[1], k[2] + virial[2],
                k[3] + virial[3], k[4] + virial[4], k[5] + virial[5]});
        double diag = -pressure * volume + (k[0] + k[1] + k[2]) / nf;
        for (int a = 0; a < 3; a++) {
            g[4 * a] += diag;
        }
        switch (coupling) {
            case ISO -> {
                double tr = g[0] + g[4] + g[8];
                for (int a = 0; a < 3; a++) {
                    vars[po + 4 * a] += h * tr;
                }
            }
            case ANISO -> {
                for (int a = 0; a < 3; a++) {
                    vars[po + 4 * a] += h * g[4 * a];
                }
            }
            case TRI -> {
                for (int i = 0; i < 9; i++) {
                    vars[po + i] += h * g[i];
                }
            }
        }
    }

    /** v ← e^{−A h} v + h φ(−A h) F/m with A = v_g + Tr(v_g)/N_f I. */
    private void updateVelocities(Structure st, double[] v, double[] f, double[] vars, double w, int nf, double h) {
        int po = pgOffset();
        double tr = (vars[po] + vars[po + 4] + vars[po + 8]) / w;
        double[] m = new double[9];
        for (int i = 0; i < 9; i++) {
            m[i] = -vars[po + i] / w * h;
        }
        for (int a = 0; a < 3; a++) {
            m[4 * a] -= tr / nf * h;
        }
        double[] e = new double[9];
        double[] phi = new double[9];
        MatrixFunctions.expAndPhi(m, e, phi);
        for (int i = 0; i < st.size(); i++) {
            double c = h * Units.FTM2V / st.mass(i);
            double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
            double ax = c * f[3 * i], ay = c * f[3 * i + 1], az = c * f[3 * i + 2];
            for (int a = 0; a < 3; a++) {
                v[3 * i + a] = e[3 * a] * vx + e[3 * a + 1] * vy + e[3 * a + 2] * vz
                        + phi[3 * a] * ax + phi[3 * a + 1] * ay + phi[3 * a + 2] * az;
            }
        }
    }

    /** Barostat kinetic energy, eV. */
    private double barostatKinetic(double[] vars, double w) {
        int po = pgOffset();
        if (coupling == Coupling.ISO) {
            return vars[po] * vars[po] / (2 * w);
        }
        double s = 0;
        for (int i = 0; i < 9; i++) {
            s += vars[po + i] * vars[po + i];
        }
        return s / (2 * w);
    }

    @Override
    public double timestep() {
        return dt;
    }

    @Override
    public double conservedEnergy(MdState s) {
        double[] vars = s.extended();
        return s.potentialEnergy() + s.kineticEnergy() + pressure * s.volume() + barostatKinetic(vars, mass(s.atoms()))
                + particleChain(s.atoms()).energy(vars, 0) + barostatChain().energy(vars, 2 * chainLength);
    }

    @Override
    public int degreesOfFreedom(int atoms) {
        return Math.max(1, 3 * atoms - 3);
    }

    public double targetTemperature() {
        return temperature;
    }

    /** Target pressure, eV/Å³. */
    public double targetPressure() {
        return pressure;
    }

    public Coupling coupling() {
        return coupling;
    }

    @Override
    public String describe() {
        return "npt mtk-" + coupling.name().toLowerCase(java.util.Locale.ROOT) + " T=" + temperature + " K P="
                + pressure * Units.EV_PER_A3_TO_GPA + " GPa tauT=" + tauT + " ps tauP=" + tauP + " ps dt=" + dt + " ps";
    }
}
