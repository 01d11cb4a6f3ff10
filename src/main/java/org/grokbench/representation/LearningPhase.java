package org.grokbench.representation;

/**
 * The four phases of learning of Liu et al. 2022, App. A, Table 1. Comprehension and grokking
 * both generalize (the "Goldilocks zone"); grokking does so late.
 */
public enum LearningPhase {
    /** Train and validation accuracy both pass the threshold, validation within the delay of train. */
    COMPREHENSION,
    /** Both pass the threshold, validation more than the delay after train. */
    GROKKING,
    /** Train passes the threshold, validation does not (within the budget). */
    MEMORIZATION,
    /** Train does not pass the threshold within the budget. */
    CONFUSION;

    /** Lower-case name for tables and CSV. */
    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}
