package org.peierls.properties;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.peierls.atoms.Units;
import org.peierls.defects.Gsf;
import org.peierls.defects.StackingFault;
import org.peierls.util.Charts;

/**
 * The γ-surface of a plane: the GSF energy γ(f₁, f₂) (mJ/m²) on an n₁ × n₂ grid of shifts
 * (fractions of the two in-plane periods of the oriented cell), atoms relaxed normal to the plane
 * only; the grid is periodic (f = 1 equals f = 0) and the map PNG repeats the first row and column.
 */
public final class GammaSurface {

    /**
     * @param line  the plane (and the direction of x) as for a GSF curve
     * @param n1    grid intervals along x
     * @param n2    grid intervals along y
     * @param relax relaxation settings
     */
    public record Options(StackingFaultEnergy.Line line, int n1, int n2, RelaxSettings relax) {
        public Options {
            if (n1 < 2 || n2 < 2) {
                throw new IllegalArgumentException("γ-surface grid must be at least 2×2");
            }
        }
    }

    /**
     * @param line      the plane
     * @param xLabel    crystal direction of x
     * @param yLabel    crystal direction of y
     * @param periods   in-plane periods (x, y), Å
     * @param energies  γ[i][j] at (i/n1, j/n2), mJ/m², i ≤ n1, j ≤ n2 (periodic edges included)
     * @param maximum   largest γ on the grid, mJ/m²
     * @param converged whether every grid point's relaxation reached its force tolerance
     */
    public record Result(StackingFaultEnergy.Line line, String xLabel, String yLabel, double[] periods, double[][] energies, double maximum,
                         boolean converged) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("plane", line.plane());
            m.put("x", xLabel);
            m.put("y", yLabel);
            m.put("periods_a", periods);
            m.put("grid_mj_m2", energies);
            m.put("max_mj_m2", maximum);
            m.put("converged", converged);
            return m;
        }

        /** Heat map of γ over the shift plane, axes in Å. */
        public byte[] png(String title) {
            System.setProperty("java.awt.headless", "true");
            int n1 = energies.length, n2 = energies[0].length;
            HeatMapChart chart = new HeatMapChartBuilder().width(800).height(650).title(title)
                    .xAxisTitle("shift along " + xLabel + " (Å)").yAxisTitle("shift along " + yLabel + " (Å)").build();
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setShowValue(false);
            chart.getStyler().setRangeColors(new Color[]{new Color(48, 18, 59), new Color(40, 188, 235), new Color(164, 252, 60),
                new Color(251, 185, 56), new Color(122, 4, 3)});
            List<String> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i < n1; i++) {
                xs.add(String.format(Locale.ROOT, "%.2f", periods[0] * i / (n1 - 1)));
            }
            for (int j = 0; j < n2; j++) {
                ys.add(String.format(Locale.ROOT, "%.2f", periods[1] * j / (n2 - 1)));
            }
            List<Number[]> heat = new ArrayList<>();
            for (int i = 0; i < n1; i++) {
                for (int j = 0; j < n2; j++) {
                    heat.add(new Number[]{i, j, energies[i][j]});
                }
            }
            chart.addSeries("γ (mJ/m²)", xs, ys, heat);
            return Charts.png(chart);
        }
    }

    private GammaSurface() {
    }

    public static Result compute(ReferenceCrystal crystal, Options options) {
        Gsf gsf = StackingFaultEnergy.builder(crystal, options.line());
        int n1 = options.n1(), n2 = options.n2();
        StackingFault[][] grid = gsf.surface(n1, n2);
        double toMj = 1e3 / Units.J_PER_M2_TO_EV_PER_A2;
        double[][] e = new double[n1 + 1][n2 + 1];
        double e0 = Double.NaN;
        double max = Double.NEGATIVE_INFINITY;
        boolean converged = true;
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                StackingFault sf = grid[i][j];
                RelaxSettings.Relaxed r = options.relax().relax(sf.structure(), crystal.potential());
                converged &= r.converged();
                double en = r.energy();
                if (i == 0 && j == 0) {
                    e0 = en;
                }
                e[i][j] = (en - e0) / sf.area() * toMj;
                max = Math.max(max, e[i][j]);
            }
        }
        for (int i = 0; i <= n1; i++) {
            e[i][n2] = e[i % n1][0];
        }
        for (int j = 0; j <= n2; j++) {
            e[n1][j] = e[0][j % n2];
        }
        String x = gsf.crystal().xLabel(), y = gsf.crystal().yLabel();
        return new Result(options.line(), x, y, gsf.periods(), e, max, converged);
    }
}
