package org.peierls.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.Miller;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.defects.OrientedCrystal;
import org.peierls.defects.Slab;
import org.peierls.defects.Surface;

/**
 * Surface energies γ = (E_slab − N·ε_bulk) / (2A) of relaxed slabs (J/m²): a slab of the perfect
 * crystal at its relaxed lattice constant, at least {@code thickness} Å thick, with vacuum above
 * and below, atoms relaxed at fixed cell (the in-plane lattice stays that of the bulk). Cubic
 * crystals take (hkl) planes ({@link Surface#cubicWithThickness}); hcp takes "0001" (basal) and
 * "10-10" (prismatic type I, the lower-energy of its two terminations).
 */
public final class SurfaceEnergy {

    /** Default planes: (100), (110), (111), (112) for cubic lattices; basal and prismatic for hcp. */
    public static final List<String> CUBIC_PLANES = List.of("100", "110", "111", "112");
    public static final List<String> HCP_PLANES = List.of("0001", "10-10");

    /**
     * @param planes    plane labels ("100", "110", …; hcp "0001", "10-10")
     * @param thickness minimum slab thickness between outer layer planes, Å
     * @param vacuum    vacuum thickness, Å
     * @param relax     relaxation settings
     */
    public record Options(List<String> planes, double thickness, double vacuum, RelaxSettings relax) {
        public Options {
            planes = List.copyOf(planes);
            if (!(thickness > 0) || !(vacuum > 0)) {
                throw new IllegalArgumentException("slab thickness and vacuum must be positive");
            }
        }
    }

    /**
     * One surface.
     *
     * @param plane     the plane label
     * @param energyJm2 relaxed γ, J/m²
     * @param unrelaxedJm2 unrelaxed γ (bulk-terminated), J/m²
     * @param atoms     atoms in the slab
     * @param layers    atomic layers
     * @param area      area of one surface, Å²
     * @param converged relaxation converged
     */
    public record Entry(String plane, double energyJm2, double unrelaxedJm2, int atoms, int layers, double area, boolean converged) {
    }

    /** All planes, in the order asked. */
    public record Result(List<Entry> entries) {

        /** {"100": γ, …}, J/m². */
        public Map<String, Double> energies() {
            Map<String, Double> m = new LinkedHashMap<>();
            for (Entry e : entries) {
                m.put(e.plane(), e.energyJm2());
            }
            return m;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("surface_energy_j_m2", energies());
            Map<String, Object> detail = new LinkedHashMap<>();
            for (Entry e : entries) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("energy_j_m2", e.energyJm2());
                d.put("unrelaxed_j_m2", e.unrelaxedJm2());
                d.put("atoms", e.atoms());
                d.put("layers", e.layers());
                d.put("area_a2", e.area());
                d.put("converged", e.converged());
                detail.put(e.plane(), d);
            }
            m.put("slabs", detail);
            return m;
        }
    }

    private SurfaceEnergy() {
    }

    public static Result compute(ReferenceCrystal crystal, Options options) {
        List<Entry> out = new ArrayList<>();
        for (String plane : options.planes()) {
            out.add(compute(crystal, plane, options));
        }
        return new Result(out);
    }

    /** The slabs a plane label stands for (hcp prismatic: both terminations). */
    static List<Slab> slabs(ReferenceCrystal crystal, String plane, Options options) {
        String[] el = {crystal.element()};
        if (crystal.cubic()) {
            return List.of(Surface.cubicWithThickness(crystal.lattice(), el, crystal.a(), Miller.parse(plane), options.thickness(),
                    options.vacuum()));
        }
        OrientedCrystal oc = switch (plane) {
            case "0001" -> OrientedCrystal.hcpBasal(crystal.element(), crystal.a(), crystal.c());
            case "10-10" -> OrientedCrystal.hcpPrismatic(crystal.element(), crystal.a(), crystal.c());
            default -> throw new IllegalArgumentException("hcp surfaces: 0001 or 10-10, got " + plane);
        };
        return Surface.terminations(oc, Surface.layersFor(oc, options.thickness()), options.vacuum());
    }

    static Entry compute(ReferenceCrystal crystal, String plane, Options options) {
        Entry best = null;
        for (Slab slab : slabs(crystal, plane, options)) {
            Structure s = slab.structure();
            double bulk = s.size() * crystal.energyPerAtom();
            double toJm2 = 1.0 / (2 * slab.area()) / Units.J_PER_M2_TO_EV_PER_A2;
            double unrelaxed = (crystal.potential().compute(s).energy() - bulk) * toJm2;
            RelaxSettings.Relaxed r = options.relax().relax(s, crystal.potential());
            Entry e = new Entry(plane, (r.energy() - bulk) * toJm2, unrelaxed, s.size(), slab.layers(), slab.area(), r.converged());
            if (best == null || e.energyJm2() < best.energyJm2()) {
                best = e;
            }
        }
        return best;
    }
}
