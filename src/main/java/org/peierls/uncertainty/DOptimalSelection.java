package org.peierls.uncertainty;

import java.util.ArrayList;
import java.util.List;

/**
 * Which candidate atoms to label (Podryabinkin &amp; Shapeev 2017, the "select" step of MLIP's
 * active learning): repeatedly take the candidate row with the largest grade γ against the
 * current active set, swap it into the active set (MaxVol, {@link ActiveSet#swapped}), and
 * re-grade the rest, until no candidate is above the threshold. Each swap grows the volume of the
 * active set by γ, so the chosen rows are diverse: a second atom with the same environment as a
 * chosen one has γ ≈ 1 after the swap and is not chosen. A row already in the active set has
 * γ = 1 and is never chosen for a threshold ≥ 1.
 */
public final class DOptimalSelection {

    private DOptimalSelection() {
    }

    /**
     * The chosen rows.
     *
     * @param rows  indices into the candidate list, in the order chosen
     * @param grade γ of each chosen row when it was chosen
     * @param after the active set with every chosen row swapped in
     */
    public record Result(List<Integer> rows, List<Double> grade, ActiveSet after) {
    }

    /**
     * Selects among descriptor rows {@code b} (row-major, {@code n × m}) of one element.
     *
     * @param threshold γ above which a row is worth labelling (γ_select, ≥ 1)
     * @param max       at most this many rows
     */
    public static Result select(ActiveSet active, double[] b, int n, int m, double threshold, int max) {
        if (!(threshold >= 1)) {
            throw new IllegalArgumentException("the selection threshold must be ≥ 1, got " + threshold);
        }
        if (active.features() != m + 1) {
            throw new IllegalArgumentException("descriptor rows have " + m + " components, the active set " + (active.features() - 1));
        }
        ActiveSet a = active;
        List<Integer> rows = new ArrayList<>();
        List<Double> grades = new ArrayList<>();
        boolean[] taken = new boolean[n];
        while (rows.size() < max) {
            int best = -1, bestK = -1;
            double bestG = threshold;
            double[] bestC = null;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double[] c = a.coefficientsOfDescriptor(b, i * m);
                for (int k = 0; k < c.length; k++) {
                    if (Math.abs(c[k]) > bestG) {
                        bestG = Math.abs(c[k]);
                        best = i;
                        bestK = k;
                        bestC = c;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            a = a.swapped(bestK, bestC, "candidate#" + best);
            taken[best] = true;
            rows.add(best);
            grades.add(bestG);
        }
        return new Result(rows, grades, a);
    }
}
