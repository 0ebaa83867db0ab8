package org.peierls.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.peierls.atoms.Structure;

/**
 * LAMMPS's per-atom analyses of a structure ({@code run 0} with {@code pair_style zero}):
 * {@code cna/atom}, {@code centro/atom}, {@code coord/atom cutoff} and {@code orientorder/atom}
 * (degrees 4 and 6), read back in the structure's atom order.
 *
 * @param cna    1 fcc, 2 hcp, 3 bcc, 4 icosahedral, 5 unknown
 * @param centro centro-symmetry parameter, Å²
 * @param coord  coordination number
 * @param q4     Steinhardt q4
 * @param q6     Steinhardt q6
 */
public record LammpsAnalysis(int[] cna, double[] centro, int[] coord, double[] q4, double[] q6) {

    /**
     * @param s            the structure (lower-triangular cell, fully periodic)
     * @param types        the element of LAMMPS types 1, 2, …
     * @param cnaCutoff    cutoff of cna/atom, Å
     * @param centroN      neighbors of centro/atom
     * @param coordCutoff  cutoff of coord/atom, Å
     * @param qNeighbors   nnn of orientorder/atom
     * @param qCutoff      cutoff of orientorder/atom, Å
     * @param listCutoff   the pair_style zero cutoff (the neighbor list of every compute), Å
     */
    public static LammpsAnalysis run(Structure s, int[] types, double cnaCutoff, int centroN, double coordCutoff, int qNeighbors,
                                     double qCutoff, double listCutoff, Path work) throws IOException, InterruptedException {
        LammpsRun.writeData(s, types, work.resolve("data.lmp"));
        String in = String.format(Locale.ROOT, """
                units metal
                atom_style atomic
                boundary p p p
                box tilt large
                read_data data.lmp
                pair_style zero %.10g
                pair_coeff * *
                neighbor 0.5 bin
                compute cna all cna/atom %.10g
                compute csp all centro/atom %d
                compute cn all coord/atom cutoff %.10g
                compute q all orientorder/atom degrees 2 4 6 nnn %d cutoff %.10g
                dump d all custom 1 analysis.dump id c_cna c_csp c_cn c_q[1] c_q[2]
                dump_modify d sort id format float %%.17g
                run 0
                """, listCutoff, cnaCutoff, centroN, coordCutoff, qNeighbors, qCutoff);
        LammpsRun.lmp(work, in);
        List<String> dump = Files.readAllLines(work.resolve("analysis.dump"));
        int n = s.size();
        int[] cna = new int[n], coord = new int[n];
        double[] centro = new double[n], q4 = new double[n], q6 = new double[n];
        int start = dump.indexOf(dump.stream().filter(l -> l.startsWith("ITEM: ATOMS")).findFirst().orElseThrow()) + 1;
        for (int k = start; k < start + n; k++) {
            String[] t = dump.get(k).trim().split("\\s+");
            int id = Integer.parseInt(t[0]) - 1;
            cna[id] = (int) Math.round(Double.parseDouble(t[1]));
            centro[id] = Double.parseDouble(t[2]);
            coord[id] = (int) Math.round(Double.parseDouble(t[3]));
            q4[id] = Double.parseDouble(t[4]);
            q6[id] = Double.parseDouble(t[5]);
        }
        return new LammpsAnalysis(cna, centro, coord, q4, q6);
    }
}
