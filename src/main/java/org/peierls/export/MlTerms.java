package org.peierls.export;

import java.util.List;
import org.peierls.atoms.Element;
import org.peierls.descriptor.Bispectrum;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.descriptor.MtpDescriptor;
import org.peierls.io.AtomicWrite;
import org.peierls.model.LinearModel;
import org.peierls.model.MlPotential;
import org.peierls.model.MtpFile;
import org.peierls.model.QuadraticModel;
import org.peierls.model.SnapFiles;
import org.peierls.potential.Potential;
import org.peierls.util.InputException;

/**
 * Machine-learning potentials: SNAP and quadratic SNAP as {@code .snapcoeff}/{@code .snapparam}
 * for {@code pair_style snap} (ML-SNAP); moment tensor potentials as an MLIP-2 {@code .mtp} file
 * with {@code mlip.ini} for {@code pair_style mlip}, which is not part of LAMMPS but of the MLIP-2
 * interface (LAMMPS must be built with it; the note says so).
 */
final class MlTerms implements TermWriter {

    @Override
    public PairTerm write(Potential p, ExportContext ctx) {
        if (!(p instanceof MlPotential ml)) {
            return null;
        }
        if (ml.descriptor() instanceof Bispectrum bis && ctx.mliap()) {
            return mliap(ml, bis, ctx);
        }
        if (ml.descriptor() instanceof Bispectrum) {
            ctx.requireTypes(ml.species(), ml.describe());
            String coeff = ctx.name() + ".snapcoeff";
            String param = ctx.name() + ".snapparam";
            SnapFiles.write(ml, ctx.file(coeff), ctx.file(param), ml.describe());
            return PairTerm.of("snap", "", List.of(PairTerm.Coeff.all(coeff + " " + param + " " + ctx.typeSymbols())),
                    List.of(), "ML-SNAP");
        }
        if (ml.descriptor() instanceof MtpDescriptor mtp) {
            return mtp(ml, mtp, ctx);
        }
        return null;
    }

    /**
     * SNAP or qSNAP for ML-IAP: {@code pair_style mliap model linear|quadratic NAME.mliap.model
     * descriptor sna NAME.mliap.descriptor}. The model file holds the same coefficients per element
     * as a {@code .snapcoeff} (bias, linear, then for quadratic the upper triangle with ½ on the
     * diagonal, the order both of LAMMPS's packages use); the descriptor file every flag explicitly.
     */
    private static PairTerm mliap(MlPotential ml, Bispectrum bis, ExportContext ctx) {
        ctx.requireTypes(ml.species(), ml.describe());
        BispectrumParameters bp = bis.parameters();
        boolean quadratic = ml.model(0) instanceof QuadraticModel;
        int nt = ml.types();
        StringBuilder m = new StringBuilder("# ML-IAP ").append(quadratic ? "quadratic" : "linear")
                .append(" model written by Peierls for ").append(ml.describe()).append("\n\n");
        m.append(nt).append(' ').append(ml.model(0).parameterCount()).append('\n');
        for (int t = 0; t < nt; t++) {
            if ((ml.model(t) instanceof QuadraticModel) != quadratic) {
                throw new InputException("export: ML-IAP needs the same model kind for every element");
            }
            for (double v : ml.model(t).parameters()) {
                m.append(Double.toString(v)).append('\n');
            }
        }
        StringBuilder d = new StringBuilder("# ML-IAP sna descriptor written by Peierls for ").append(ml.describe()).append("\n\n");
        d.append("rcutfac ").append(bp.rcutfac()).append('\n');
        d.append("twojmax ").append(bp.twojmax()).append('\n');
        d.append("nelems ").append(nt).append('\n');
        StringBuilder els = new StringBuilder(), rad = new StringBuilder(), w = new StringBuilder();
        for (int t = 0; t < nt; t++) {
            els.append(' ').append(Element.symbol(bp.elements()[t]));
            rad.append(' ').append(bp.radelem()[t]);
            w.append(' ').append(bp.wj()[t]);
        }
        d.append("elems").append(els).append('\n').append("radelems").append(rad).append('\n').append("welems").append(w).append('\n');
        d.append("rfac0 ").append(bp.rfac0()).append('\n');
        d.append("rmin0 ").append(bp.rmin0()).append('\n');
        d.append("switchflag ").append(bp.switchFlag() ? 1 : 0).append('\n');
        d.append("bzeroflag ").append(bp.bzeroFlag() ? 1 : 0).append('\n');
        d.append("bnormflag ").append(bp.bnormFlag() ? 1 : 0).append('\n');
        String model = ctx.name() + ".mliap.model", desc = ctx.name() + ".mliap.descriptor";
        AtomicWrite.text(ctx.file(model), out -> out.write(m.toString()));
        AtomicWrite.text(ctx.file(desc), out -> out.write(d.toString()));
        return PairTerm.of("mliap", "model " + (quadratic ? "quadratic " : "linear ") + model + " descriptor sna " + desc,
                List.of(PairTerm.Coeff.all(ctx.typeSymbols())), List.of(), "ML-IAP");
    }

    private static PairTerm mtp(MlPotential ml, MtpDescriptor d, ExportContext ctx) {
        int[] z = ml.species();
        int[] types = ctx.types();
        // MLIP-2's pair style maps LAMMPS type t to MTP species t − 1: the orders must agree.
        if (types.length > z.length) {
            ctx.requireTypes(z, ml.describe());
        }
        for (int t = 0; t < types.length; t++) {
            if (types[t] != z[t]) {
                throw new InputException("export: MLIP-2's pair_style mlip maps LAMMPS type " + (t + 1) + " to MTP species "
                        + t + " (" + Element.symbol(z[t]) + "), but the structure's type " + (t + 1) + " is "
                        + Element.symbol(types[t]) + "; order the types as the MTP's species");
            }
        }
        double[] s = new double[z.length];
        double[] xi = null;
        for (int t = 0; t < z.length; t++) {
            if (!(ml.model(t) instanceof LinearModel lin)) {
                throw new InputException("export: an MTP with a non-linear model cannot be written as an MLIP-2 .mtp file");
            }
            s[t] = lin.bias();
            if (xi == null) {
                xi = lin.weights();
            } else if (!java.util.Arrays.equals(xi, lin.weights())) {
                throw new InputException("export: MLIP-2 .mtp files share the moment coefficients between species;"
                        + " this MTP has separate ones per species");
            }
        }
        MtpFile file = new MtpFile(MtpFile.defaultName(z, d.parameters().basis().level()), z, d.parameters(), s, xi);
        String mtpName = ctx.name() + ".mtp";
        file.write(ctx.file(mtpName));
        String ini = "mtp-filename    " + mtpName + "\nselect          FALSE\n";
        AtomicWrite.text(ctx.file("mlip.ini"), w -> w.write(ini));
        String note = "pair_style mlip is not part of LAMMPS: it comes with the MLIP-2 interface"
                + " (https://gitlab.com/ashapeev/interface-lammps-mlip-2); build LAMMPS with it to run " + mtpName;
        ctx.note(note);
        return new PairTerm("mlip", "mlip.ini", List.of(PairTerm.Coeff.all("")), List.of(), null, note, null);
    }
}
