package org.peierls.uncertainty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scores of the atoms of one structure ({@link Uncertainty#score}); arrays are per atom, null
 * for a method the model does not have.
 *
 * @param grade              extrapolation grade γ (≤ 1 interpolation)
 * @param outlier            robust Mahalanobis distance of B_i from the training descriptors of its element
 * @param distortion         signed distortion score 1 − d/d_ref (positive inside the training distribution)
 * @param committeeForceStd  committee spread of the force, eV/Å (null without a committee)
 * @param committeeEnergyStd committee spread of the total energy, eV (NaN without a committee)
 * @param predicted          expected |ΔF| from the calibration of {@code predictedBy}, eV/Å (null when uncalibrated)
 * @param predictedBy        the method behind {@code predicted}
 */
public record AtomScores(double[] grade, double[] outlier, double[] distortion, double[] committeeForceStd,
                         double committeeEnergyStd, double[] predicted, Uncertainty.Method predictedBy) {

    /** The raw score of a method (γ, d, σ_F). */
    public double[] raw(Uncertainty.Method m) {
        return switch (m) {
            case GRADE -> grade;
            case OUTLIER -> outlier;
            case COMMITTEE -> committeeForceStd;
        };
    }

    /** Largest finite value of an array; NaN when none. */
    public static double max(double[] v) {
        if (v == null) {
            return Double.NaN;
        }
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (x > m) {
                m = x;
            }
        }
        return m == Double.NEGATIVE_INFINITY ? Double.NaN : m;
    }

    /** Smallest finite value; NaN when none. */
    static double min(double[] v) {
        if (v == null) {
            return Double.NaN;
        }
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            if (x < m) {
                m = x;
            }
        }
        return m == Double.POSITIVE_INFINITY ? Double.NaN : m;
    }

    /** The frame's JSON: per-atom lists under the command-line keys and the per-frame maxima. */
    public Map<String, Object> json(boolean includeGrade, boolean includeOutlier, boolean includeCommittee) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("natoms", grade.length);
        if (includeGrade) {
            m.put("max_extrapolation_grade", max(grade));
        }
        if (includeOutlier) {
            m.put("max_outlier_score", max(outlier));
            m.put("min_distortion_score", min(distortion));
        }
        if (includeCommittee && committeeForceStd != null) {
            m.put("max_committee_force_std_ev_per_a", max(committeeForceStd));
            m.put("committee_energy_std_ev", committeeEnergyStd);
        }
        if (predicted != null) {
            m.put("max_predicted_force_error_ev_per_a", max(predicted));
            m.put("predicted_by", predictedBy.label());
        }
        if (includeGrade) {
            m.put("extrapolation_grade", grade);
        }
        if (includeOutlier) {
            m.put("outlier_score", outlier);
            m.put("distortion_score", distortion);
        }
        if (includeCommittee && committeeForceStd != null) {
            m.put("committee_force_std_ev_per_a", committeeForceStd);
        }
        if (predicted != null) {
            m.put("predicted_force_error_ev_per_a", predicted);
        }
        return m;
    }
}
