package org.grokbench.landscape;

import java.util.Locale;

/**
 * The directions δ of the paper's slices (App. G.1, Figs. 3, 4, 8, 9, 10 and 12), from the point
 * θ_t of a recorded trajectory θ_0 … θ_T (θ* = θ_T, the final point).
 */
public enum DirectionKind {
    /** δ = θ* − θ_t: α = 1 lands on the final point (Figs. 3 and 4). */
    FINAL("final", "toward θ*"),
    /** δ = θ_0 − θ_t: α = 1 lands on the initialization (Fig. 10). */
    START("start", "toward θ₀"),
    /** δ = θ_{t+1} − θ_t between consecutive recorded rows, ∝ −∇L for gradient descent (Fig. 8). */
    STEP("step", "along the step"),
    /** A seeded Gaussian direction (Fig. 9). */
    RANDOM("random", "random"),
    /** The trajectory's first two principal directions (App. G.4, Fig. 12); a plane, so 2D only. */
    PCA("pca", "PCA plane");

    private final String cliName;
    private final String label;

    DirectionKind(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    /** The word the CLI takes. */
    public String cliName() { return cliName; }

    /** How figures name the direction. */
    public String label() { return label; }

    @Override public String toString() { return label; }

    /** The kind named {@code word} (case-insensitive); null when there is none. */
    public static DirectionKind parse(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        for (DirectionKind k : values()) if (k.cliName.equals(w)) return k;
        return null;
    }
}
