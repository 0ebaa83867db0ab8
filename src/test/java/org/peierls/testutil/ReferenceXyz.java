package org.peierls.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;

/**
 * A minimal reader for the single-frame extended-XYZ files of {@code lammps-reference}
 * (Lattice, Properties=species:S:1:pos:R:3:forces:R:3, energy, stress 3×3 tensile-positive in
 * eV/Å³). Test-only: the project's general reader lives in {@code org.peierls.io}.
 */
public record ReferenceXyz(Structure structure, double energy, double[] forces, double[] stressVoigt) {

    private static final Pattern KEY = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

    public static ReferenceXyz read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            int n = Integer.parseInt(lines.get(0).trim());
            String header = lines.get(1);
            Matcher m = KEY.matcher(header);
            double[] lattice = null;
            double energy = Double.NaN;
            double[] stress = null;
            while (m.find()) {
                String v = m.group(2).replace("\"", "");
                switch (m.group(1)) {
                    case "Lattice" -> lattice = numbers(v);
                    case "energy" -> energy = Double.parseDouble(v);
                    case "stress" -> stress = numbers(v);
                    default -> { }
                }
            }
            int[] z = new int[n];
            double[] x = new double[3 * n];
            double[] f = new double[3 * n];
            for (int i = 0; i < n; i++) {
                String[] t = lines.get(2 + i).trim().split("\\s+");
                z[i] = Element.number(t[0]);
                for (int k = 0; k < 3; k++) {
                    x[3 * i + k] = Double.parseDouble(t[1 + k]);
                    f[3 * i + k] = Double.parseDouble(t[4 + k]);
                }
            }
            double[] voigt = stress == null ? null
                    : new double[]{stress[0], stress[4], stress[8], stress[5], stress[2], stress[1]};
            return new ReferenceXyz(new Structure(Cell.periodic(lattice), z, x), energy, f, voigt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] numbers(String s) {
        String[] t = s.trim().split("\\s+");
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            v[i] = Double.parseDouble(t[i]);
        }
        return v;
    }
}
