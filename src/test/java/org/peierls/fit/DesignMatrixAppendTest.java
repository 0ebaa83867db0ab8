package org.peierls.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.peierls.util.Progress;

/**
 * Rows appended to a design matrix (active learning's new labels) are the rows a matrix built at
 * once would have, to the bit (each block depends only on its configuration), and the blocks it
 * had are kept, not rebuilt.
 */
class DesignMatrixAppendTest {

    @Test
    void appendedRowsEqualRowsBuiltAtOnce() {
        int mo = FitTestData.z("Mo");
        Dataset first = FitTestData.data(6, mo, 0, 31);
        Dataset more = FitTestData.data(4, mo, 0, 32);
        FeatureBasis basis = new SnapSettings(FitTestData.bispectrum(mo), true, true, null, null).basis();
        DesignMatrix a = DesignMatrix.build(first, basis, Reference.NONE, Progress.silent());
        DesignMatrix appended = a.append(more, basis, Reference.NONE, Progress.silent());
        DesignMatrix once = DesignMatrix.build(first.plus(more), basis, Reference.NONE, Progress.silent());
        assertEquals(once.configurations(), appended.configurations());
        assertEquals(once.rows(), appended.rows());
        for (int k = 0; k < once.configurations(); k++) {
            assertArrayEquals(once.block(k).a(), appended.block(k).a(), 0.0, "rows of configuration " + k);
            assertArrayEquals(once.block(k).truth(), appended.block(k).truth(), 0.0);
        }
        assertSame(a.block(3), appended.block(3), "the old blocks are reused");
        // and a fit on the appended matrix is the fit on the whole data set
        double[] x1 = LeastSquares.fit(appended, new SvdSolver(1e-12)).coefficients();
        double[] x2 = LeastSquares.fit(once, new SvdSolver(1e-12)).coefficients();
        assertArrayEquals(x2, x1, 0.0);
    }
}
