package org.grokbench.representation;

import org.grokbench.sweep.SweepException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A hyperparameter of the representation toy that a phase diagram varies (Liu et al. 2022, §4.1
 * and App. G): the decoder's learning rate and weight decay (Fig. 6 b-d), the representation's
 * learning rate (Fig. 6 a) and weight decay (Fig. 15), the initialization scale (Fig. 14).
 */
public enum ToyParameter {
    DECODER_LR("decoderLr", "decoder learning rate", true),
    DECODER_WD("decoderWd", "decoder weight decay", false),
    REPR_LR("reprLr", "representation learning rate", true),
    REPR_WD("reprWd", "representation weight decay", false),
    INIT_SCALE("initScale", "initialization scale", true);

    private final String key, words;
    private final boolean positive;

    ToyParameter(String key, String words, boolean positive) {
        this.key = key;
        this.words = words;
        this.positive = positive;
    }

    /** The name on the command line and in phase-diagram.csv. */
    public String key() { return key; }

    /** The paper's words, for axis labels. */
    public String words() { return words; }

    public static String keys() {
        return Arrays.stream(values()).map(ToyParameter::key).collect(Collectors.joining(", "));
    }

    public static ToyParameter of(String key) {
        for (ToyParameter p : values()) if (p.key.equalsIgnoreCase(key.strip())) return p;
        throw new SweepException("unknown phase-diagram parameter '" + key.strip() + "'; allowed: " + keys());
    }

    /** Allowed range in words. */
    public String range() { return positive ? "a number in (0, 100]" : "a number in [0, 100]"; }

    /** Throws a {@link SweepException} naming the parameter and its range when v is outside it. */
    public void check(double v) {
        boolean ok = Double.isFinite(v) && v <= 100 && (positive ? v > 0 : v >= 0);
        if (!ok) throw new SweepException(key + " must be " + range() + ", got " + String.format(Locale.ROOT, "%s", v));
    }

    /** {@code spec} with this parameter set to v. */
    public ToySpec apply(ToySpec spec, double v) {
        return switch (this) {
            case DECODER_LR -> spec.withDecoder(spec.decoder().withLr(v));
            case DECODER_WD -> spec.withDecoder(spec.decoder().withWeightDecay(v));
            case REPR_LR -> spec.withRepresentation(spec.representation().withLr(v));
            case REPR_WD -> spec.withRepresentation(spec.representation().withWeightDecay(v));
            case INIT_SCALE -> spec.withInitScale(v);
        };
    }
}
