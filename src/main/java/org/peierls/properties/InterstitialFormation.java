package org.peierls.properties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.peierls.analysis.InterstitialClassifier;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.defects.InterstitialSite;
import org.peierls.defects.PointDefect;
import org.peierls.defects.PointDefects;

/**
 * Self-interstitial formation energies E_f = E(N + 1, relaxed) − (N + 1)·ε_bulk for each starting
 * configuration, at constant volume (the perfect supercell at the relaxed lattice constant).
 *
 * <p>Before relaxing, every atom is displaced by a small random amount (fixed seed) so that a
 * configuration that is a saddle point of the potential does not stay there by symmetry.
 * Relaxation may then carry one configuration into another: the energy reported is that of the
 * final configuration, named by {@link InterstitialClassifier} (cubic) and flagged as
 * transformed when its name differs from the start. For hcp the final configuration is found by
 * comparing relaxed structures: two relaxations that end at the same energy (1 meV) with the same
 * highest per-atom energies (5 meV) are one configuration, named after the member whose extra
 * atoms moved least (less than 0.6 Å) during relaxation, else "other".</p>
 */
public final class InterstitialFormation {

    /**
     * @param size   supercell repeats (as for the vacancy)
     * @param sites  starting configurations (of the crystal's lattice)
     * @param rattle amplitude of the random displacement of every atom before relaxing, Å
     * @param seed   random seed of that displacement
     * @param relax  relaxation settings
     */
    public record Options(int size, List<InterstitialSite> sites, double rattle, long seed, RelaxSettings relax) {
        public Options {
            sites = List.copyOf(sites);
        }

        /** Every site of the lattice, 0.02 Å rattle. */
        public static Options of(LatticeType lattice, int size, RelaxSettings relax) {
            return new Options(size, sitesOf(lattice), 0.02, 7L, relax);
        }
    }

    /** The configurations {@link InterstitialSite} defines for a lattice. */
    public static List<InterstitialSite> sitesOf(LatticeType lattice) {
        List<InterstitialSite> out = new ArrayList<>();
        for (InterstitialSite s : InterstitialSite.values()) {
            if (s.lattice() == lattice) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * One starting configuration.
     *
     * @param start           its label
     * @param formationEnergy relaxed E_f of the final configuration, eV
     * @param unrelaxedEnergy E_f as built, eV
     * @param finalConfiguration the configuration relaxation ended in
     * @param transformed     whether that differs from the start
     * @param converged       relaxation converged
     * @param relaxed         the relaxed cell
     */
    public record Entry(String start, double formationEnergy, double unrelaxedEnergy, String finalConfiguration, boolean transformed,
                        boolean converged, Structure relaxed) {
    }

    public record Result(List<Entry> entries, int atoms) {

        /** {start label: E_f}, eV. */
        public Map<String, Double> energies() {
            Map<String, Double> m = new LinkedHashMap<>();
            for (Entry e : entries) {
                m.put(e.start(), e.formationEnergy());
            }
            return m;
        }

        /** The entry of lowest formation energy. */
        public Entry mostStable() {
            Entry best = null;
            for (Entry e : entries) {
                if (best == null || e.formationEnergy() < best.formationEnergy()) {
                    best = e;
                }
            }
            return best;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("interstitial_formation_ev", energies());
            Map<String, Object> fin = new LinkedHashMap<>();
            Map<String, Object> detail = new LinkedHashMap<>();
            for (Entry e : entries) {
                fin.put(e.start(), e.finalConfiguration());
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("formation_ev", e.formationEnergy());
                d.put("unrelaxed_formation_ev", e.unrelaxedEnergy());
                d.put("final_configuration", e.finalConfiguration());
                d.put("transformed", e.transformed());
                d.put("converged", e.converged());
                detail.put(e.start(), d);
            }
            m.put("interstitial_final_configuration", fin);
            Entry best = mostStable();
            if (best != null) {
                m.put("most_stable", best.finalConfiguration());
            }
            m.put("atoms", atoms);
            m.put("condition", VacancyFormation.CONDITION);
            m.put("configurations", detail);
            return m;
        }
    }

    private InterstitialFormation() {
    }

    public static Result compute(ReferenceCrystal crystal, Options options) {
        Structure perfect = crystal.supercell(options.size());
        double eBulk = crystal.energyPerAtom();
        List<Entry> entries = new ArrayList<>();
        List<PointDefect> built = new ArrayList<>();
        for (InterstitialSite site : options.sites()) {
            if (site.lattice() != crystal.lattice()) {
                throw new IllegalArgumentException("interstitial " + site.label() + " is not a " + crystal.lattice().label() + " site");
            }
            PointDefect d = PointDefects.interstitial(perfect, site, crystal.a(), crystal.c(), Double.NaN);
            built.add(d);
            Structure s = rattled(d.structure(), options.rattle(), options.seed());
            double unrelaxed = crystal.potential().compute(d.structure()).energy() - s.size() * eBulk;
            RelaxSettings.Relaxed r = options.relax().relax(s, crystal.potential());
            String fin = crystal.cubic() ? InterstitialClassifier.classify(r.structure(), perfect, crystal.lattice(), crystal.a(),
                    InterstitialSite.siteOffsets(crystal.lattice(), crystal.a(), crystal.c())) : null;
            entries.add(new Entry(site.label(), r.energy() - s.size() * eBulk, unrelaxed, fin,
                    fin != null && !fin.equals(site.label()), r.converged(), r.structure()));
        }
        if (!crystal.cubic()) {
            entries = nameByComparison(crystal, entries, built);
        }
        return new Result(entries, perfect.size() + 1);
    }

    /** The hcp naming of the class comment. */
    private static List<Entry> nameByComparison(ReferenceCrystal crystal, List<Entry> entries, List<PointDefect> built) {
        int n = entries.size();
        double[][] top = new double[n][];
        boolean[] kept = new boolean[n];
        for (int i = 0; i < n; i++) {
            double[] pe = crystal.potential().computePerAtom(entries.get(i).relaxed()).energies().clone();
            Arrays.sort(pe);
            top[i] = Arrays.copyOfRange(pe, Math.max(0, pe.length - 8), pe.length);
            PointDefect d = built.get(i);
            double moved = 0;
            double[] dx = new double[3];
            for (int a : d.added()) {
                for (int k = 0; k < 3; k++) {
                    dx[k] = entries.get(i).relaxed().position(a, k) - d.structure().position(a, k);
                }
                d.structure().cell().minimumImage(dx);
                moved = Math.max(moved, Math.sqrt(dx[0] * dx[0] + dx[1] * dx[1] + dx[2] * dx[2]));
            }
            kept[i] = moved < 0.6;
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            String name = kept[i] ? e.start() : "other";
            if (!kept[i]) {
                for (int j = 0; j < n; j++) {
                    if (j != i && kept[j] && same(entries.get(i), entries.get(j), top[i], top[j])) {
                        name = entries.get(j).start();
                        break;
                    }
                }
            }
            out.add(new Entry(e.start(), e.formationEnergy(), e.unrelaxedEnergy(), name, !name.equals(e.start()), e.converged(), e.relaxed()));
        }
        return out;
    }

    private static boolean same(Entry a, Entry b, double[] ta, double[] tb) {
        if (Math.abs(a.formationEnergy() - b.formationEnergy()) > 1e-3 || ta.length != tb.length) {
            return false;
        }
        for (int k = 0; k < ta.length; k++) {
            if (Math.abs(ta[k] - tb[k]) > 5e-3) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every free position component ({@link RelaxSettings#mask}) displaced uniformly in
     * [−amp, amp] (seeded); held atoms stay.
     */
    static Structure rattled(Structure s, double amplitude, long seed) {
        if (amplitude <= 0) {
            return s;
        }
        Random rng = new Random(seed);
        org.peierls.sim.min.DofMask mask = RelaxSettings.mask(s);
        double[] x = s.positions();
        for (int k = 0; k < x.length; k++) {
            double r = amplitude * (2 * rng.nextDouble() - 1);
            if (mask.isFree(k)) {
                x[k] += r;
            }
        }
        return s.withPositions(x);
    }
}
