package org.grokbench.landscape;

/** How a direction is scaled before slicing. */
public enum Scaling {
    /** As it is (δ = θ* − θ_t reaches θ* at α = 1); a random direction gets ‖δ‖ = ‖θ_t‖. */
    RAW("raw"),
    /** Every filter of δ rescaled to the norm of the same filter of θ_t (App. G.1, {@link FilterNormalization}). */
    FILTER("filter");

    private final String cliName;

    Scaling(String cliName) { this.cliName = cliName; }

    public String cliName() { return cliName; }

    @Override public String toString() { return this == RAW ? "raw" : "filter-normalized"; }

    /** The scaling named {@code word}; null when there is none. */
    public static Scaling parse(String word) {
        for (Scaling s : values()) if (s.cliName.equalsIgnoreCase(word.strip())) return s;
        return null;
    }
}
