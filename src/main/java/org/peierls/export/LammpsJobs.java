package org.peierls.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.peierls.analysis.CoreType;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.defects.Dislocation;
import org.peierls.defects.ElasticModel;
import org.peierls.defects.PointDefects;
import org.peierls.defects.ScrewQuadrupole;
import org.peierls.io.AtomicWrite;
import org.peierls.io.IoOptions;
import org.peierls.io.LammpsData;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.properties.ElementCrystals;
import org.peierls.properties.EquationOfState;
import org.peierls.util.InputException;

/**
 * Complete LAMMPS inputs for the runs that outgrow one machine, built from Peierls's defect
 * builders at the potential's own lattice constant (from its equation of state) and written beside
 * an exported potential ({@code include pair.lmp}). Run with {@code mpirun -np N lmp -in in.KIND}.
 * <ul>
 * <li>{@code screw-glide}: a bcc ½⟨111⟩ screw dislocation quadrupole ({@link ScrewQuadrupole}),
 *     minimised, thermalised, then sheared at a constant rate on the {110} glide plane
 *     ({@code fix deform} of the yz tilt) under a Nosé–Hoover thermostat: the stress–strain curve
 *     ({@code pyz}) gives the flow stress of screw glide at temperature;</li>
 * <li>{@code vacancy-diffusion}: a cubic supercell with 0.1 % vacancies (at least one), NVT, the
 *     mean-squared displacement of all atoms averaged and printed: D<sub>v</sub> = D·N/N<sub>v</sub>;</li>
 * <li>{@code nanocrystal}: a periodic Voronoi polycrystal of randomly oriented grains (atoms closer
 *     than 0.7 nearest-neighbour distances across boundaries removed), minimised and annealed at zero
 *     pressure (NPT), dumped with common neighbour analysis every 1000 steps.</li>
 * </ul>
 */
public final class LammpsJobs {

    /** The job kinds, for help texts. */
    public static final String KINDS = "screw-glide, vacancy-diffusion, nanocrystal";

    private LammpsJobs() {
    }

    /** The LAMMPS input file of a job. */
    public static String inputName(String kind) {
        return "in." + kind;
    }

    /**
     * Checks the job options before any work.
     *
     * @throws InputException naming the option
     */
    public static void check(String kind, int size, double temperature) {
        if (!List.of("screw-glide", "vacancy-diffusion", "nanocrystal").contains(kind)) {
            throw new InputException("--job: unknown kind '" + kind + "' (known: " + KINDS + ")");
        }
        if (size < 0 || size > 400) {
            throw new InputException("--size must be 1…400 lattice periods (0 for the job's default), got " + size);
        }
        if (!(temperature > 0) || !Double.isFinite(temperature) || temperature > 1e5) {
            throw new InputException("--temperature must be a positive number of kelvin, got " + temperature);
        }
    }

    /**
     * Writes {@code in.KIND} and its data file into {@code dir}, where {@code pair.lmp} already is.
     *
     * @param size lattice periods along the cell edges (0: the job's default)
     * @return the files written
     */
    public static List<String> write(String kind, Path dir, Potential p, int[] types, int size, double temperature) {
        check(kind, size, temperature);
        String el = Element.symbol(types[0]);
        ElementCrystals.Entry guess = ElementCrystals.of(el);
        if (guess == null || (guess.lattice() != LatticeType.BCC && guess.lattice() != LatticeType.FCC)) {
            throw new InputException("--job " + kind + ": needs a cubic (bcc or fcc) element, " + el + " is not one Peierls knows");
        }
        if (kind.equals("screw-glide") && guess.lattice() != LatticeType.BCC) {
            throw new InputException("--job screw-glide builds a bcc ½<111> screw quadrupole; " + el + " is " + guess.lattice());
        }
        double a = EquationOfState.compute(p, el, guess.lattice(), EquationOfState.Options.defaults().withGuess(guess.a()))
                .crystal().a();
        Structure s;
        String body;
        switch (kind) {
            case "screw-glide" -> {
                int n = size == 0 ? 12 : size;
                Dislocation d = ScrewQuadrupole.bcc(el, a, ElasticModel.isotropic(0.3), n, (int) Math.round(n * Math.sqrt(3)),
                        Math.max(4, n), CoreType.EASY);
                s = d.structure();
                body = screwGlide();
            }
            case "vacancy-diffusion" -> {
                int n = size == 0 ? 20 : size;
                s = vacancies(PointDefects.supercell(guess.lattice(), el, a, n), 20261203L);
                body = vacancyDiffusion();
            }
            default -> {
                int n = size == 0 ? 40 : size;
                s = nanocrystal(guess.lattice(), el, a, n * a, 8, 20261203L);
                body = nanocrystal(guess.lattice() == LatticeType.BCC ? 1.207 * a : 0.854 * a);
            }
        }
        Structure ready = ExampleInput.lammpsReady(s);
        String data = "data." + kind;
        List<String> symbols = new ArrayList<>();
        for (int z : types) {
            symbols.add(Element.symbol(z));
        }
        LammpsData.FORMAT.write(dir.resolve(data), List.of(new Frame(ready)), new IoOptions(symbols));
        StringBuilder in = new StringBuilder();
        in.append("# Peierls job '").append(kind).append("' for ").append(p.describe()).append('\n');
        in.append(String.format(Locale.ROOT, "# %s, %d atoms, a = %.5f Å (the potential's equilibrium lattice constant), T = %.1f K%n",
                ready.formula(), ready.size(), a, temperature));
        in.append("# run in this folder:  mpirun -np N lmp -in ").append(inputName(kind)).append('\n');
        in.append("# shorter or longer: lmp -var nequil STEPS -var nrun STEPS -in ").append(inputName(kind)).append('\n');
        in.append("units           metal\natom_style      atomic\nboundary        p p p\n");
        in.append("read_data       ").append(data).append('\n');
        in.append("include         ").append(LammpsPotential.PAIR_FILE).append('\n');
        in.append("neighbor        1.0 bin\nneigh_modify    every 1 delay 0 check yes\n");
        in.append(String.format(Locale.ROOT, "variable        T equal %.3f%n", temperature));
        in.append(String.format(Locale.ROOT, "variable        nequil index %d%nvariable        nrun index %d%n", equil(kind), production(kind)));
        in.append(body);
        String input = inputName(kind);
        AtomicWrite.text(dir.resolve(input), w -> w.write(in.toString()));
        return List.of(data, input);
    }

    private static String screwGlide() {
        return """
                # relax the cores at fixed cell, then thermalise at T
                min_style       cg
                minimize        0 1e-6 2000 20000
                velocity        all create $(2*v_T) 8731 mom yes rot no dist gaussian
                fix             nvt all nvt temp ${T} ${T} 0.1
                timestep        0.002
                thermo          500
                thermo_style    custom step time temp pe pyz lx ly lz yz
                run             ${nequil}
                # shear on the (-110) glide plane along the [111] line: yz tilt at 1e8 /s;
                # pyz (bar, LAMMPS sign) against the strain v_eps is the stress-strain curve of screw glide
                reset_timestep  0
                variable        eps equal (yz-${yz0})/lz
                fix             shear all deform 1 yz erate 1e-4 remap x
                fix             curve all print 250 "$(step) $(v_eps:%.6e) $(pyz:%.6f)" file stress_strain.txt screen no title "# step strain_yz pyz_bar"
                dump            cores all custom 5000 dump.screw-glide id type x y z
                run             ${nrun}
                """.replace("${yz0}", "$(yz)");
    }

    private static String vacancyDiffusion() {
        return """
                minimize        0 1e-6 1000 10000
                velocity        all create $(2*v_T) 5813 mom yes rot no dist gaussian
                fix             nvt all nvt temp ${T} ${T} 0.1
                timestep        0.002
                thermo          1000
                run             ${nequil}
                # mean-squared displacement of all atoms (Å²): D = MSD/(6 t), and D_vacancy = D·N_atoms/N_vacancies
                reset_timestep  0
                compute         msd all msd com yes
                fix             msd all ave/time 100 10 1000 c_msd[4] file msd.txt
                thermo_style    custom step time temp pe press c_msd[4]
                run             ${nrun}
                """;
    }

    /** @param cnaCutoff the cutoff of LAMMPS's cna/atom between the 2nd and 3rd shells (bcc 1.207a, fcc 0.854a) */
    private static String nanocrystal(double cnaCutoff) {
        return String.format(Locale.ROOT, """
                min_style       cg
                minimize        0 1e-6 2000 20000
                velocity        all create $(2*v_T) 2417 mom yes rot no dist gaussian
                fix             npt all npt temp ${T} ${T} 0.1 iso 0.0 0.0 1.0
                timestep        0.002
                compute         cna all cna/atom %.4f
                thermo          1000
                thermo_style    custom step time temp pe press vol
                reset_timestep  0
                dump            grains all custom 1000 dump.nanocrystal id type x y z c_cna
                run             ${nrun}
                """, cnaCutoff);
    }

    /** Equilibration steps of a job (screw-glide, vacancy-diffusion; 0 for the nanocrystal). */
    static int equil(String kind) {
        return switch (kind) {
            case "screw-glide" -> 5000;
            case "vacancy-diffusion" -> 10000;
            default -> 0;
        };
    }

    /** Production steps of a job, 2 fs each. */
    static int production(String kind) {
        return switch (kind) {
            case "screw-glide" -> 200000;
            case "vacancy-diffusion" -> 500000;
            default -> 250000;
        };
    }

    /** The supercell with 0.1 % of its atoms (at least one) removed at random (seeded). */
    static Structure vacancies(Structure perfect, long seed) {
        int n = perfect.size();
        int nv = Math.max(1, n / 1000);
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int removed = 0; removed < nv; ) {
            int i = rng.nextInt(n);
            if (keep[i]) {
                keep[i] = false;
                removed++;
            }
        }
        return perfect.select(keep);
    }

    /**
     * A periodic Voronoi polycrystal: {@code grains} seeds at random in a cube of edge {@code length},
     * each grain a crystal of random orientation (uniform on SO(3)) filling its Voronoi cell (nearest
     * seed under the minimum image); then of every pair closer than 0.7 nearest-neighbour distances
     * the later atom is removed.
     */
    public static Structure nanocrystal(LatticeType type, String element, double a, double length, int grains, long seed) {
        if (grains < 1 || !(length > 2 * a)) {
            throw new InputException("nanocrystal: needs ≥ 1 grain and a cell of more than two lattice constants");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] seeds = new double[grains][3];
        double[][] rot = new double[grains][];
        for (int g = 0; g < grains; g++) {
            for (int k = 0; k < 3; k++) {
                seeds[g][k] = rng.nextDouble() * length;
            }
            rot[g] = randomRotation(rng);
        }
        double[][] basis = type == LatticeType.BCC ? new double[][]{{0, 0, 0}, {0.5, 0.5, 0.5}}
                : new double[][]{{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        double half = 0.5 * length;
        int m = (int) Math.ceil(length * Math.sqrt(3) / 2 / a) + 1;
        List<double[]> kept = new ArrayList<>();
        double[] local = new double[3];
        for (int g = 0; g < grains; g++) {
            double[] r = rot[g];
            for (int i = -m; i <= m; i++) {
                for (int j = -m; j <= m; j++) {
                    for (int k = -m; k <= m; k++) {
                        for (double[] b : basis) {
                            local[0] = (i + b[0]) * a;
                            local[1] = (j + b[1]) * a;
                            local[2] = (k + b[2]) * a;
                            double dx = r[0] * local[0] + r[1] * local[1] + r[2] * local[2];
                            double dy = r[3] * local[0] + r[4] * local[1] + r[5] * local[2];
                            double dz = r[6] * local[0] + r[7] * local[1] + r[8] * local[2];
                            // the displacement from the seed must itself be the minimum image (each point once)
                            if (dx < -half || dx >= half || dy < -half || dy >= half || dz < -half || dz >= half) {
                                continue;
                            }
                            double d2 = dx * dx + dy * dy + dz * dz;
                            double px = seeds[g][0] + dx, py = seeds[g][1] + dy, pz = seeds[g][2] + dz;
                            boolean mine = true;
                            for (int h = 0; h < grains && mine; h++) {
                                if (h == g) {
                                    continue;
                                }
                                double ex = minImage(px - seeds[h][0], length), ey = minImage(py - seeds[h][1], length),
                                        ez = minImage(pz - seeds[h][2], length);
                                mine = ex * ex + ey * ey + ez * ez > d2;
                            }
                            if (mine) {
                                kept.add(new double[]{wrap(px, length), wrap(py, length), wrap(pz, length)});
                            }
                        }
                    }
                }
            }
        }
        Structure.Builder b = Structure.builder(Cell.orthorhombic(length, length, length));
        for (double[] x : kept) {
            b.add(element, x[0], x[1], x[2]);
        }
        Structure s = b.build();
        double nn = type == LatticeType.BCC ? a * Math.sqrt(3) / 2 : a / Math.sqrt(2);
        NeighborList list = NeighborList.build(s, 0.7 * nn, NeighborList.Kind.HALF);
        boolean[] keep = new boolean[s.size()];
        java.util.Arrays.fill(keep, true);
        for (int i = 0; i < s.size(); i++) {
            if (!keep[i]) {
                continue;
            }
            for (int q = list.start(i); q < list.end(i); q++) {
                int j = list.neighbor(q);
                if (j != i && list.distance(q) < 0.7 * nn) {
                    keep[Math.max(i, j)] = false;
                }
            }
        }
        return s.select(keep);
    }

    private static double minImage(double d, double l) {
        return d - l * Math.rint(d / l);
    }

    private static double wrap(double x, double l) {
        double w = x - l * Math.floor(x / l);
        return w >= l ? 0 : w;
    }

    /** A rotation uniform on SO(3) from a random unit quaternion (Shoemake 1992), row-major. */
    static double[] randomRotation(SplittableRandom rng) {
        double u1 = rng.nextDouble(), u2 = rng.nextDouble() * 2 * Math.PI, u3 = rng.nextDouble() * 2 * Math.PI;
        double w = Math.sqrt(1 - u1) * Math.sin(u2), x = Math.sqrt(1 - u1) * Math.cos(u2);
        double y = Math.sqrt(u1) * Math.sin(u3), z = Math.sqrt(u1) * Math.cos(u3);
        return new double[]{
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)};
    }
}
