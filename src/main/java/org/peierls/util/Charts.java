package org.peierls.util;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Every PNG chart of Peierls goes through here (XChart, headless): the white XY chart each plot
 * starts from, the PNG bytes of a chart, and the compound charts of the study report — lines,
 * a labelled scatter with a front, a parity plot — drawn in one palette with the reference
 * series (the teacher) black and thick. Charts come back as bytes; the caller decides where they
 * go (atomically, through io), which keeps this helper below every layer that plots.
 */
public final class Charts {

    private static final Color[] PALETTE = {
        new Color(0, 0, 0), new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    /** Size of the report's compound charts, px. */
    private static final int WIDTH = 720, HEIGHT = 480;

    private Charts() {
    }

    /** One curve or point set. {@code reference} draws it black and thick (the teacher). */
    public record Series(String name, double[] x, double[] y, boolean reference) {
    }

    /** An 800 × 550 white XY chart with a legend. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        return xy(title, xTitle, yTitle, 800, 550);
    }

    /** A white XY chart with a legend; sets AWT headless, since charts are drawn on servers too. */
    public static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(true);
        return chart;
    }

    /** The chart as PNG bytes. */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Line chart of several series (e.g. GSF curves of the teacher and every student), as PNG. */
    public static byte[] lines(String title, String xLabel, String yLabel, List<Series> series) {
        return lines(title, xLabel, yLabel, series, false);
    }

    /** Line chart, optionally with a logarithmic y axis (NaN points are left out of every line chart), as PNG. */
    public static byte[] lines(String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        XYChart chart = report(title, xLabel, yLabel);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        int c = 1;
        for (Series raw : series) {
            Series s = finite(raw);
            if (s.x().length == 0) {
                continue;
            }
            XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
            xy.setMarker(SeriesMarkers.CIRCLE);
            if (s.reference()) {
                xy.setLineColor(Color.BLACK);
                xy.setMarkerColor(Color.BLACK);
                xy.setLineStyle(new BasicStroke(3f));
            } else {
                Color col = colour(c++);
                xy.setLineColor(col);
                xy.setMarkerColor(col);
            }
        }
        return png(chart);
    }

    /**
     * Scatter of points with labels as series, plus an optional front drawn as a dashed line
     * (e.g. cost vs error with the Pareto front), as PNG.
     */
    public static byte[] scatter(String title, String xLabel, String yLabel, List<Series> points, Series front,
                                 boolean logX, boolean logY) {
        XYChart chart = report(title, xLabel, yLabel);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(9);
        addPoints(chart, points);
        if (front != null && front.x().length > 0) {
            XYSeries xy = chart.addSeries(front.name(), front.x(), front.y());
            xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            xy.setLineColor(Color.BLACK);
            xy.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[]{6f, 4f}, 0f));
            xy.setMarker(SeriesMarkers.NONE);
        }
        return png(chart);
    }

    /** Parity plot: model against reference with the y = x line over the range of the references, as PNG. */
    public static byte[] parity(String title, String unit, List<Series> series) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (Series s : series) {
            for (double v : s.x()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        XYChart chart = report(title, "reference (" + unit + ")", "model (" + unit + ")");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        addPoints(chart, series);
        XYSeries d = chart.addSeries("y = x", new double[]{lo, hi}, new double[]{lo, hi});
        d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        d.setLineColor(Color.BLACK);
        d.setMarker(SeriesMarkers.NONE);
        return png(chart);
    }

    /** The report's chart: the common white chart, its legend outside on the right, light grid lines. */
    private static XYChart report(String title, String xLabel, String yLabel) {
        XYChart chart = xy(title, xLabel, yLabel, WIDTH, HEIGHT);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotGridLinesColor(new Color(230, 230, 230));
        return chart;
    }

    /** Point sets in palette order, empty ones skipped (their colour is not used up). */
    private static void addPoints(XYChart chart, List<Series> points) {
        int c = 1;
        for (Series s : points) {
            if (s.x().length == 0) {
                continue;
            }
            chart.addSeries(s.name(), s.x(), s.y()).setMarkerColor(colour(c++));
        }
    }

    /** The k-th colour (k ≥ 1) after black, cycling. */
    private static Color colour(int k) {
        return PALETTE[1 + (k - 1) % (PALETTE.length - 1)];
    }

    /** The series without its NaN/infinite points (XChart cannot draw them, least of all on log axes). */
    private static Series finite(Series s) {
        int n = 0;
        for (int i = 0; i < s.x().length; i++) {
            n += Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i]) ? 1 : 0;
        }
        if (n == s.x().length) {
            return s;
        }
        double[] x = new double[n], y = new double[n];
        n = 0;
        for (int i = 0; i < s.x().length; i++) {
            if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                x[n] = s.x()[i];
                y[n++] = s.y()[i];
            }
        }
        return new Series(s.name(), x, y, s.reference());
    }
}
