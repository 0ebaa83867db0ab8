package org.peierls.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Units;

/**
 * Errors of predictions against labels over a set of configurations: energy per atom (meV/atom),
 * force components (eV/Å, each Cartesian component of each atom one sample) and stress components
 * (GPa, the components a configuration uses). NaN where there was nothing to compare. Force
 * components are taken in the data's frame unless a {@link ForceFrame} says otherwise.
 *
 * @param energyMae  mean |ΔE|/N, meV/atom
 * @param energyRmse root mean square ΔE/N, meV/atom
 * @param forceMae   mean |ΔF_component|, eV/Å
 * @param forceRmse  root mean square ΔF_component, eV/Å
 * @param stressMae  mean |Δσ_component|, GPa
 * @param configs    number of configurations
 */
public record Metrics(double energyMae, double energyRmse, double forceMae, double forceRmse, double stressMae,
                      int configs) {

    /** No configurations. */
    public static final Metrics EMPTY = new Metrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

    /** The JSON object of {@code metrics.json} (NaN written as null by the caller's mapper). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy_mae_mev_per_atom", nullIfNaN(energyMae));
        m.put("energy_rmse_mev_per_atom", nullIfNaN(energyRmse));
        m.put("force_mae_ev_per_a", nullIfNaN(forceMae));
        m.put("force_rmse_ev_per_a", nullIfNaN(forceRmse));
        m.put("stress_mae_gpa", nullIfNaN(stressMae));
        m.put("n_configs", configs);
        return m;
    }

    private static Object nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** Accumulates errors; not thread-safe. */
    public static final class Accumulator {
        private final ForceFrame frame;
        private int configs;
        private long ne, nf, ns;
        private double eAbs, eSq, fAbs, fSq, sAbs;

        /** Force errors in the data's frame. */
        public Accumulator() {
            this(ForceFrame.DATA);
        }

        /** Force errors in the given frame. */
        public Accumulator(ForceFrame frame) {
            this.frame = frame;
        }

        /** Adds the errors of one configuration. */
        public void add(Configuration c, Prediction p) {
            configs++;
            Labels l = c.labels();
            int n = c.atoms();
            if (l.hasEnergy() && !Double.isNaN(p.energy())) {
                double d = (p.energy() - l.energy()) / n * 1000.0;
                eAbs += Math.abs(d);
                eSq += d * d;
                ne++;
            }
            if (l.hasForces() && p.forces() != null) {
                double[] f = l.forces();
                double[] q = p.forces();
                org.peierls.atoms.Cell cell = c.structure().cell();
                double[] rot = frame == ForceFrame.LAMMPS && !cell.isLammpsForm() ? cell.rotationToLammps() : null;
                for (int i = 0; i < f.length; i += 3) {
                    double dx = q[i] - f[i], dy = q[i + 1] - f[i + 1], dz = q[i + 2] - f[i + 2];
                    if (rot != null) {
                        // row vectors: e' = e·R
                        double ex = dx * rot[0] + dy * rot[3] + dz * rot[6];
                        double ey = dx * rot[1] + dy * rot[4] + dz * rot[7];
                        double ez = dx * rot[2] + dy * rot[5] + dz * rot[8];
                        dx = ex;
                        dy = ey;
                        dz = ez;
                    }
                    fAbs += Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
                    fSq += dx * dx + dy * dy + dz * dz;
                }
                nf += f.length;
            }
            if (l.hasStress() && p.stress() != null) {
                double[] s = l.stress();
                for (int v = 0; v < 6; v++) {
                    if (c.usesStress(v)) {
                        sAbs += Math.abs(p.stress()[v] - s[v] * Units.EV_PER_A3_TO_GPA);
                        ns++;
                    }
                }
            }
        }

        public Metrics metrics() {
            if (configs == 0) {
                return EMPTY;
            }
            return new Metrics(ne == 0 ? Double.NaN : eAbs / ne, ne == 0 ? Double.NaN : Math.sqrt(eSq / ne),
                    nf == 0 ? Double.NaN : fAbs / nf, nf == 0 ? Double.NaN : Math.sqrt(fSq / nf),
                    ns == 0 ? Double.NaN : sAbs / ns, configs);
        }
    }
}
