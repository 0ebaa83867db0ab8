package org.peierls.fit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peierls.atoms.Element;
import org.peierls.io.AtomicWrite;
import org.peierls.model.MlPotential;
import org.peierls.model.SnapFiles;
import org.peierls.potential.Potential;
import org.peierls.potential.SumPotential;
import org.peierls.potential.pair.Zbl;
import org.peierls.util.InputException;

/**
 * Writes a fitted SNAP potential for LAMMPS: {@code NAME.snapcoeff} and {@code NAME.snapparam},
 * and {@code NAME.snap}, the include file with the whole potential — the reference potential
 * overlaid ({@code pair_style hybrid/overlay zbl IN OUT snap} and one {@code pair_coeff I J zbl Zi Zj}
 * per pair of types) — so that nobody has to add the reference by hand. Reference element
 * energies are already in β0.
 */
public final class LammpsExport {

    private LammpsExport() {
    }

    /**
     * Checks that a reference potential can be written into a {@code .snap} file.
     *
     * @throws InputException naming what cannot
     */
    public static void checkExportable(Reference reference) {
        pairStyles(reference.potential(), new int[]{1});
    }

    /** Writes the three files into {@code dir}; returns the {@code .snap} path. */
    public static Path write(Path dir, String name, SnapFit fit, String comment) {
        MlPotential ml = fit.model();
        Path coeff = dir.resolve(name + ".snapcoeff");
        Path param = dir.resolve(name + ".snapparam");
        SnapFiles.write(ml, coeff, param, comment);
        int[] z = ml.species();
        List<String[]> styles = pairStyles(fit.settings().reference().potential(), z);
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(comment.replace('\n', ' ')).append('\n');
        sb.append("# written by Peierls: the whole potential, reference included; use with 'include ").append(name)
                .append(".snap'\n# LAMMPS atom types 1…").append(z.length).append(" are ");
        for (int t = 0; t < z.length; t++) {
            sb.append(t == 0 ? "" : ", ").append(Element.symbol(z[t]));
        }
        sb.append("\n\n");
        StringBuilder elements = new StringBuilder();
        for (int t : z) {
            elements.append(' ').append(Element.symbol(t));
        }
        if (styles.isEmpty()) {
            sb.append("pair_style snap\n");
            sb.append("pair_coeff * * ").append(name).append(".snapcoeff ").append(name).append(".snapparam")
                    .append(elements).append('\n');
        } else {
            sb.append("pair_style hybrid/overlay");
            for (String[] s : styles) {
                sb.append(' ').append(s[0]);
            }
            sb.append(" snap\n");
            for (String[] s : styles) {
                for (int k = 1; k < s.length; k++) {
                    sb.append(s[k]).append('\n');
                }
            }
            sb.append("pair_coeff * * snap ").append(name).append(".snapcoeff ").append(name).append(".snapparam")
                    .append(elements).append('\n');
        }
        Path snap = dir.resolve(name + ".snap");
        AtomicWrite.text(snap, w -> w.write(sb.toString()));
        return snap;
    }

    /** Per reference term: {style with arguments, pair_coeff lines…}. */
    private static List<String[]> pairStyles(Potential p, int[] z) {
        List<String[]> out = new ArrayList<>();
        if (p == null) {
            return out;
        }
        if (p instanceof SumPotential sum) {
            for (Potential q : sum.parts()) {
                out.addAll(pairStyles(q, z));
            }
            return out;
        }
        if (p instanceof Zbl zbl) {
            List<String> s = new ArrayList<>();
            s.add(String.format(Locale.ROOT, "zbl %s %s", num(zbl.inner()), num(zbl.outer())));
            for (int a = 0; a < z.length; a++) {
                for (int b = a; b < z.length; b++) {
                    s.add("pair_coeff " + (a + 1) + " " + (b + 1) + " zbl " + z[a] + " " + z[b]);
                }
            }
            out.add(s.toArray(new String[0]));
            return out;
        }
        throw new InputException("the reference potential " + p.describe()
                + " cannot be written into the LAMMPS .snap file (supported: zbl)");
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) + ".0" : Double.toString(v);
    }
}
