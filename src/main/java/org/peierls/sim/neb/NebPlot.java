package org.peierls.sim.neb;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.peierls.util.Charts;

/** The energy profile of a band as a PNG (XChart): image energies and the Hermite spline through them. */
public final class NebPlot {
    private NebPlot() {
    }

    /** PNG bytes of the profile E − E₀ (eV) against the reaction coordinate (Å). */
    public static byte[] png(NebResult r, String title) {
        XYChart chart = Charts.xy(title, "reaction coordinate (Å)", "E − E_initial (eV)", 800, 500);
        double[][] sp = r.spline(200);
        XYSeries line = chart.addSeries("spline", sp[0], sp[1]);
        line.setMarker(SeriesMarkers.NONE);
        double[] e = new double[r.energies().length];
        for (int i = 0; i < e.length; i++) {
            e[i] = r.energies()[i] - r.energies()[0];
        }
        XYSeries pts = chart.addSeries("images", r.pathLength(), e);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        XYSeries saddle = chart.addSeries(String.format(java.util.Locale.ROOT, "saddle: %.4f eV", r.barrier()),
                new double[]{r.pathLength()[r.saddleImage()]}, new double[]{r.barrier()});
        saddle.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        saddle.setMarker(SeriesMarkers.DIAMOND);
        return Charts.png(chart);
    }
}
