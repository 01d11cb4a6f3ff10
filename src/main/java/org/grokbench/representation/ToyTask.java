package org.grokbench.representation;

import org.grokbench.data.AdditionTable;
import org.grokbench.data.GroupTable;
import org.grokbench.data.OperationTable;

/**
 * What the toy model learns (Liu et al. 2022): {@link #ADDITION} of p symbols (optionally mod p)
 * with vector embeddings summed (§2), or the permutation group {@link #S3} with d × d matrix
 * embeddings multiplied (App. H). The task fixes the table and the hard-coded {@link Composition}.
 */
public enum ToyTask {
    /** a + b over {0, …, p−1}, Dec(E_a + E_b). */
    ADDITION(Composition.SUM),
    /** a∘b in S₃ (6 symbols, 36 ordered samples), Dec(E_a·E_b). */
    S3(Composition.MATRIX_PRODUCT);

    /** Number of symbols of S₃. */
    public static final int S3_ORDER = 6;

    /** Largest matrix side the CLI and presets accept for S₃ (the decoder's input has d² numbers). */
    public static final int MAX_MATRIX_DIM = 16;

    private final Composition composition;

    ToyTask(Composition composition) { this.composition = composition; }

    public Composition composition() { return composition; }

    /** The table of this task; p and modular apply to {@link #ADDITION} only. */
    public OperationTable table(int p, boolean modular) {
        return switch (this) {
            case ADDITION -> modular ? AdditionTable.modular(p) : AdditionTable.addition(p);
            case S3 -> GroupTable.s3();
        };
    }

    /** |D₀| of the task's table without building it. */
    public int tableSize(int p) {
        return this == ADDITION ? p * (p + 1) / 2 : S3_ORDER * S3_ORDER;
    }
}
