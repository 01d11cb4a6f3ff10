package org.grokbench.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.grokbench.experiment.Command;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.RunSpec;
import org.grokbench.representation.ToySpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The run's editable hyperparameters and their validation: per overlaid run η (lr), λ and θ₀
 * (init); for the whole experiment the seed and the step budget. A representation-toy run (Liu et
 * al. 2022, §4.1) has two optimizers instead: the representation's and the decoder's learning
 * rate and weight decay, the latter as PyTorch's weight_decay (the paper's numbers; the engine's
 * λ is half of it), and no θ₀ field (the seed draws it). A committed valid lr
 * or λ becomes a {@link Command} (the run loop applies it between steps); a committed valid seed,
 * step budget or init becomes a new spec and a reset. Invalid text is marked at its field with
 * the allowed range and never applied.
 *
 * <p>No toolkit needed: plain JavaFX properties.
 */
public final class HyperparametersViewModel {
    /** Allowed ranges, shown at the field when a value falls outside. */
    public static final double MAX_LR = 10, MAX_LAMBDA = 10, MAX_INIT = 100;
    /** PyTorch's weight_decay of the representation toy, as its preset and the CLI allow. */
    public static final double MAX_WEIGHT_DECAY = 100;
    public static final long MAX_STEPS = 10_000_000L;

    /** What committing a value does: a live command or a reset with a new spec. */
    public interface Actions {
        void send(Command command);
        void reset(ExperimentSpec spec);
    }

    /**
     * The fields of one overlaid run. θ₀ is edited as numbers for the toy models; a large model
     * (no explicit θ₀) shows the seed its θ₀ is drawn with instead.
     */
    public static final class RunRow {
        private final String label;
        private final ValidatedValue<Double> lr;
        private final ValidatedValue<Double> lambda;
        private final ValidatedValue<double[]> init;
        private final ValidatedValue<Long> initSeed;
        private final ValidatedValue<Double> decoderLr, decoderWd;

        RunRow(RunSpec r, ToySpec toy) {
            this.label = r.label();
            if (toy != null) {
                lr = ValidatedValue.decimal("representation lr", 0, true, MAX_LR, false);
                lambda = ValidatedValue.decimal("representation wd", 0, false, MAX_WEIGHT_DECAY, false);
                decoderLr = ValidatedValue.decimal("decoder lr", 0, true, MAX_LR, false);
                decoderWd = ValidatedValue.decimal("decoder wd", 0, false, MAX_WEIGHT_DECAY, false);
                lr.show(r.lr());
                lambda.show(2 * r.lambda());
                decoderLr.show(toy.decoder().lr());
                decoderWd.show(toy.decoder().weightDecay());
                init = null;
                initSeed = null;
                return;
            }
            lr = ValidatedValue.decimal("lr", 0, true, MAX_LR, false);
            lambda = ValidatedValue.decimal("λ", 0, false, MAX_LAMBDA, false);
            decoderLr = null;
            decoderWd = null;
            lr.show(r.lr());
            lambda.show(r.lambda());
            if (r.init().length > 0) {
                init = ValidatedValue.vector("init", r.init().length, -MAX_INIT, MAX_INIT);
                init.show(r.init());
                initSeed = null;
            } else {
                init = null;
                initSeed = ValidatedValue.integer("init seed", 0, Long.MAX_VALUE);
                initSeed.show(r.initSeed());
            }
        }

        public String label() { return label; }
        /** lr, or the representation's lr of a representation-toy run. */
        public ValidatedValue<Double> lr() { return lr; }
        /** λ, or the representation's weight decay (PyTorch's, = 2λ) of a representation-toy run. */
        public ValidatedValue<Double> lambda() { return lambda; }
        /** The θ₀ field: numbers (toy models) or the seed θ₀ is drawn with (large models); null for the representation toy. */
        public ValidatedValue<?> init() { return init != null ? init : initSeed; }
        /** Whether this is a representation-toy run (two optimizers, no θ₀ field). */
        public boolean hasDecoder() { return decoderLr != null; }
        /** The decoder's lr of a representation-toy run, else null. */
        public ValidatedValue<Double> decoderLr() { return decoderLr; }
        /** The decoder's weight decay (PyTorch's) of a representation-toy run, else null. */
        public ValidatedValue<Double> decoderWd() { return decoderWd; }
    }

    private final Actions actions;
    private final ReadOnlyObjectWrapper<ExperimentSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final List<RunRow> rows = new ArrayList<>();
    private final ValidatedValue<Long> seed = ValidatedValue.integer("seed", 0, Long.MAX_VALUE);
    private final ValidatedValue<Long> steps = ValidatedValue.integer("steps", 1, MAX_STEPS);

    public HyperparametersViewModel(ExperimentSpec initial, Actions actions) {
        this.actions = actions;
        spec.set(initial);
        for (RunSpec r : initial.runs()) rows.add(new RunRow(r, initial.representation()));
        seed.show(initial.seed());
        steps.show(initial.maxSteps());
    }

    /** The spec as edited so far: what a reset starts from. */
    public ReadOnlyObjectProperty<ExperimentSpec> specProperty() { return spec.getReadOnlyProperty(); }
    public ExperimentSpec spec() { return spec.get(); }
    public List<RunRow> rows() { return List.copyOf(rows); }
    public ValidatedValue<Long> seed() { return seed; }
    public ValidatedValue<Long> steps() { return steps; }

    /** Applies run {@code i}'s lr if valid: live (between steps) and in the spec. Returns whether applied. */
    public boolean commitLr(int i) {
        Optional<Double> v = rows.get(i).lr.parse();
        if (v.isEmpty()) return false;
        RunSpec r = spec.get().runs().get(i);
        if (r.lr() == v.get()) return true;
        ExperimentSpec s = spec.get().withRun(i, r.withLr(v.get()));
        ToySpec toy = s.representation();
        if (toy != null) s = s.withRepresentation(toy.withRepresentation(toy.representation().withLr(v.get())));
        spec.set(s);
        actions.send(new Command.SetLearningRate(i, v.get()));
        return true;
    }

    /**
     * Applies run {@code i}'s λ if valid: live (between steps) and in the spec. For a
     * representation-toy run the field is the representation's weight decay wd, applied as λ = wd/2.
     */
    public boolean commitLambda(int i) {
        Optional<Double> v = rows.get(i).lambda.parse();
        if (v.isEmpty()) return false;
        ToySpec toy = spec.get().representation();
        double lambda = toy != null ? v.get() / 2 : v.get();
        RunSpec r = spec.get().runs().get(i);
        if (r.lambda() == lambda) return true;
        ExperimentSpec s = spec.get().withRun(i, r.withLambda(lambda));
        if (toy != null) s = s.withRepresentation(toy.withRepresentation(toy.representation().withWeightDecay(v.get())));
        spec.set(s);
        actions.send(new Command.SetWeightDecay(i, lambda));
        return true;
    }

    /** Applies the decoder's lr of representation-toy run {@code i} if valid: live and in the spec. */
    public boolean commitDecoderLr(int i) {
        ToySpec toy = spec.get().representation();
        if (toy == null) return false;
        Optional<Double> v = rows.get(i).decoderLr.parse();
        if (v.isEmpty()) return false;
        if (toy.decoder().lr() == v.get()) return true;
        spec.set(spec.get().withRepresentation(toy.withDecoder(toy.decoder().withLr(v.get()))));
        actions.send(new Command.SetDecoderLearningRate(i, v.get()));
        return true;
    }

    /** Applies the decoder's weight decay (PyTorch's wd; the engine's λ = wd/2) of run {@code i} if valid. */
    public boolean commitDecoderWd(int i) {
        ToySpec toy = spec.get().representation();
        if (toy == null) return false;
        Optional<Double> v = rows.get(i).decoderWd.parse();
        if (v.isEmpty()) return false;
        if (toy.decoder().weightDecay() == v.get()) return true;
        spec.set(spec.get().withRepresentation(toy.withDecoder(toy.decoder().withWeightDecay(v.get()))));
        actions.send(new Command.SetDecoderWeightDecay(i, v.get() / 2));
        return true;
    }

    /** A new θ₀ (or θ₀ seed) for run {@code i}: a reset. */
    public boolean commitInit(int i) {
        RunRow row = rows.get(i);
        if (row.init() == null) return false;
        RunSpec r = spec.get().runs().get(i);
        RunSpec changed;
        if (row.init != null) {
            Optional<double[]> v = row.init.parse();
            if (v.isEmpty()) return false;
            if (Arrays.equals(r.init(), v.get())) return true;
            changed = r.withInit(v.get());
        } else {
            Optional<Long> v = row.initSeed.parse();
            if (v.isEmpty()) return false;
            if (r.initSeed() == v.get()) return true;
            changed = r.withInitSeed(v.get());
        }
        spec.set(spec.get().withRun(i, changed));
        actions.reset(spec.get());
        return true;
    }

    /** A new seed: a reset. */
    public boolean commitSeed() {
        Optional<Long> v = seed.parse();
        if (v.isEmpty()) return false;
        if (v.get() == spec.get().seed()) return true;
        spec.set(spec.get().withSeed(v.get()));
        actions.reset(spec.get());
        return true;
    }

    /** A new step budget for every run (one shared timeline): a reset. */
    public boolean commitSteps() {
        Optional<Long> v = steps.parse();
        if (v.isEmpty()) return false;
        if (v.get() == spec.get().maxSteps()
                && spec.get().runs().stream().allMatch(r -> r.steps() == v.get())) return true;
        spec.set(spec.get().withOverrides(v.get(), null, null, null));
        actions.reset(spec.get());
        return true;
    }
}
