package org.peierls.fit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.peierls.model.MlPotential;
import org.peierls.potential.Potential;

/**
 * A fitted model of any {@link ModelKind}: the potential, its predictions and errors on the data
 * it was fitted with, and what its kind writes — the {@code model.json} content and the LAMMPS
 * files. {@link FitRunner} writes a fit folder from this alone.
 */
public interface FittedModel {

    /** The kind's name ("snap", "mtp", …). */
    String kind();

    /** The fitted model alone (its constants include the reference element energies). */
    MlPotential model();

    /** Reference potential + model: what predicts the labels. */
    Potential potential();

    /** The data it was fitted on (roles and weights of this fit). */
    Dataset data();

    /** Predictions per configuration of {@link #data} (null for unused ones). */
    List<Prediction> predictions();

    /** Errors on the training and test configurations, also per group. */
    MetricsReport metrics();

    /**
     * The {@code model.json} document without provenance: {@code format}, {@code version},
     * {@code kind}, {@code descriptor}, {@code coefficients}, {@code reference},
     * {@code element_energies_ev} (see {@link ModelStore}); the kind's {@link ModelKind#load}
     * reads it back.
     */
    Map<String, Object> json();

    /** How the fit went, in the kind's words (solver and rank; iterations and losses; …), for model.json's "fit". */
    Map<String, Object> fitInfo();

    /**
     * Writes the model's LAMMPS files into {@code dir} (base name {@code name}, a comment line
     * naming the fit) and returns the "lammps" entry of model.json (file names, pair_style).
     */
    Map<String, Object> writeLammps(Path dir, String name, String comment);

    /** A line for the log: the size of the model and of its fit. */
    String summary();
}
