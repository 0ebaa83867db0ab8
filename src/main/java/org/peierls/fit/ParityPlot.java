package org.peierls.fit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.peierls.io.AtomicWrite;
import org.peierls.util.Charts;

/**
 * Parity plots (predicted against reference) of energies per atom and force components, training
 * and test configurations as two series, with the diagonal; PNG files written atomically (XChart,
 * headless).
 */
public final class ParityPlot {

    private ParityPlot() {
    }

    /** Writes {@code energy_parity.png} and {@code force_parity.png} into {@code dir}. */
    public static void write(Path dir, Dataset data, List<Prediction> predictions, String title) {
        System.setProperty("java.awt.headless", "true");
        double[][] eTrain = new double[2][], eTest = new double[2][], fTrain = new double[2][], fTest = new double[2][];
        collect(data, predictions, Role.TRAIN, eTrain, fTrain);
        collect(data, predictions, Role.TEST, eTest, fTest);
        save(dir.resolve("energy_parity.png"), chart(title + " — energy", "reference energy (eV/atom)",
                "predicted energy (eV/atom)", eTrain, eTest));
        save(dir.resolve("force_parity.png"), chart(title + " — forces", "reference force component (eV/Å)",
                "predicted force component (eV/Å)", fTrain, fTest));
    }

    private static void collect(Dataset data, List<Prediction> predictions, Role role, double[][] e, double[][] f) {
        List<Double> ex = new ArrayList<>(), ey = new ArrayList<>();
        int nf = 0;
        for (int k = 0; k < data.size(); k++) {
            Configuration c = data.get(k);
            Prediction p = predictions.get(k);
            if (c.role() == role && p != null && c.labels().hasForces() && p.forces() != null) {
                nf += 3 * c.atoms();
            }
        }
        double[] fx = new double[nf], fy = new double[nf];
        int at = 0;
        for (int k = 0; k < data.size(); k++) {
            Configuration c = data.get(k);
            Prediction p = predictions.get(k);
            if (c.role() != role || p == null) {
                continue;
            }
            if (c.labels().hasEnergy() && !Double.isNaN(p.energy())) {
                ex.add(c.labels().energy() / c.atoms());
                ey.add(p.energy() / c.atoms());
            }
            if (c.labels().hasForces() && p.forces() != null) {
                double[] lf = c.labels().forces();
                System.arraycopy(lf, 0, fx, at, lf.length);
                System.arraycopy(p.forces(), 0, fy, at, lf.length);
                at += lf.length;
            }
        }
        e[0] = ex.stream().mapToDouble(Double::doubleValue).toArray();
        e[1] = ey.stream().mapToDouble(Double::doubleValue).toArray();
        f[0] = fx;
        f[1] = fy;
    }

    private static XYChart chart(String title, String xLabel, String yLabel, double[][] train, double[][] test) {
        XYChart chart = Charts.xy(title, xLabel, yLabel, 640, 600);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[][] s : new double[][][]{train, test}) {
            for (double[] a : s) {
                for (double v : a) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo < hi)) {
            lo = -1;
            hi = 1;
        }
        XYSeries diag = chart.addSeries("y = x", new double[]{lo, hi}, new double[]{lo, hi});
        diag.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diag.setMarker(SeriesMarkers.NONE);
        diag.setLineColor(java.awt.Color.GRAY);
        if (train[0].length > 0) {
            chart.addSeries("train (" + train[0].length + ")", train[0], train[1]).setMarker(SeriesMarkers.CIRCLE);
        }
        if (test[0].length > 0) {
            chart.addSeries("test (" + test[0].length + ")", test[0], test[1]).setMarker(SeriesMarkers.DIAMOND);
        }
        return chart;
    }

    private static void save(Path file, XYChart chart) {
        AtomicWrite.bytes(file, Charts.png(chart));
    }
}
