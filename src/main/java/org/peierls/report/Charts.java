package org.peierls.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.peierls.io.AtomicWrite;

/** PNG charts of the report (XChart, headless), written atomically. */
public final class Charts {

    private static final Color[] PALETTE = {
        new Color(0, 0, 0), new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private Charts() {
    }

    /** One curve or point set. {@code reference} draws it black and thick (the teacher). */
    public record Series(String name, double[] x, double[] y, boolean reference) {
    }

    /** Line chart of several series (e.g. GSF curves of the teacher and every student). */
    public static void lines(Path png, String title, String xLabel, String yLabel, List<Series> series) {
        lines(png, title, xLabel, yLabel, series, false);
    }

    /** Line chart, optionally with a logarithmic y axis (NaN points are left out of log charts). */
    public static void lines(Path png, String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        XYChart chart = chart(title, xLabel, yLabel);
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
                Color col = PALETTE[1 + (c++ - 1) % (PALETTE.length - 1)];
                xy.setLineColor(col);
                xy.setMarkerColor(col);
            }
        }
        save(chart, png);
    }

    /**
     * Scatter of points with labels as series, plus an optional front drawn as a line (e.g. cost
     * vs error with the Pareto front).
     */
    public static void scatter(Path png, String title, String xLabel, String yLabel, List<Series> points, Series front,
                               boolean logX, boolean logY) {
        XYChart chart = chart(title, xLabel, yLabel);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(9);
        int c = 1;
        for (Series s : points) {
            if (s.x().length == 0) {
                continue;
            }
            XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
            xy.setMarkerColor(PALETTE[1 + (c++ - 1) % (PALETTE.length - 1)]);
        }
        if (front != null && front.x().length > 0) {
            XYSeries xy = chart.addSeries(front.name(), front.x(), front.y());
            xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            xy.setLineColor(Color.BLACK);
            xy.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[]{6f, 4f}, 0f));
            xy.setMarker(SeriesMarkers.NONE);
        }
        save(chart, png);
    }

    /** Parity plot: predicted vs reference with the y = x line. */
    public static void parity(Path png, String title, String unit, List<Series> series) {
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
        Series diagonal = new Series("y = x", new double[]{lo, hi}, new double[]{lo, hi}, true);
        XYChart chart = chart(title, "reference (" + unit + ")", "model (" + unit + ")");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        int c = 1;
        for (Series s : series) {
            if (s.x().length == 0) {
                continue;
            }
            XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
            xy.setMarkerColor(PALETTE[1 + (c++ - 1) % (PALETTE.length - 1)]);
        }
        XYSeries d = chart.addSeries(diagonal.name(), diagonal.x(), diagonal.y());
        d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        d.setLineColor(Color.BLACK);
        d.setMarker(SeriesMarkers.NONE);
        save(chart, png);
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

    private static XYChart chart(String title, String xLabel, String yLabel) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(720).height(480).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(230, 230, 230));
        return chart;
    }

    private static void save(XYChart chart, Path png) {
        try {
            byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            AtomicWrite.bytes(png, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
