package org.peierls.sim.neb;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The energy profile of a band as a PNG (XChart): image energies and the Hermite spline through them. */
public final class NebPlot {
    private NebPlot() {
    }

    /** PNG bytes of the profile E − E₀ (eV) against the reaction coordinate (Å). */
    public static byte[] png(NebResult r, String title) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle("reaction coordinate (Å)").yAxisTitle("E − E_initial (eV)").build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
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
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e1) {
            throw new UncheckedIOException(e1);
        }
    }
}
