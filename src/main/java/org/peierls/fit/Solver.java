package org.peierls.fit;

import java.util.Locale;
import org.peierls.util.InputException;

/** Solves a {@link TriangularSystem} (weighted linear least squares). Implementations are immutable. */
public interface Solver {

    /**
     * The coefficients minimising ‖R·x − z‖ (plus any regularisation of the solver).
     *
     * @throws InputException when the system cannot be solved as asked (e.g. rank-deficient for QR)
     */
    Solution solve(TriangularSystem system);

    /** e.g. "svd rcond=1e-13". */
    String describe();

    /**
     * A solver by name: {@code svd} (cut-off {@code rcond}, as numpy/scipy lstsq and FitSNAP's SVD
     * solver with 1e-13), {@code qr} (fails on a rank-deficient system, naming the columns), or
     * {@code ridge} (penalty {@code lambda}).
     */
    static Solver named(String name, double rcond, double lambda) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "svd" -> new SvdSolver(rcond);
            case "qr" -> new QrSolver();
            case "ridge" -> new RidgeSolver(lambda);
            default -> throw new InputException("unknown solver '" + name + "' (known: svd, qr, ridge)");
        };
    }
}
