package org.peierls.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.testutil.SharedData;

/**
 * One case of {@code ../shared/data/lammps-reference}: the structure and what LAMMPS computed
 * for it (energy eV, forces eV/Å, stress eV/Å³ positive = tensile, Voigt xx yy zz yz xz xy).
 * A minimal reader of those files' extended XYZ (species, pos, forces columns).
 *
 * <p>The stress is taken from LAMMPS's own printed pressure tensor ({@code index.json},
 * {@code pressure_bar}, printed with 10 decimals) converted back with LAMMPS's metal-unit factor
 * nktv2p = 1.6021765e6 bar per eV/Å³, which is exactly how LAMMPS made it from the virial. The
 * {@code stress} field of the extxyz files was converted with the CODATA-2018 factor
 * 1.602176634e6 instead, which is 8.4e-8 relative off LAMMPS's: 1e-5 GPa on the 118 GPa of the
 * compressed Ta cell, more than the 1e-6 GPa tolerance of the tests.</p>
 */
record LammpsReference(Structure structure, double energy, double[] forces, double[] stress) {

    static LammpsReference load(String name) {
        Path p = SharedData.data("lammps-reference/" + name + ".extxyz");
        try {
            List<String> lines = Files.readAllLines(p);
            int n = Integer.parseInt(lines.get(0).trim());
            Map<String, String> kv = keyValues(lines.get(1));
            double[] lat = numbers(kv.get("Lattice"));
            double[] st = numbers(kv.get("stress"));
            int[] z = new int[n];
            double[] x = new double[3 * n];
            double[] f = new double[3 * n];
            for (int i = 0; i < n; i++) {
                String[] w = lines.get(2 + i).trim().split("\\s+");
                z[i] = Element.number(w[0]);
                for (int k = 0; k < 3; k++) {
                    x[3 * i + k] = Double.parseDouble(w[1 + k]);
                    f[3 * i + k] = Double.parseDouble(w[4 + k]);
                }
            }
            Structure s = new Structure(Cell.periodic(lat), z, x);
            double[] voigt = lammpsStress(name);
            // the extxyz stress must agree with LAMMPS's pressure to the 1e-7 of its unit conversion
            double[] fromXyz = {st[0], st[4], st[8], st[5], st[2], st[1]};
            for (int v = 0; v < 6; v++) {
                if (Math.abs(fromXyz[v] - voigt[v]) > 1e-6 * Math.abs(voigt[v]) + 1e-12) {
                    throw new IllegalStateException(name + ": extxyz stress " + fromXyz[v] + " vs LAMMPS pressure " + voigt[v]);
                }
            }
            return new LammpsReference(s, Double.parseDouble(kv.get("energy")), f, voigt);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** LAMMPS metal units: bar per eV/Å³ (force->nktv2p). */
    static final double LAMMPS_NKTV2P = 1.6021765e6;

    /** −P/nktv2p from index.json, Voigt xx yy zz yz xz xy, eV/Å³, positive = tensile. */
    private static double[] lammpsStress(String name) throws IOException {
        JsonNode all = new ObjectMapper().readTree(SharedData.data("lammps-reference/index.json").toFile());
        for (JsonNode c : all) {
            if (c.get("name").asText().equals(name)) {
                JsonNode p = c.get("pressure_bar");
                double[] s = new double[6];
                for (int v = 0; v < 6; v++) {
                    s[v] = -p.get(v).asDouble() / LAMMPS_NKTV2P;
                }
                return s;
            }
        }
        throw new IllegalStateException(name + " is not in index.json");
    }

    private static Map<String, String> keyValues(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            int eq = line.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = line.substring(i, eq);
            int start = eq + 1;
            String value;
            if (line.charAt(start) == '"') {
                int end = line.indexOf('"', start + 1);
                value = line.substring(start + 1, end);
                i = end + 1;
            } else {
                int end = line.indexOf(' ', start);
                end = end < 0 ? line.length() : end;
                value = line.substring(start, end);
                i = end;
            }
            m.put(key, value);
        }
        return m;
    }

    private static double[] numbers(String s) {
        String[] w = s.trim().split("\\s+");
        double[] d = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            d[i] = Double.parseDouble(w[i]);
        }
        return d;
    }
}
