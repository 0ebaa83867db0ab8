package org.peierls.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Units;

/**
 * Errors of predictions against labels over a set of configurations: energy per atom (meV/atom),
 * force components (eV/Å, each Cartesian component of each atom one sample) and stress components
 * (GPa, the components a configuration uses). NaN where there was nothing to compare.
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
        private int configs;
        private long ne, nf, ns;
        private double eAbs, eSq, fAbs, fSq, sAbs;

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
                for (int k = 0; k < f.length; k++) {
                    double d = q[k] - f[k];
                    fAbs += Math.abs(d);
                    fSq += d * d;
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
