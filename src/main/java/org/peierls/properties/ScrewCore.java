package org.peierls.properties;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.peierls.analysis.CoreType;
import org.peierls.analysis.DifferentialDisplacement;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.defects.Dislocation;
import org.peierls.defects.ElasticModel;
import org.peierls.defects.ScrewQuadrupole;
import org.peierls.util.Charts;

/**
 * The core of the bcc ½⟨111⟩ screw dislocation: a quadrupolar dipole ({@link ScrewQuadrupole},
 * one Burgers vector thick, cores started at easy sites from the anisotropic elastic field when
 * the elastic constants are known) relaxed at fixed cell — from the symmetric start and from a
 * slightly rattled one, keeping the lower energy; its differential-displacement map and
 * the polarity of each core ({@link DifferentialDisplacement#polarity}), and the core type that
 * follows from them ({@link DifferentialDisplacement#coreType}).
 */
public final class ScrewCore {

    /**
     * @param nx     repeats of the a√6 × a√2 × a√3/2 cell along x = [11-2]
     * @param ny     repeats along y = [-110] (ny ≈ √3·nx makes the cell nearly square)
     * @param rattle random displacement of every atom (fixed seed) for a second relaxation, Å: the
     *               lower-energy of the symmetric and the rattled relaxation is kept, so that a
     *               symmetric core that is a saddle point does not stay by symmetry, and a
     *               metastable asymmetric core is not taken for the ground state (0: symmetric only)
     * @param relax  relaxation settings
     */
    public record Options(int nx, int ny, double rattle, RelaxSettings relax) {
        public Options {
            if (nx < 2 || ny < 3) {
                throw new IllegalArgumentException("screw quadrupole needs nx ≥ 2 and ny ≥ 3, got " + nx + "×" + ny);
            }
        }
    }

    /**
     * @param dislocation the built dipole (unrelaxed, with its reference crystal and core positions)
     * @param relaxed     the relaxed cell
     * @param energy      its energy, eV
     * @param map         DD map of the relaxed cell
     * @param polarity    polarity of the +b and the −b core
     * @param type        "compact/non-degenerate" or "degenerate"
     * @param converged   relaxation converged
     */
    public record Result(Dislocation dislocation, Structure relaxed, double energy, DifferentialDisplacement.Map map, double[] polarity,
                         String type, boolean converged) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("polarity", polarity[0]);
            m.put("polarity_second_core", polarity[1]);
            m.put("type", type);
            m.put("atoms", relaxed.size());
            m.put("cell", "quadrupole, " + dislocation.description());
            m.put("converged", converged);
            return m;
        }

        /**
         * The DD map around the +b core: columns coloured by their height in the perfect crystal
         * (three (111) layers), arrows between neighbouring columns along the pair with length
         * |DD|/(b/3) times the column spacing (Vitek's convention), pointing from the column whose
         * displacement is lower to the higher one; pairs across the cell boundary are left out.
         */
        public byte[] png(String title) {
            double[] core = dislocation.cores()[0];
            double b = map.b();
            double[] xy = map.columns();
            double spacing = 2 * b / Math.sqrt(3) * Math.sqrt(2.0 / 3);   // a√(2/3), b = a√3/2
            double window = 3.3 * spacing;
            XYChart chart = Charts.xy(title, "x [11-2] (Å)", "y [-110] (Å)", 720, 700);
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setMarkerSize(12);
            Color[] colors = {new Color(20, 20, 20), new Color(120, 120, 120), new Color(200, 200, 200)};
            double[] refZ = columnHeights();
            for (int layer = 0; layer < 3; layer++) {
                int count = 0;
                for (int c = 0; c < map.columnCount(); c++) {
                    if (layerOf(refZ[c], b) == layer && near(xy[2 * c], xy[2 * c + 1], core, window)) {
                        count++;
                    }
                }
                if (count == 0) {
                    continue;
                }
                double[] x = new double[count], y = new double[count];
                int k = 0;
                for (int c = 0; c < map.columnCount(); c++) {
                    if (layerOf(refZ[c], b) == layer && near(xy[2 * c], xy[2 * c + 1], core, window)) {
                        x[k] = xy[2 * c];
                        y[k] = xy[2 * c + 1];
                        k++;
                    }
                }
                XYSeries s = chart.addSeries("layer " + layer, x, y);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(colors[layer]);
            }
            // arrows, one polyline with NaN breaks
            java.util.List<Double> ax = new java.util.ArrayList<>(), ay = new java.util.ArrayList<>();
            for (int p = 0; p < map.pairCount(); p++) {
                int i = map.pairs()[2 * p], j = map.pairs()[2 * p + 1];
                double dd = map.dd()[p];
                if (Math.abs(xy[2 * j] - xy[2 * i] - map.dx()[2 * p]) > 1e-6 || Math.abs(xy[2 * j + 1] - xy[2 * i + 1] - map.dx()[2 * p + 1]) > 1e-6) {
                    continue;   // the pair wraps across the cell boundary: drawn only inside the cell
                }
                double x0 = xy[2 * i], y0 = xy[2 * i + 1];
                double mx = x0 + 0.5 * map.dx()[2 * p], my = y0 + 0.5 * map.dx()[2 * p + 1];
                if (!near(mx, my, core, window) || Math.abs(dd) < 0.02 * b / 3) {
                    continue;
                }
                double scale = dd / (b / 3);
                double ux = map.dx()[2 * p] * scale, uy = map.dx()[2 * p + 1] * scale;
                double tx = mx + 0.5 * ux, ty = my + 0.5 * uy;
                addLine(ax, ay, mx - 0.5 * ux, my - 0.5 * uy, tx, ty);
                double len = Math.hypot(ux, uy);
                double hx = -ux / len * 0.25 * len, hy = -uy / len * 0.25 * len;
                double c30 = Math.cos(Math.toRadians(25)), s30 = Math.sin(Math.toRadians(25));
                addLine(ax, ay, tx, ty, tx + c30 * hx - s30 * hy, ty + s30 * hx + c30 * hy);
                addLine(ax, ay, tx, ty, tx + c30 * hx + s30 * hy, ty - s30 * hx + c30 * hy);
            }
            if (!ax.isEmpty()) {
                double[] x = new double[ax.size()], y = new double[ay.size()];
                for (int k = 0; k < x.length; k++) {
                    x[k] = ax.get(k);
                    y[k] = ay.get(k);
                }
                XYSeries arrows = chart.addSeries("DD", x, y);
                arrows.setMarker(SeriesMarkers.NONE);
                arrows.setLineColor(new Color(200, 30, 30));
                arrows.setLineStyle(new BasicStroke(2f));
            }
            XYSeries c = chart.addSeries(String.format(Locale.ROOT, "core (polarity %.2f)", polarity[0]), new double[]{core[0]},
                    new double[]{core[1]});
            c.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            c.setMarker(SeriesMarkers.CROSS);
            c.setMarkerColor(Color.BLUE);
            chart.getStyler().setXAxisMin(core[0] - window).setXAxisMax(core[0] + window);
            chart.getStyler().setYAxisMin(core[1] - window).setYAxisMax(core[1] + window);
            return Charts.png(chart);
        }

        private double[] columnHeights() {
            Structure ref = dislocation.reference();
            double[] z = new double[map.columnCount()];
            double[] xy = map.columns();
            for (int c = 0; c < z.length; c++) {
                int best = -1;
                double bd = Double.POSITIVE_INFINITY;
                for (int i = 0; i < ref.size(); i++) {
                    double[] d = {ref.position(i, 0) - xy[2 * c], ref.position(i, 1) - xy[2 * c + 1], 0};
                    ref.cell().minimumImage(d);
                    double r = d[0] * d[0] + d[1] * d[1];
                    if (r < bd) {
                        bd = r;
                        best = i;
                    }
                }
                z[c] = ref.position(best, 2);
            }
            return z;
        }

        private static int layerOf(double z, double b) {
            double f = z / (b / 3);
            return Math.floorMod((int) Math.round(f), 3);
        }

        private static boolean near(double x, double y, double[] c, double w) {
            return Math.abs(x - c[0]) <= w && Math.abs(y - c[1]) <= w;
        }

        private static void addLine(java.util.List<Double> ax, java.util.List<Double> ay, double x0, double y0, double x1, double y1) {
            if (!ax.isEmpty()) {
                ax.add(Double.NaN);
                ay.add(Double.NaN);
            }
            ax.add(x0);
            ay.add(y0);
            ax.add(x1);
            ay.add(y1);
        }
    }

    private ScrewCore() {
    }

    /** The elastic model for the dislocation field: Stroh from C_ij when given, else isotropic. */
    static ElasticModel model(ElasticConstants.Result elastic) {
        return elastic == null ? ElasticModel.isotropic(0.3) : ElasticModel.cubic(elastic.c11(), elastic.c12(), elastic.c44());
    }

    /** The relaxed easy-core quadrupole. */
    public static Result compute(ReferenceCrystal crystal, ElasticConstants.Result elastic, Options options) {
        if (crystal.lattice() != LatticeType.BCC) {
            throw new IllegalArgumentException("the screw core calculation is for bcc crystals, got " + crystal.lattice().label());
        }
        Dislocation d = ScrewQuadrupole.bcc(crystal.element(), crystal.a(), model(elastic), options.nx(), options.ny(), 1, CoreType.EASY);
        RelaxSettings.Relaxed r = options.relax().relax(d.structure(), crystal.potential());
        if (options.rattle() > 0) {
            Structure start = InterstitialFormation.rattled(d.structure(), options.rattle(), 11L);
            RelaxSettings.Relaxed rr = options.relax().relax(start, crystal.potential());
            if (rr.energy() < r.energy() - 1e-5) {
                r = rr;
            }
        }
        return analyse(d, r);
    }

    static Result analyse(Dislocation d, RelaxSettings.Relaxed r) {
        double b = Math.abs(d.burgers()[2]);
        DifferentialDisplacement.Map map = DifferentialDisplacement.compute(d.reference(), r.structure(), b);
        double p1 = DifferentialDisplacement.polarity(map, d.cores()[0]);
        double p2 = DifferentialDisplacement.polarity(map, d.cores()[1]);
        return new Result(d, r.structure(), r.energy(), map, new double[]{p1, p2}, DifferentialDisplacement.coreType(p1, p2),
                r.converged());
    }
}
