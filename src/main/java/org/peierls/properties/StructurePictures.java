package org.peierls.properties;

import org.peierls.analysis.AtomPicture;
import org.peierls.analysis.PolyhedralTemplateMatching;
import org.peierls.analysis.StructureType;

/** The battery's structure pictures: a relaxed defect cell coloured by its PTM structure types (OVITO's colours). */
final class StructurePictures {

    private StructurePictures() {
    }

    /** Periodic images repeated until the picture spans this many Å across the view. */
    static final double MIN_SPAN = 25;

    /**
     * PNG of {@code s} seen along a Cartesian axis, coloured by polyhedral template matching; a
     * small periodic cell is repeated across the view (types are computed on the cell itself, so
     * the images are copies) until it spans {@value #MIN_SPAN} Å.
     */
    static byte[] byStructureType(org.peierls.atoms.Structure s, char axis, String title) {
        StructureType[] t0 = PolyhedralTemplateMatching.compute(s).types();
        int[] rep = {1, 1, 1};
        int k0 = "xyz".indexOf(axis);
        double[] w = s.cell().isRegular() ? s.cell().perpendicularWidths() : new double[]{0, 0, 0};
        for (int k = 0; k < 3; k++) {
            double[] a = s.cell().vector(k);
            double along = Math.abs(a[k0]) / Math.max(1e-12, Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]));
            if (s.cell().periodic(k) && along < 0.9 && w[k] > 0) {
                rep[k] = (int) Math.min(8, Math.ceil(MIN_SPAN / w[k]));
                break;   // across the screen only: repeating along a boundary normal would draw boundaries that are images
            }
        }
        StructureType[] t = new StructureType[t0.length * rep[0] * rep[1] * rep[2]];
        for (int i = 0; i < t.length; i++) {
            t[i] = t0[i % t0.length];   // Structure.repeat: image-major, atom index fastest
        }
        s = s.repeat(rep[0], rep[1], rep[2]);
        String[] labels = new String[t.length];
        for (int i = 0; i < t.length; i++) {
            labels[i] = t[i].label();
        }
        return AtomPicture.of(s).view(axis).width(720).labels(labels).title(title).png();
    }
}
