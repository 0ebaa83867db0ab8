package org.peierls.active;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.peierls.analysis.CoreType;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
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
import org.peierls.optim.Minimizer;
import org.peierls.potential.Potential;
import org.peierls.sim.md.Integrator;
import org.peierls.sim.md.Kinetics;
import org.peierls.sim.md.MdSettings;
import org.peierls.sim.md.MdState;
import org.peierls.sim.md.MtkBarostat;
import org.peierls.sim.min.Relaxation;
import org.peierls.util.Seeds;

/**
 * The candidate training configurations of each {@link Family}, unlabelled: every configuration is
 * near an environment the defect battery later probes — relaxed defect structures, their rattled
 * copies (σ ≈ 0.05–0.1 Å, the thermal spread at a few hundred K) and short MD snapshots, so that
 * forces are informative and not all zero. Defects are relaxed, and the MD run, with a given
 * potential (the teacher of a study; the current model in active learning); an
 * {@link org.peierls.oracle.Oracle} labels the candidates afterwards.
 *
 * <p><b>Reproducibility.</b> Every configuration (or MD trajectory) draws from its own generator,
 * seeded by (seed, family, index within the family) through {@link Seeds}: a family comes out the
 * same whether it is made alone, after the others, or in a run that resumed from a cache.</p>
 *
 * <p>Group names are "family/detail" (e.g. "gsf/110").</p>
 */
public final class DefectCandidates {

    /**
     * @param element    chemical symbol
     * @param lattice    bcc or fcc
     * @param a0         lattice constant of the relaxing potential, Å
     * @param quick      fewer, smaller configurations
     * @param seed       seed of rattles, strains and velocities
     * @param relaxSteps FIRE steps per relaxation
     * @param supercell  conventional cells per edge of the bulk and point-defect supercells (3; 2
     *                   keeps DFT labels affordable: 16 bcc or 32 fcc atoms)
     */
    public record Options(String element, LatticeType lattice, double a0, boolean quick, long seed, int relaxSteps, int supercell) {

        /** Options with the usual 3 × 3 × 3 bulk and point-defect supercells. */
        public Options(String element, LatticeType lattice, double a0, boolean quick, long seed, int relaxSteps) {
            this(element, lattice, a0, quick, seed, relaxSteps, 3);
        }

        public Options {
            if (lattice != LatticeType.BCC && lattice != LatticeType.FCC) {
                throw new org.peierls.util.InputException("defect candidates are built for bcc and fcc lattices, not " + lattice);
            }
            if (supercell < 2 || supercell > 8) {
                throw new org.peierls.util.InputException("supercell must be 2…8 conventional cells per edge, got " + supercell);
            }
        }
    }

    private final Potential relaxer;
    private final Options options;

    /**
     * @param relaxer relaxes the defect structures and drives the MD snapshots
     */
    public DefectCandidates(Potential relaxer, Options options) {
        this.relaxer = relaxer;
        this.options = options;
    }

    public Options options() {
        return options;
    }

    /** All candidates of one family, in a fixed order. */
    public List<Candidate> generate(Family family) {
        Draws draws = new Draws(family);
        return switch (family) {
            case BULK -> bulk(draws);
            case POINT -> pointDefects(draws);
            case SURFACE -> surfaces(draws);
            case GSF -> stackingFaults(draws);
            case CORE -> cores(draws);
            case GB -> grainBoundaries(draws);
        };
    }

    /** The random generators of one family: the k-th call returns the generator of item k. */
    private final class Draws {
        private final String stream;
        private int next;

        Draws(Family family) {
            this.stream = "candidates/" + family.key();
        }

        Random next() {
            return Seeds.random(options.seed(), stream, next++);
        }
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

    private List<Candidate> bulk(Draws draws) {
        List<Candidate> out = new ArrayList<>();
        Structure base = perfect(options.supercell());
        int nStrain = quick() ? 6 : 16;
        for (int k = 0; k < nStrain; k++) {
            // volumetric range ±6 % (pressures of tens of GPa) plus a random shear/normal strain ±2 %
            Random r = draws.next();
            double vol = 0.94 + 0.12 * k / Math.max(1, nStrain - 1);
            double[] f = randomStrain(r, 0.02, Math.cbrt(vol));
            out.add(candidate(rattle(r, base.withCellScaled(base.cell().deformed(f)), 0.02), "bulk/strained"));
        }
        int nRattle = quick() ? 3 : 8;
        for (int k = 0; k < nRattle; k++) {
            out.add(candidate(rattle(draws.next(), base, 0.04 + 0.1 * k / Math.max(1, nRattle - 1)), "bulk/rattled"));
        }
        // the free atom (cell wider than any cutoff here): fixes the energy zero, so that a student's
        // cohesive energy is learned and not left to its constant term (FitSNAP data sets do the same)
        double box = 14.0;
        Structure atom = new Structure(Cell.orthorhombic(box, box, box), new int[]{Element.number(el())},
                new double[]{box / 2, box / 2, box / 2});
        out.add(candidate(atom, "bulk/isolated"));
        double[] temps = quick() ? new double[]{600, 2000} : new double[]{300, 1000, 2000, 3000};
        for (double t : temps) {
            out.addAll(mdSnapshots(draws.next(), base, t, quick() ? 2 : 3, "bulk/md"));
        }
        return out;
    }

    private List<Candidate> pointDefects(Draws draws) {
        List<Candidate> out = new ArrayList<>();
        Structure perfect = perfect(options.supercell());
        PointDefect vac = PointDefects.vacancy(perfect);
        Structure relaxedVac = relax(vac.structure());
        out.add(candidate(relaxedVac, "point/vacancy"));
        for (int k = 0; k < (quick() ? 2 : 4); k++) {
            out.add(candidate(rattle(draws.next(), relaxedVac, 0.06), "point/vacancy"));
        }
        out.addAll(mdSnapshots(draws.next(), relaxedVac, 1200, quick() ? 1 : 3, "point/vacancy-md"));
        // a nearest-neighbour hop: linear images between the vacancy and the vacancy one site over
        out.addAll(hopImages(draws, vac, quick() ? 1 : 3));
        InterstitialSite[] sites = options.lattice() == LatticeType.BCC
                ? new InterstitialSite[]{InterstitialSite.BCC_DUMBBELL_110, InterstitialSite.BCC_DUMBBELL_111, InterstitialSite.BCC_OCTAHEDRAL}
                : new InterstitialSite[]{InterstitialSite.FCC_DUMBBELL_100, InterstitialSite.FCC_OCTAHEDRAL};
        for (InterstitialSite site : sites) {
            PointDefect sia = PointDefects.interstitial(options.lattice(), el(), a0(), options.supercell(), site);
            Structure relaxed = relax(sia.structure());
            out.add(candidate(relaxed, "point/interstitial"));
            if (!quick()) {
                out.add(candidate(rattle(draws.next(), relaxed, 0.05), "point/interstitial"));
            }
        }
        return out;
    }

    private List<Candidate> hopImages(Draws draws, PointDefect vac, int images) {
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
        List<Candidate> out = new ArrayList<>();
        for (int k = 1; k <= images; k++) {
            double f = (double) k / (images + 1);
            double[] x = s.positions();
            double[] d = {site[0] - x[3 * hop], site[1] - x[3 * hop + 1], site[2] - x[3 * hop + 2]};
            s.cell().minimumImage(d);
            for (int c = 0; c < 3; c++) {
                x[3 * hop + c] += f * d[c];
            }
            out.add(candidate(rattle(draws.next(), s.withPositions(x), 0.03), "point/hop"));
        }
        return out;
    }

    private List<Candidate> surfaces(Draws draws) {
        List<Candidate> out = new ArrayList<>();
        int[][] planes = options.lattice() == LatticeType.BCC
                ? new int[][]{{1, 0, 0}, {1, 1, 0}, {1, 1, 2}}
                : new int[][]{{1, 0, 0}, {1, 1, 1}, {1, 1, 0}};
        for (int[] hkl : planes) {
            Slab slab = Surface.cubicWithThickness(options.lattice(), new String[]{el()}, a0(), hkl, quick() ? 8 : 10, 10.0);
            Structure s = repeatToAtLeast(slab.structure(), quick() ? 24 : 36);
            Structure relaxed = relax(s);
            String g = "surface/" + hkl[0] + hkl[1] + hkl[2];
            out.add(candidate(relaxed, g));
            out.add(candidate(rattle(draws.next(), relaxed, 0.06), g));
            if (!quick()) {
                out.addAll(mdSnapshots(draws.next(), relaxed, 800, 1, g));
            }
        }
        return out;
    }

    private List<Candidate> stackingFaults(Draws draws) {
        List<Candidate> out = new ArrayList<>();
        String[] planes = options.lattice() == LatticeType.BCC ? new String[]{"110", "112"} : new String[]{"111"};
        String dir = options.lattice() == LatticeType.BCC ? "111" : "112";
        for (String plane : planes) {
            Gsf gsf = Gsf.builder(options.lattice(), el(), a0(), plane, dir);
            double[] fr = quick() ? new double[]{0.25, 0.5} : new double[]{0.1, 0.2, 0.3, 0.4, 0.5, 0.65};
            for (double f : fr) {
                Structure relaxed = relax(gsf.at(f, 0).structure());
                out.add(candidate(relaxed, "gsf/" + plane));
                if (!quick()) {
                    out.add(candidate(rattle(draws.next(), relaxed, 0.05), "gsf/" + plane));
                }
            }
        }
        return out;
    }

    private List<Candidate> cores(Draws draws) {
        List<Candidate> out = new ArrayList<>();
        if (options.lattice() != LatticeType.BCC) {
            return out;
        }
        // The smallest quadrupolar cell that keeps the two cores apart (Ventelon & Willaime use 135+);
        // nz = 1 Burgers vector: cores are straight.
        ElasticModel iso = ElasticModel.isotropic(0.34);
        for (CoreType core : new CoreType[]{CoreType.EASY, CoreType.HARD}) {
            Dislocation d = ScrewQuadrupole.bcc(el(), a0(), iso, 3, 5, 1, core);
            Structure relaxed = relax(d.structure());
            out.add(candidate(relaxed, "core/screw"));
            int copies = quick() ? 1 : 3;
            for (int k = 0; k < copies; k++) {
                out.add(candidate(rattle(draws.next(), relaxed, 0.03 + 0.02 * k), "core/screw"));
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
                out.add(candidate(path, "core/path"));
                out.add(candidate(rattle(draws.next(), path, 0.04), "core/path"));
            }
        }
        return out;
    }

    private List<Candidate> grainBoundaries(Draws draws) {
        List<Candidate> out = new ArrayList<>();
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
            out.add(candidate(relaxed, group));
            for (int k = 0; k < (quick() ? 1 : 2); k++) {
                out.add(candidate(rattle(draws.next(), relaxed, 0.04 + 0.02 * k), group));
            }
            if (quick()) {
                break;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private static Candidate candidate(Structure s, String group) {
        return new Candidate(s.withVelocities(null).withArrays(Map.of()), group);
    }

    private Structure relax(Structure s) {
        Relaxation.Options o = Relaxation.Options.defaults().withFmax(0.01).withMaxSteps(options.relaxSteps());
        // honour masks built in by the defect builders (z-only relaxation of stacking faults)
        return Relaxation.run(s, relaxer, o, Minimizer.SILENT).structure();
    }

    private static Structure rattle(Random r, Structure s, double sigma) {
        double[] x = s.positions();
        for (int i = 0; i < x.length; i++) {
            x[i] += sigma * r.nextGaussian();
        }
        return s.withPositions(x);
    }

    /** Deformation gradient: isotropic scale times (1 + a symmetric random strain of size ≤ eps). */
    private static double[] randomStrain(Random r, double eps, double scale) {
        double[] e = new double[6];
        for (int k = 0; k < 6; k++) {
            e[k] = eps * (2 * r.nextDouble() - 1);
        }
        return new double[]{
            scale * (1 + e[0]), scale * e[5], scale * e[4],
            scale * e[5], scale * (1 + e[1]), scale * e[3],
            scale * e[4], scale * e[3], scale * (1 + e[2])};
    }

    /** {@code count} snapshots of one Langevin NVT trajectory at {@code temperature}, 60 steps (quick 40) of 2 fs apart. */
    private List<Candidate> mdSnapshots(Random r, Structure start, double temperature, int count, String group) {
        MdSettings settings = new MdSettings(MdSettings.Ensemble.NVT, MdSettings.Thermostat.LANGEVIN, temperature,
                0.002, 0.05, 1.0, 0.0, MtkBarostat.Coupling.ISO, 3, r.nextLong(), 1.0);
        Integrator integrator = settings.integrator(relaxer);
        MdState s = integrator.init(Kinetics.maxwellBoltzmann(start.withArrays(Map.of()), temperature, r.nextLong()));
        List<Candidate> out = new ArrayList<>();
        int between = quick() ? 40 : 60;
        for (int k = 0; k < count; k++) {
            for (int step = 0; step < between; step++) {
                s = integrator.step(s);
            }
            out.add(candidate(s.structure(), group));
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
}
