package org.peierls.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.io.ExtendedXyz;
import org.peierls.testutil.SharedData;

/**
 * One case of {@code ../shared/data/lammps-reference}: the structure and what LAMMPS computed
 * for it (energy eV, forces eV/Å, stress eV/Å³ positive = tensile, Voigt xx yy zz yz xz xy),
 * read with the project's extended-XYZ reader.
 *
 * <p>The stress is taken from LAMMPS's own printed pressure tensor ({@code index.json},
 * {@code pressure_bar}, printed with 10 decimals) converted back with LAMMPS's metal-unit factor
 * nktv2p = 1.6021765e6 bar per eV/Å³, which is exactly how LAMMPS made it from the virial. The
 * {@code stress} field of the extxyz files was converted with the CODATA-2018 factor
 * 1.602176634e6 instead, 8.4e-8 relative off LAMMPS's: 1e-5 GPa on the 118 GPa of the compressed
 * Ta cell, more than the 1e-6 GPa tolerance of the tests.</p>
 */
record LammpsReference(Structure structure, double energy, double[] forces, double[] stress) {

    /** LAMMPS metal units: bar per eV/Å³ (force->nktv2p). */
    static final double LAMMPS_NKTV2P = 1.6021765e6;

    static LammpsReference load(String name) {
        Frame f = ExtendedXyz.read(SharedData.data("lammps-reference/" + name + ".extxyz")).get(0);
        double[] voigt = lammpsStress(name);
        double[] fromXyz = f.labels().stress();
        for (int v = 0; v < 6; v++) {
            // the two agree to the 1e-7 of the unit conversions
            if (Math.abs(fromXyz[v] - voigt[v]) > 1e-6 * Math.abs(voigt[v]) + 1e-12) {
                throw new IllegalStateException(name + ": extxyz stress " + fromXyz[v] + " vs LAMMPS pressure " + voigt[v]);
            }
        }
        return new LammpsReference(f.structure(), f.labels().energy(), f.labels().forces(), voigt);
    }

    /** −P/nktv2p from index.json, Voigt xx yy zz yz xz xy, eV/Å³, positive = tensile. */
    private static double[] lammpsStress(String name) {
        try {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(name + " is not in index.json");
    }
}
