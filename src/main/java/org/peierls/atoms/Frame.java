package org.peierls.atoms;

/**
 * One frame of a file or data set: a structure, its reference labels (possibly
 * {@link Labels#NONE}) and a group name (e.g. FitSNAP's "GSF_110", mlearn's "Vacancy", extxyz's
 * {@code config_type}; empty when unknown).
 */
public record Frame(Structure structure, Labels labels, String group) {

    public Frame {
        if (labels == null) {
            labels = Labels.NONE;
        }
        if (group == null) {
            group = "";
        }
        if (labels.forces() != null && labels.forces().length != 3 * structure.size()) {
            throw new IllegalArgumentException("labels have forces for " + labels.forces().length / 3
                    + " atoms, structure has " + structure.size());
        }
    }

    public Frame(Structure structure) {
        this(structure, Labels.NONE, "");
    }
}
