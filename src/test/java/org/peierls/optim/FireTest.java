package org.peierls.optim;

class FireTest extends MinimizerContract {
    /**
     * Time steps scaled to the functions' stiffness as for MD: the Rosenbrock Hessian reaches
     * λ ≈ 1000 near the minimum, so Δt must stay below 2/√λ ≈ 0.06.
     */
    @Override
    Minimizer minimizer() {
        Fire.Parameters d = Fire.Parameters.defaults();
        return new Fire(new Fire.Parameters(0.005, 0.05, 0.0001, 0.2, d.nDelay(), d.fInc(), d.fDec(),
                d.alphaStart(), d.fAlpha(), d.maxUphill(), d.initialDelay()));
    }

    @Override
    int rosenbrockBudget() {
        return 20000;
    }
}
