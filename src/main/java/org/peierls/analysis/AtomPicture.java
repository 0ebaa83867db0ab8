package org.peierls.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.peierls.atoms.Structure;

/**
 * A picture of atoms as OVITO draws them: an orthographic projection along a view direction,
 * atoms as shaded spheres drawn back to front (painter's order, nearest on top), the cell's
 * edges, lines (dislocations) over the atoms, and a legend. Atoms are coloured by a label column
 * (structure types in OVITO's colours: fcc green, hcp red, bcc blue, ico yellow, other white;
 * the diamond classes in their blue and orange families; any other label from a qualitative
 * palette) or by a number column (a blue–red scale with its colour bar).
 *
 * <p>The screen frame: looking along −d (d the view direction, toward the viewer), right is the
 * first cell axis projected off d (or, if that is parallel to d, the second), up is d × right.
 * For a view along z, right is x and up is y.</p>
 */
public final class AtomPicture {

    private final Structure structure;
    private double[] view = {0, 0, 1};
    private int[] colors;
    private Map<String, Integer> legend = new LinkedHashMap<>();
    private double[] values;
    private String valueName = "";
    private double vmin;
    private double vmax;
    private String title = "";
    private int width = 900;
    private double radius = Double.NaN;
    private final List<double[]> lines = new ArrayList<>();
    private final List<String> lineLabels = new ArrayList<>();

    private AtomPicture(Structure structure) {
        if (structure.size() == 0) {
            throw new IllegalArgumentException("no atoms to draw");
        }
        this.structure = structure;
        this.colors = new int[structure.size()];
        Arrays.fill(colors, 0xB0B0B0);
    }

    public static AtomPicture of(Structure s) {
        return new AtomPicture(s);
    }

    /** The view direction (Cartesian; toward the viewer). */
    public AtomPicture view(double[] direction) {
        double n = Math.sqrt(direction[0] * direction[0] + direction[1] * direction[1] + direction[2] * direction[2]);
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("view direction must be a non-zero vector, got " + Arrays.toString(direction));
        }
        view = new double[]{direction[0] / n, direction[1] / n, direction[2] / n};
        return this;
    }

    /** The view along a cell axis: 'x', 'y' or 'z' (Cartesian). */
    public AtomPicture view(char axis) {
        return view(switch (Character.toLowerCase(axis)) {
            case 'x' -> new double[]{1, 0, 0};
            case 'y' -> new double[]{0, 1, 0};
            case 'z' -> new double[]{0, 0, 1};
            default -> throw new IllegalArgumentException("view axis must be x, y or z, got " + axis);
        });
    }

    /** Colours by label, with the legend in order of first appearance of each palette entry. */
    public AtomPicture labels(String[] labels) {
        if (labels.length != structure.size()) {
            throw new IllegalArgumentException(labels.length + " labels for " + structure.size() + " atoms");
        }
        Map<String, Integer> count = new LinkedHashMap<>();
        for (String l : labels) {
            count.merge(l, 1, Integer::sum);
        }
        legend = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(count.keySet());
        order.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        int extra = 0;
        Map<String, Integer> rgb = new LinkedHashMap<>();
        for (String l : order) {
            Integer c = colourOf(l);
            rgb.put(l, c != null ? c : QUALITATIVE[extra++ % QUALITATIVE.length]);
            legend.put(l + " (" + count.get(l) + ")", rgb.get(l));
        }
        for (int i = 0; i < labels.length; i++) {
            colors[i] = rgb.get(labels[i]);
        }
        values = null;
        return this;
    }

    /** Colours by number on a blue–white–red scale from the minimum to the maximum finite value. */
    public AtomPicture values(double[] v, String name) {
        if (v.length != structure.size()) {
            throw new IllegalArgumentException(v.length + " values for " + structure.size() + " atoms");
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (!(hi >= lo)) {
            lo = 0;
            hi = 1;
        }
        values = v.clone();
        valueName = name;
        vmin = lo;
        vmax = hi > lo ? hi : lo + 1;
        for (int i = 0; i < v.length; i++) {
            colors[i] = Double.isFinite(v[i]) ? scale((v[i] - vmin) / (vmax - vmin)) : 0x808080;
        }
        legend = new LinkedHashMap<>();
        return this;
    }

    public AtomPicture title(String t) {
        title = t == null ? "" : t;
        return this;
    }

    /** Width of the image in pixels (the height follows the projected extent). */
    public AtomPicture width(int px) {
        if (px < 100 || px > 8000) {
            throw new IllegalArgumentException("picture width must be 100…8000 px, got " + px);
        }
        width = px;
        return this;
    }

    /** Sphere radius, Å (default 0.45 × the median nearest-neighbour distance). */
    public AtomPicture radius(double r) {
        radius = r;
        return this;
    }

    /** A polyline over the atoms (flat [x,y,z,…], Å) with a legend label. */
    public AtomPicture line(double[] points, String label) {
        lines.add(points.clone());
        lineLabels.add(label);
        return this;
    }

    public BufferedImage render() {
        double[] d = view;
        double[] right = null;
        for (int k = 0; k < 3 && right == null; k++) {
            double[] a = structure.cell().vector(k);
            double dot = a[0] * d[0] + a[1] * d[1] + a[2] * d[2];
            double[] p = {a[0] - dot * d[0], a[1] - dot * d[1], a[2] - dot * d[2]};
            double n = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
            if (n > 1e-6 * (1 + Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]))) {
                right = new double[]{p[0] / n, p[1] / n, p[2] / n};
            }
        }
        if (right == null) {
            right = Math.abs(d[0]) < 0.9 ? orthonormal(new double[]{1, 0, 0}, d) : orthonormal(new double[]{0, 1, 0}, d);
        }
        double[] up = {d[1] * right[2] - d[2] * right[1], d[2] * right[0] - d[0] * right[2], d[0] * right[1] - d[1] * right[0]};
        int n = structure.size();
        double[] x = structure.positions();
        double[] u = new double[n], v = new double[n], depth = new double[n];
        double umin = Double.POSITIVE_INFINITY, umax = Double.NEGATIVE_INFINITY, vmn = Double.POSITIVE_INFINITY, vmx = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            u[i] = x[3 * i] * right[0] + x[3 * i + 1] * right[1] + x[3 * i + 2] * right[2];
            v[i] = x[3 * i] * up[0] + x[3 * i + 1] * up[1] + x[3 * i + 2] * up[2];
            depth[i] = x[3 * i] * d[0] + x[3 * i + 1] * d[1] + x[3 * i + 2] * d[2];
            umin = Math.min(umin, u[i]);
            umax = Math.max(umax, u[i]);
            vmn = Math.min(vmn, v[i]);
            vmx = Math.max(vmx, v[i]);
        }
        double[][] corners = cellCorners();
        boolean drawCell = structure.cell().isRegular();
        if (drawCell) {
            for (double[] c : corners) {
                double cu = dot(c, right), cv = dot(c, up);
                umin = Math.min(umin, cu);
                umax = Math.max(umax, cu);
                vmn = Math.min(vmn, cv);
                vmx = Math.max(vmx, cv);
            }
        }
        double r = Double.isNaN(radius) ? 0.45 * NeighborShells.medianNearest(structure, 2.5) : radius;
        umin -= r;
        umax += r;
        vmn -= r;
        vmx += r;
        int legendW = legendWidth();
        int titleH = title.isEmpty() ? 10 : 34;
        int plotW = width - legendW - 20;
        double scale = plotW / Math.max(umax - umin, 1e-9);
        int plotH = (int) Math.ceil((vmx - vmn) * scale);
        int legendH = 30 + 22 * (legend.size() + lines.size()) + (values != null ? 220 : 0);
        int height = Math.max(plotH + titleH + 10, legendH + titleH);
        height = Math.min(height, 8000);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x20, 0x20, 0x28));
        g.fillRect(10, titleH, plotW, plotH);
        final double s = scale, u0 = umin, v1 = vmx;
        final int top = titleH, left = 10;
        java.util.function.DoubleUnaryOperator px = a -> left + (a - u0) * s;
        java.util.function.DoubleUnaryOperator py = b -> top + (v1 - b) * s;
        if (drawCell) {
            g.setColor(new Color(0x90, 0x90, 0x98));
            g.setStroke(new BasicStroke(1.2f));
            int[][] edges = {{0, 1}, {0, 2}, {0, 4}, {1, 3}, {1, 5}, {2, 3}, {2, 6}, {3, 7}, {4, 5}, {4, 6}, {5, 7}, {6, 7}};
            for (int[] e : edges) {
                g.draw(new Line2D.Double(px.applyAsDouble(dot(corners[e[0]], right)), py.applyAsDouble(dot(corners[e[0]], up)),
                        px.applyAsDouble(dot(corners[e[1]], right)), py.applyAsDouble(dot(corners[e[1]], up))));
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(depth[a], depth[b]));
        float rp = (float) (r * scale);
        for (int i : order) {
            float cx = (float) px.applyAsDouble(u[i]), cy = (float) py.applyAsDouble(v[i]);
            Color base = new Color(colors[i]);
            Color dark = new Color((int) (base.getRed() * 0.35), (int) (base.getGreen() * 0.35), (int) (base.getBlue() * 0.35));
            if (rp >= 2) {
                g.setPaint(new RadialGradientPaint(new Point2D.Float(cx - 0.35f * rp, cy - 0.35f * rp), 1.3f * rp,
                        new float[]{0f, 0.25f, 1f}, new Color[]{Color.WHITE, base, dark}));
            } else {
                g.setPaint(base);
            }
            g.fill(new Ellipse2D.Float(cx - rp, cy - rp, 2 * rp, 2 * rp));
        }
        g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int k = 0; k < lines.size(); k++) {
            double[] p = lines.get(k);
            Path2D.Double path = new Path2D.Double();
            for (int m = 0; m < p.length / 3; m++) {
                double[] q = {p[3 * m], p[3 * m + 1], p[3 * m + 2]};
                double a = px.applyAsDouble(dot(q, right)), b = py.applyAsDouble(dot(q, up));
                if (m == 0) {
                    path.moveTo(a, b);
                } else {
                    path.lineTo(a, b);
                }
            }
            g.setColor(LINE_COLOURS[k % LINE_COLOURS.length]);
            g.draw(path);
            java.awt.geom.Rectangle2D box = path.getBounds2D();
            if (p.length == 3 || Math.max(box.getWidth(), box.getHeight()) < 8) {
                // a point, or a line seen end-on: a ringed dot where it pierces the picture
                double a = box.getCenterX(), b = box.getCenterY();
                g.fill(new Ellipse2D.Double(a - 7, b - 7, 14, 14));
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(new Ellipse2D.Double(a - 7, b - 7, 14, 14));
                g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            }
        }
        drawLegend(g, width - legendW - 5, titleH, right, up);
        if (!title.isEmpty()) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, 12, 22);
        }
        g.dispose();
        return img;
    }

    /** The picture as PNG bytes. */
    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void drawLegend(Graphics2D g, int x0, int y0, double[] right, double[] up) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        int y = y0 + 16;
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(Locale.ROOT, "view ∥ [%.2f %.2f %.2f]", view[0], view[1], view[2]), x0, y);
        y += 20;
        for (Map.Entry<String, Integer> e : legend.entrySet()) {
            g.setColor(new Color(e.getValue()));
            g.fillRect(x0, y - 11, 14, 14);
            g.setColor(Color.GRAY);
            g.drawRect(x0, y - 11, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), x0 + 20, y);
            y += 22;
        }
        for (int k = 0; k < lines.size(); k++) {
            g.setColor(LINE_COLOURS[k % LINE_COLOURS.length]);
            g.fillRect(x0, y - 6, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(lineLabels.get(k), x0 + 20, y);
            y += 22;
        }
        if (values != null) {
            g.setColor(Color.BLACK);
            g.drawString(valueName, x0, y);
            y += 8;
            int h = 180;
            for (int k = 0; k < h; k++) {
                g.setColor(new Color(scale(1 - k / (double) (h - 1))));
                g.fillRect(x0, y + k, 18, 1);
            }
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.4g", vmax), x0 + 24, y + fm.getAscent());
            g.drawString(String.format(Locale.ROOT, "%.4g", vmin), x0 + 24, y + h);
        }
    }

    private int legendWidth() {
        int longest = 20;
        for (String k : legend.keySet()) {
            longest = Math.max(longest, k.length());
        }
        for (String k : lineLabels) {
            longest = Math.max(longest, k.length());
        }
        return Math.min(320, 40 + 8 * longest);
    }

    private double[][] cellCorners() {
        double[] a = structure.cell().vector(0), b = structure.cell().vector(1), c = structure.cell().vector(2);
        double[][] out = new double[8][3];
        for (int m = 0; m < 8; m++) {
            for (int k = 0; k < 3; k++) {
                out[m][k] = ((m >> 2) & 1) * a[k] + ((m >> 1) & 1) * b[k] + (m & 1) * c[k];
            }
        }
        return out;
    }

    private static double[] orthonormal(double[] a, double[] d) {
        double dot = dot(a, d);
        double[] p = {a[0] - dot * d[0], a[1] - dot * d[1], a[2] - dot * d[2]};
        double n = Math.sqrt(dot(p, p));
        return new double[]{p[0] / n, p[1] / n, p[2] / n};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    /** The colour of a known label (structure types, diamond classes), or null. */
    public static Integer colourOf(String label) {
        for (StructureType t : StructureType.values()) {
            if (t.label().equals(label)) {
                return t == StructureType.OTHER ? 0xF2F2F2 : t.rgb();
            }
        }
        for (DiamondStructure.Type t : DiamondStructure.Type.values()) {
            if (t.label().equals(label)) {
                return t.rgb();
            }
        }
        return null;
    }

    private static int rank(String label) {
        for (StructureType t : StructureType.values()) {
            if (t.label().equals(label)) {
                return t.ordinal();
            }
        }
        for (DiamondStructure.Type t : DiamondStructure.Type.values()) {
            if (t.label().equals(label)) {
                return 10 + t.ordinal();
            }
        }
        return 100;
    }

    /** Blue (0) – white (½) – red (1). */
    static int scale(double t) {
        double c = Math.max(0, Math.min(1, t));
        int r, g, b;
        if (c < 0.5) {
            double f = c / 0.5;
            r = (int) Math.round(59 + f * (240 - 59));
            g = (int) Math.round(76 + f * (240 - 76));
            b = (int) Math.round(192 + f * (240 - 192));
        } else {
            double f = (c - 0.5) / 0.5;
            r = (int) Math.round(240 + f * (180 - 240));
            g = (int) Math.round(240 + f * (4 - 240));
            b = (int) Math.round(240 + f * (38 - 240));
        }
        return (r << 16) | (g << 8) | b;
    }

    private static final int[] QUALITATIVE = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF};
    private static final Color[] LINE_COLOURS = {new Color(0xE0, 0x10, 0x10), new Color(0xFF, 0xA0, 0x00), new Color(0x00, 0xC0, 0xFF),
        new Color(0xC0, 0x00, 0xC0)};
}
