package org.grokbench.sweep;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.ModelSpec;
import org.grokbench.experiment.ModularDataSpec;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.preset.PresetLimits;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A hyperparameter a sweep can vary, applied to one run of an {@link ExperimentSpec}. Ranges are
 * the preset format's ({@link PresetLimits}), so a swept spec is always one a preset could hold.
 *
 * <p>{@link #SEED} sets the experiment's seed (the toy test set, the modular train/test split) and,
 * for a run whose θ₀ is drawn at random, its init seed too: another seed is another draw of
 * everything random, which is what a sweep over seeds is for.
 */
public enum SweepParameter {
    LR("lr", "learning rate η", false),
    LAMBDA("lambda", "weight decay λ", false),
    SEED("seed", "seed", true),
    STEPS("steps", "steps", true),
    TRAIN_FRACTION("trainFraction", "training fraction f_s", false),
    HIDDEN("hidden", "hidden width d_h", true);

    private final String key;
    private final String words;
    private final boolean integer;

    SweepParameter(String key, String words, boolean integer) {
        this.key = key;
        this.words = words;
        this.integer = integer;
    }

    /** The name used on the command line and in files ({@code lr}, {@code lambda}, ...). */
    public String key() { return key; }

    /** The name in the papers' words, for axis labels. */
    public String words() { return words; }

    /** Whether the values are whole numbers. */
    public boolean integer() { return integer; }

    /** All keys, for messages. */
    public static String keys() {
        return Arrays.stream(values()).map(SweepParameter::key).collect(Collectors.joining(", "));
    }

    /** The parameter named {@code key} (case-insensitive), or a {@link SweepException} listing the names. */
    public static SweepParameter of(String key) {
        for (SweepParameter p : values()) if (p.key.equalsIgnoreCase(key.strip())) return p;
        throw new SweepException("unknown sweep parameter '" + key.strip() + "'; allowed: " + keys());
    }

    /** "a number in (0, 10]" etc.: the allowed range in words, for messages. */
    public String range() {
        return switch (this) {
            case LR -> "a number in (0, " + fmt(PresetLimits.MAX_LR) + "]";
            case LAMBDA -> "a number in [0, " + fmt(PresetLimits.MAX_LAMBDA) + "]";
            case SEED -> "a whole number in [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]";
            case STEPS -> "a whole number in [1, " + PresetLimits.MAX_STEPS + "]";
            case TRAIN_FRACTION -> "a number in (0, 1)";
            case HIDDEN -> "a whole number in [1, " + PresetLimits.MAX_HIDDEN + "]";
        };
    }

    /** Throws a {@link SweepException} naming this parameter when {@code v} is outside its range. */
    public void check(double v) {
        boolean ok = Double.isFinite(v) && (!integer || v == Math.rint(v)) && switch (this) {
            case LR -> v > 0 && v <= PresetLimits.MAX_LR;
            case LAMBDA -> v >= 0 && v <= PresetLimits.MAX_LAMBDA;
            case SEED -> v >= Long.MIN_VALUE && v <= Long.MAX_VALUE;
            case STEPS -> v >= 1 && v <= PresetLimits.MAX_STEPS;
            case TRAIN_FRACTION -> v > 0 && v < 1;
            case HIDDEN -> v >= 1 && v <= PresetLimits.MAX_HIDDEN;
        };
        if (!ok) throw new SweepException(key + " must be " + range() + ", got " + fmt(v));
    }

    /** Throws a {@link SweepException} when this parameter does not apply to the spec's model. */
    public void checkApplies(ExperimentSpec spec) {
        String kind = spec.model().kind();
        boolean modular = spec.model().isModular();
        if ((this == TRAIN_FRACTION || this == HIDDEN) && !modular)
            throw new SweepException(key + " applies only to the modular-addition presets (model kinds "
                    + ModelSpec.MODULAR_KINDS + "); " + spec.id() + " has model '" + kind + "'");
        if (this == LAMBDA && "modular-eq20".equals(kind))
            throw new SweepException("lambda does not apply to " + spec.id() + ": Eq. (20) is the λ → 0 limit");
        if (this == TRAIN_FRACTION && spec.modularData() == null)
            throw new SweepException(key + " needs a preset with a \"data\" split; " + spec.id() + " has none");
    }

    /** The spec with this parameter of run {@code run} (or of the experiment) set to {@code v}. */
    public ExperimentSpec apply(ExperimentSpec spec, int run, double v) {
        check(v);
        checkApplies(spec);
        RunSpec r = spec.runs().get(run);
        return switch (this) {
            case LR -> spec.withRun(run, r.withLr(v));
            case LAMBDA -> spec.withRun(run, r.withLambda(v));
            case STEPS -> spec.withRun(run, r.withSteps((long) v));
            case SEED -> {
                ExperimentSpec s = spec.withSeed((long) v);
                yield r.init().length == 0 ? s.withRun(run, r.withInitSeed((long) v)) : s;
            }
            case TRAIN_FRACTION -> {
                ModularDataSpec d = spec.modularData();
                yield withModel(spec, spec.model(), new ModularDataSpec(d.pairs(), v, 0));
            }
            case HIDDEN -> {
                ModelSpec m = spec.model();
                yield withModel(spec, new ModelSpec(m.kind(), m.inputs(), m.modulus(), (int) v, m.activation(),
                        m.reduction()), spec.modularData());
            }
        };
    }

    /** The value of this parameter in the spec's run {@code run} (what an unswept cell uses). */
    public double valueIn(ExperimentSpec spec, int run) {
        RunSpec r = spec.runs().get(run);
        return switch (this) {
            case LR -> r.lr();
            case LAMBDA -> r.lambda();
            case STEPS -> r.steps();
            case SEED -> spec.seed();
            case TRAIN_FRACTION -> spec.modularData() == null ? Double.NaN : spec.modularData().trainFraction();
            case HIDDEN -> spec.model().hidden();
        };
    }

    /** "lambda = 1e-05", "hidden = 128": a value as it reads in labels and messages. */
    public String describe(double v) {
        return key + " = " + fmt(v);
    }

    private static ExperimentSpec withModel(ExperimentSpec s, ModelSpec model, ModularDataSpec data) {
        return new ExperimentSpec(s.id(), s.title(), s.story(), s.paper(), s.figure(), model, s.train(), s.test(),
                s.runs(), s.seed(), s.probes(), s.view(), data);
    }

    /** Shortest round-trip text: 10 → "10", 1e-5 → "1e-05" style kept short. */
    public static String fmt(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String g = String.format(Locale.ROOT, "%.6g", v);
        if (g.contains("e")) {
            String[] parts = g.split("e");
            String mant = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            return mant + "e" + Integer.parseInt(parts[1]);
        }
        return g.contains(".") ? g.replaceAll("0+$", "").replaceAll("\\.$", "") : g;
    }
}
