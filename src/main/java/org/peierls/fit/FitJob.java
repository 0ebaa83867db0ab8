package org.peierls.fit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code peierls fit --data …} takes, as a record a user can build in code and hand to
 * {@link FitRunner#run}. Lists of hyper-parameters (twojmax, rcutfac, default weights) are
 * candidates (and ridge penalties): with more than one combination, or {@code cvFolds > 0}, k-fold cross-validation on
 * the training set picks the combination with the lowest
 * {@code objective[0]·E_MAE(meV/atom) + objective[1]·F_MAE(eV/Å) + objective[2]·σ_MAE(GPa)}.
 *
 * @param data           training files/folders
 * @param test           test files/folders (may be empty)
 * @param quadratic      quadratic SNAP (qsnap) instead of linear
 * @param twojmax        candidate 2J_max values
 * @param rcutfac        candidate rcutfac values, Å
 * @param rfac0          θ0 scale
 * @param rmin0          inner radius, Å
 * @param switchFlag     smooth cutoff function
 * @param bzeroFlag      subtract the isolated-atom bispectrum
 * @param elements       element symbols in type order (null: every element of the data, by Z)
 * @param radelem        per element (null: 0.5 each)
 * @param wj             per element (null: 1.0 each)
 * @param weightsFile    YAML of per-group weights and test fractions (null: none)
 * @param energyWeights  candidate default energy weights (null: from the file, else {@link Weights#DEFAULT})
 * @param forceWeights   candidate default force weights (null: idem)
 * @param stressWeights  candidate default stress weights per GPa (null: idem)
 * @param testFraction   fraction of each group held out (NaN: from the weights file, else 0)
 * @param seed           seed of splits and folds
 * @param reference      reference potential spec (null: none)
 * @param elementEnergies reference energies per element symbol, eV/atom
 * @param fitBias        fit β0 (else β0 = reference energy)
 * @param solver         svd, qr or ridge
 * @param rcond          SVD cut-off
 * @param ridge          candidate ridge penalties λ (with solver ridge; several: cross-validated)
 * @param cvFolds        folds of cross-validation (0: only when there are several candidates, then 5)
 * @param objective      weights of energy, force and stress MAE in the cross-validation score
 * @param groupAverage   score the mean of the groups' held-out MAEs (each group counts once) instead
 *                       of the MAEs pooled over configurations
 * @param name           base name of the LAMMPS files (null: elements + "_" + kind)
 * @param out            output folder
 * @param plots          write parity plots
 * @param mtp            MTP options: fit a moment tensor potential instead of SNAP (null: SNAP;
 *                       the bispectrum fields are then unused)
 */
public record FitJob(List<Path> data, List<Path> test, boolean quadratic, int[] twojmax, double[] rcutfac, double rfac0,
                     double rmin0, boolean switchFlag, boolean bzeroFlag, List<String> elements, double[] radelem,
                     double[] wj, Path weightsFile, double[] energyWeights, double[] forceWeights, double[] stressWeights,
                     double testFraction, long seed, String reference, Map<String, Double> elementEnergies,
                     boolean fitBias, String solver, double rcond, double[] ridge, int cvFolds, double[] objective, boolean groupAverage,
                     String name, Path out, boolean plots, MtpOptions mtp) {

    public FitJob {
        if (data == null || data.isEmpty()) {
            throw new org.peierls.util.InputException("--data: give at least one file or folder");
        }
        test = test == null ? List.of() : List.copyOf(test);
        elementEnergies = elementEnergies == null ? Map.of() : Map.copyOf(elementEnergies);
        if (twojmax == null || twojmax.length == 0 || rcutfac == null || rcutfac.length == 0) {
            throw new org.peierls.util.InputException("--twojmax and --rcutfac need at least one value");
        }
        if (ridge == null || ridge.length == 0) {
            ridge = new double[]{0};
        }
        if (cvFolds < 0 || cvFolds == 1) {
            // checked here, before any descriptor is computed (CrossValidation.folds would say so only then)
            throw new org.peierls.util.InputException("--cv needs at least 2 folds (0: only with several candidates), got " + cvFolds);
        }
        if (objective == null) {
            objective = new double[]{1, 100, 0};
        }
        if (objective.length != 3) {
            throw new org.peierls.util.InputException("the cross-validation objective needs 3 weights (energy, force, stress)");
        }
    }

    /** A job with the defaults of the command line: linear SNAP, 2J=6, rcutfac 4.67637, SVD, no reference. */
    public static FitJob defaults(List<Path> data, Path out) {
        return new FitJob(data, List.of(), false, new int[]{6}, new double[]{4.67637}, 0.99363, 0.0, true, false, null,
                null, null, null, null, null, null, Double.NaN, 0, null, Map.of(), true, "svd", SvdSolver.FITSNAP_RCOND,
                new double[]{0}, 0, null, false, null, out, true, null);
    }

    /** "snap", "qsnap" or "mtp". */
    public String kind() {
        return mtp != null ? "mtp" : quadratic ? "qsnap" : "snap";
    }
}
