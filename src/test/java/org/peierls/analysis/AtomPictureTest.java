package org.peierls.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;

/**
 * The picture puts each atom where the orthographic projection says: two atoms in a 10 Å box
 * seen along z land at the pixels their x, y give (scale = plot width / (box + 2r)), in their
 * label's colour; the nearer of two overlapping atoms is drawn on top; a view along x swaps the
 * screen axes as stated.
 */
class AtomPictureTest {

    private static Structure twoAtoms() {
        return new Structure(Cell.orthorhombic(10, 10, 10), new int[]{29, 29}, new double[]{2, 3, 1, 7, 6, 8});
    }

    /** Pixel of Cartesian (a, b) on screen for the layout of {@link AtomPicture#render} with width 600, radius 1, no title. */
    private static int[] pixel(double a, double b, double lo, double hiV) {
        int legendW = Math.min(320, 40 + 8 * 20);
        int plotW = 600 - legendW - 20;
        double scale = plotW / (12.0);
        return new int[]{(int) Math.round(10 + (a - lo) * scale), (int) Math.round(10 + (hiV - b) * scale)};
    }

    @Test
    void atomsLandWhereTheProjectionPutsThemInTheirColour() {
        BufferedImage img = AtomPicture.of(twoAtoms()).radius(1).width(600).labels(new String[]{"fcc", "bcc"}).render();
        int[] p0 = pixel(2, 3, -1, 11), p1 = pixel(7, 6, -1, 11);
        Color c0 = new Color(img.getRGB(p0[0], p0[1])), c1 = new Color(img.getRGB(p1[0], p1[1]));
        assertTrue(c0.getGreen() > c0.getRed() && c0.getGreen() > c0.getBlue(), "fcc atom is green: " + c0);
        assertTrue(c1.getBlue() > c1.getRed() && c1.getBlue() > c1.getGreen(), "bcc atom is blue: " + c1);
        // between them: the dark background
        int[] mid = pixel(4.5, 4.5, -1, 11);
        assertEquals(new Color(0x20, 0x20, 0x28).getRGB(), img.getRGB(mid[0], mid[1]));
    }

    @Test
    void theNearerAtomIsOnTop() {
        Structure s = new Structure(Cell.orthorhombic(10, 10, 10), new int[]{29, 29}, new double[]{5, 5, 2, 5, 5, 8});
        BufferedImage img = AtomPicture.of(s).radius(1).width(600).labels(new String[]{"fcc", "hcp"}).render();
        int[] p = pixel(5, 5, -1, 11);
        Color c = new Color(img.getRGB(p[0], p[1]));
        assertTrue(c.getRed() > c.getGreen(), "z = 8 (hcp, red) is nearer the viewer than z = 2: " + c);
        // seen along x, the two atoms separate along the screen's horizontal axis (y right, z up)
        BufferedImage side = AtomPicture.of(s).radius(1).width(600).view('x').labels(new String[]{"fcc", "hcp"}).render();
        int[] top = pixel(5, 8, -1, 11), bottom = pixel(5, 2, -1, 11);
        assertTrue(new Color(side.getRGB(top[0], top[1])).getRed() > 150, "z = 8 up");
        assertTrue(new Color(side.getRGB(bottom[0], bottom[1])).getGreen() > 150, "z = 2 down");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AtomPicture.of(twoAtoms()).view(new double[]{0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> AtomPicture.of(twoAtoms()).labels(new String[]{"fcc"}));
    }
}
