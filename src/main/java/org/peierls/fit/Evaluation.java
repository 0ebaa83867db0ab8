package org.peierls.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peierls.potential.Potential;
import org.peierls.util.InputException;
import org.peierls.util.Parallel;
import org.peierls.util.Progress;

/**
 * Errors of any potential (EAM, SNAP files, a fitted model) on labelled data — what
 * {@code peierls test} reports: the potential is evaluated on every training and test configuration
 * (in parallel over configurations) and compared with the labels by {@link MetricsReport}.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** Predictions of a potential {@code [size()]} (null for unused configurations). */
    public static List<Prediction> predict(Potential potential, Dataset data, Progress progress) {
        Prediction[] out = new Prediction[data.size()];
        RuntimeException[] failure = new RuntimeException[1];
        Parallel.forEachChunk(data.size(), k -> {
            Configuration c = data.get(k);
            if (c.role() != Role.UNUSED) {
                try {
                    out[k] = Prediction.of(potential, c.structure());
                } catch (InputException e) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = new InputException(c.name() + ": " + e.getMessage(), e);
                        }
                    }
                }
            }
            progress.step();
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return new ArrayList<>(Arrays.asList(out));
    }

    /** The metrics of a potential on a data set (force components in the data's frame). */
    public static MetricsReport test(Potential potential, Dataset data, Progress progress) {
        return test(potential, data, ForceFrame.DATA, progress);
    }

    /** The metrics of a potential on a data set, force components in the given frame. */
    public static MetricsReport test(Potential potential, Dataset data, ForceFrame frame, Progress progress) {
        data.checkLabels();
        return MetricsReport.of(data, predict(potential, data, progress), frame);
    }
}
