package org.peierls.fit;

/** What a configuration of a {@link Dataset} is used for. */
public enum Role {
    /** Fitted. */
    TRAIN,
    /** Held out: only evaluated. */
    TEST,
    /** Neither (e.g. beyond FitSNAP's training_size + testing_size). */
    UNUSED
}
