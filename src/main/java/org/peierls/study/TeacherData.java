package org.peierls.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.peierls.analysis.CoreType;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.defects.DefectArrays;
import org.peierls.defects.Dislocation;
import org.peierls.defects.ElasticModel;
import org.peierls.defects.GrainBoundary;
import org.peierls.defects.Gsf;
import org.peierls.defects.InterstitialSite;
import org.peierls.defects.PointDefect;
import org.peierls.defects.PointDefects;
import org.peierls.defects.ScrewQuadrupole;
import org.peierls.defects.Slab;
import org.peierls.defects.Surface;
import org.peierls.defects.TiltGrainBoundary;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.sim.md.Integrator;
import org.peierls.sim.md.Kinetics;
import org.peierls.sim.md.MdSettings;
import org.peierls.sim.md.MdState;
import org.peierls.sim.min.Relaxation;

/**
 * Builds and labels the training configurations of a study with a teacher potential, family by
 * family. Every configuration is near an environment the defect battery later probes: relaxed
 * defect structures, their rattled copies (σ ≈ 0.05–0.1 Å, the thermal spread at a few hundred K)
 * and short MD snapshots, so that forces are informative and not all zero.
 *
 * <p>Group names are "family/detail" (e.g. "gsf/110"); {@link Family#ofGroup} recovers the family.</p>
 */
public final class TeacherData {

    /**
     * @param element    chemical symbol
     * @param lattice    bcc or fcc
     * @param a0         lattice constant of the teacher, Å
     * @param quick      fewer, smaller configurations
     * @param seed       seed of rattles, strains and velocities
     * @param relaxSteps FIRE steps per relaxation
     */
    public record Options(String element, LatticeType lattice, double a0, boolean quick, long seed, int relaxSteps) {
        public Options {
            if (lattice != LatticeType.BCC && lattice != LatticeType.FCC) {
                throw new IllegalArgumentException("teacher data is built for bcc and fcc lattices, not " + lattice);
            }
        }
    }

    private final Potential teacher;
    private final Options options;
    private final Random rnd;

    public TeacherData(Potential teacher, Options options) {
        this.teacher = teacher;
        this.options = options;
        this.rnd = new Random(options.seed());
    }

    /** All configurations of one family, labelled by the teacher; {@code log} receives progress lines. */
    public List<Frame> generate(Family family, Consumer<String> log) {
        List<Frame> out = switch (family) {
            case BULK -> bulk();
            case POINT -> pointDefects();
            case SURFACE -> surfaces();
            case GSF -> stackingFaults();
            case CORE -> cores();
            case GB -> grainBoundaries();
        };
        log.accept(family.key() + ": " + out.size() + " configurations, " + out.stream().mapToInt(f -> f.structure().size()).sum() + " atoms");
        return out;
    }

    private boolean quick() {
        return options.quick();
    }

    private String el() {
        return options.element();
    }

    private double a0() {
        return options.a0();
    }

    private Structure perfect(int n) {
        return PointDefects.supercell(options.lattice(), el(), a0(), n);
    }

    // ---------------------------------------------------------------- families

    private List<Frame> bulk() {
        List<Frame> out = new ArrayList<>();
        Structure base = perfect(3);
        int nStrain = quick() ? 6 : 16;
        for (int k = 0; k < nStrain; k++) {
            // volumetric range ±6 % (pressures of tens of GPa) plus a random shear/normal strain ±2 %
            double vol = 0.94 + 0.12 * k / Math.max(1, nStrain - 1);
            double[] f = randomStrain(0.02, Math.cbrt(vol));
            out.add(label(rattle(base.withCellScaled(base.cell().deformed(f)), 0.02), "bulk/strained"));
        }
        int nRattle = quick() ? 3 : 8;
        for (int k = 0; k < nRattle; k++) {
            out.add(label(rattle(base, 0.04 + 0.1 * k / Math.max(1, nRattle - 1)), "bulk/rattled"));
        }
        // the free atom (cell wider than any cutoff here): fixes the energy zero, so that a student's
        // cohesive energy is learned and not left to its constant term (FitSNAP data sets do the same)
        double box = 14.0;
        Structure atom = new Structure(Cell.orthorhombic(box, box, box), new int[]{Element.number(el())}, new double[]{box / 2, box / 2, box / 2});
        out.add(label(atom, "bulk/isolated"));
        double[] temps = quick() ? new double[]{600, 2000} : new double[]{300, 1000, 2000, 3000};
        for (double t : temps) {
            out.addAll(mdSnapshots(base, t, quick() ? 2 : 3, "bulk/md"));
        }
        return out;
    }

    private List<Frame> pointDefects() {
        List<Frame> out = new ArrayList<>();
        Structure perfect = perfect(3);
        PointDefect vac = PointDefects.vacancy(perfect);
        Structure relaxedVac = relax(vac.structure());
        out.add(label(relaxedVac, "point/vacancy"));
        for (int k = 0; k < (quick() ? 2 : 4); k++) {
            out.add(label(rattle(relaxedVac, 0.06), "point/vacancy"));
        }
        out.addAll(mdSnapshots(relaxedVac, 1200, quick() ? 1 : 3, "point/vacancy-md"));
        // a nearest-neighbour hop: linear images between the vacancy and the vacancy one site over
        out.addAll(hopImages(perfect, vac, quick() ? 1 : 3));
        InterstitialSite[] sites = options.lattice() == LatticeType.BCC
                ? new InterstitialSite[]{InterstitialSite.BCC_DUMBBELL_110, InterstitialSite.BCC_DUMBBELL_111, InterstitialSite.BCC_OCTAHEDRAL}
                : new InterstitialSite[]{InterstitialSite.FCC_DUMBBELL_100, InterstitialSite.FCC_OCTAHEDRAL};
        for (InterstitialSite site : sites) {
            PointDefect sia = PointDefects.interstitial(options.lattice(), el(), a0(), 3, site);
            Structure relaxed = relax(sia.structure());
            out.add(label(relaxed, "point/interstitial"));
            if (!quick()) {
                out.add(label(rattle(relaxed, 0.05), "point/interstitial"));
            }
        }
        return out;
    }

    private List<Frame> hopImages(Structure perfect, PointDefect vac, int images) {
        // the hopping atom: the nearest neighbour of the vacant site
        double[] site = vac.site();
        Structure s = vac.structure();
        int hop = -1;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < s.size(); i++) {
            double[] d = {s.position(i, 0) - site[0], s.position(i, 1) - site[1], s.position(i, 2) - site[2]};
            s.cell().minimumImage(d);
            double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            if (r < best) {
                best = r;
                hop = i;
            }
        }
        List<Frame> out = new ArrayList<>();
        for (int k = 1; k <= images; k++) {
            double f = (double) k / (images + 1);
            double[] x = s.positions();
            double[] d = {site[0] - x[3 * hop], site[1] - x[3 * hop + 1], site[2] - x[3 * hop + 2]};
            s.cell().minimumImage(d);
            for (int c = 0; c < 3; c++) {
                x[3 * hop + c] += f * d[c];
            }
            out.add(label(rattle(s.withPositions(x), 0.03), "point/hop"));
        }
        return out;
    }

    private List<Frame> surfaces() {
        List<Frame> out = new ArrayList<>();
        int[][] planes = options.lattice() == LatticeType.BCC
                ? new int[][]{{1, 0, 0}, {1, 1, 0}, {1, 1, 2}}
                : new int[][]{{1, 0, 0}, {1, 1, 1}, {1, 1, 0}};
        for (int[] hkl : planes) {
            Slab slab = Surface.cubicWithThickness(options.lattice(), new String[]{el()}, a0(), hkl, quick() ? 8 : 10, 10.0);
            Structure s = slab.structure();
            s = repeatToAtLeast(s, quick() ? 24 : 36);
            Structure relaxed = relax(s);
            String g = "surface/" + hkl[0] + hkl[1] + hkl[2];
            out.add(label(relaxed, g));
            out.add(label(rattle(relaxed, 0.06), g));
            if (!quick()) {
                out.addAll(mdSnapshots(relaxed, 800, 1, g));
            }
        }
        return out;
    }

    private List<Frame> stackingFaults() {
        List<Frame> out = new ArrayList<>();
        String[] planes = options.lattice() == LatticeType.BCC ? new String[]{"110", "112"} : new String[]{"111"};
        String dir = options.lattice() == LatticeType.BCC ? "111" : "112";
        for (String plane : planes) {
            Gsf gsf = Gsf.builder(options.lattice(), el(), a0(), plane, dir);
            double[] fr = quick() ? new double[]{0.25, 0.5} : new double[]{0.1, 0.2, 0.3, 0.4, 0.5, 0.65};
            for (double f : fr) {
                Structure s = gsf.at(f, 0).structure();
                Structure relaxed = relax(s);
                out.add(label(relaxed, "gsf/" + plane));
                if (!quick()) {
                    out.add(label(rattle(relaxed, 0.05), "gsf/" + plane));
                }
            }
        }
        return out;
    }

    private List<Frame> cores() {
        List<Frame> out = new ArrayList<>();
        if (options.lattice() != LatticeType.BCC) {
            return out;
        }
        // The smallest quadrupolar cell that keeps the two cores apart (Ventelon & Willaime use 135+);
        // nz = 1 Burgers vector: cores are straight.
        ElasticModel iso = ElasticModel.isotropic(0.34);
        for (CoreType core : new CoreType[]{CoreType.EASY, CoreType.HARD}) {
            Dislocation d = ScrewQuadrupole.bcc(el(), a0(), iso, 3, 5, 1, core);
            Structure relaxed = relax(d.structure());
            out.add(label(relaxed, "core/screw"));
            int copies = quick() ? 1 : 3;
            for (int k = 0; k < copies; k++) {
                out.add(label(rattle(relaxed, 0.03 + 0.02 * k), "core/screw"));
            }
            if (quick()) {
                break;
            }
        }
        if (!quick()) {
            // environments along the Peierls path: both cores shifted together by a fraction of the
            // distance to the next easy site along [11-2] (a√6/3), elastic field only, and rattled
            double step = a0() * Math.sqrt(6) / 3;
            for (double f : new double[]{0.25, 0.5, 0.75}) {
                Structure path = ScrewQuadrupole.bcc(el(), a0(), iso, 3, 5, 1, CoreType.EASY, f * step).structure();
                out.add(label(path, "core/path"));
                out.add(label(rattle(path, 0.04), "core/path"));
            }
        }
        return out;
    }

    private List<Frame> grainBoundaries() {
        List<Frame> out = new ArrayList<>();
        String[][] gbs = options.lattice() == LatticeType.BCC
                ? new String[][]{{"[001]", "(310)"}, {"[1-10]", "(112)"}}
                : new String[][]{{"[001]", "(310)"}, {"[1-10]", "(111)"}};
        if (!quick()) {
            String[][] more = java.util.Arrays.copyOf(gbs, gbs.length + 1);
            more[gbs.length] = new String[]{"[001]", "(210)"};
            gbs = more;
        }
        for (String[] g : gbs) {
            GrainBoundary gb = TiltGrainBoundary.symmetric(options.lattice(), el(), a0(), g[0], g[1])
                    .grainThickness(quick() ? 9 : 12).build();
            Structure relaxed = relax(gb.structure());
            String group = "gb/" + gb.name();
            out.add(label(relaxed, group));
            for (int k = 0; k < (quick() ? 1 : 2); k++) {
                out.add(label(rattle(relaxed, 0.04 + 0.02 * k), group));
            }
            if (quick()) {
                break;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private Frame label(Structure s, String group) {
        Results r = teacher.compute(s);
        Structure clean = s.withVelocities(null).withArrays(java.util.Map.of());
        return new Frame(clean, new Labels(r.energy(), r.forces(), r.stress()), group);
    }

    private Structure relax(Structure s) {
        Relaxation.Options o = Relaxation.Options.defaults().withFmax(0.01).withMaxSteps(options.relaxSteps());
        // honour masks built in by the defect builders (z-only relaxation of stacking faults)
        return Relaxation.run(s, teacher, o, org.peierls.sim.min.Minimizer.SILENT).structure();
    }

    private Structure rattle(Structure s, double sigma) {
        double[] x = s.positions();
        for (int i = 0; i < x.length; i++) {
            x[i] += sigma * rnd.nextGaussian();
        }
        return s.withPositions(x);
    }

    /** Deformation gradient: isotropic scale times (1 + a symmetric random strain of size ≤ eps). */
    private double[] randomStrain(double eps, double scale) {
        double[] e = new double[6];
        for (int k = 0; k < 6; k++) {
            e[k] = eps * (2 * rnd.nextDouble() - 1);
        }
        return new double[]{
            scale * (1 + e[0]), scale * e[5], scale * e[4],
            scale * e[5], scale * (1 + e[1]), scale * e[3],
            scale * e[4], scale * e[3], scale * (1 + e[2])};
    }

    private List<Frame> mdSnapshots(Structure start, double temperature, int count, String group) {
        MdSettings settings = new MdSettings(MdSettings.Ensemble.NVT, MdSettings.Thermostat.LANGEVIN, temperature,
                0.002, 0.05, 1.0, 0.0, org.peierls.sim.md.MtkBarostat.Coupling.ISO, 3, rnd.nextLong(), 1.0);
        Integrator integrator = settings.integrator(teacher);
        MdState s = integrator.init(Kinetics.maxwellBoltzmann(start.withArrays(java.util.Map.of()), temperature, rnd.nextLong()));
        List<Frame> out = new ArrayList<>();
        int between = quick() ? 40 : 60;
        for (int k = 0; k < count; k++) {
            for (int step = 0; step < between; step++) {
                s = integrator.step(s);
            }
            out.add(label(s.structure(), group));
        }
        return out;
    }

    private static Structure repeatToAtLeast(Structure s, int atoms) {
        int nx = 1, ny = 1;
        while (s.size() * nx * ny < atoms) {
            if (s.cell().norm(0) * nx <= s.cell().norm(1) * ny) {
                nx++;
            } else {
                ny++;
            }
        }
        return s.repeat(nx, ny, 1);
    }

    /** Cells the builders may return without a mask keep all atoms free. */
    static boolean hasMask(Structure s) {
        return s.arrays().containsKey(DefectArrays.MOVE_MASK);
    }

    /** The cell of a 2-atom bcc / 4-atom fcc crystal, used to find the teacher's lattice constant. */
    static Cell cubicCell(double a) {
        return Cell.orthorhombic(a, a, a);
    }
}
