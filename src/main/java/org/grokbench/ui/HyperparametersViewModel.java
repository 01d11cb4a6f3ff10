package org.grokbench.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.grokbench.experiment.Command;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.RunSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The run's editable hyperparameters and their validation: per overlaid run η (lr), λ and θ₀
 * (init); for the whole experiment the seed and the step budget. A committed valid lr
 * or λ becomes a {@link Command} (the run loop applies it between steps); a committed valid seed,
 * step budget or init becomes a new spec and a reset. Invalid text is marked at its field with
 * the allowed range and never applied.
 *
 * <p>No toolkit needed: plain JavaFX properties.
 */
public final class HyperparametersViewModel {
    /** Allowed ranges, shown at the field when a value falls outside. */
    public static final double MAX_LR = 10, MAX_LAMBDA = 10, MAX_INIT = 100;
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
        private final ValidatedValue<Double> lr = ValidatedValue.decimal("lr", 0, true, MAX_LR, false);
        private final ValidatedValue<Double> lambda = ValidatedValue.decimal("λ", 0, false, MAX_LAMBDA, false);
        private final ValidatedValue<double[]> init;
        private final ValidatedValue<Long> initSeed;

        RunRow(RunSpec r) {
            this.label = r.label();
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
        public ValidatedValue<Double> lr() { return lr; }
        public ValidatedValue<Double> lambda() { return lambda; }
        /** The θ₀ field: numbers (toy models) or the seed θ₀ is drawn with (large models). */
        public ValidatedValue<?> init() { return init != null ? init : initSeed; }
    }

    private final Actions actions;
    private final ReadOnlyObjectWrapper<ExperimentSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final List<RunRow> rows = new ArrayList<>();
    private final ValidatedValue<Long> seed = ValidatedValue.integer("seed", 0, Long.MAX_VALUE);
    private final ValidatedValue<Long> steps = ValidatedValue.integer("steps", 1, MAX_STEPS);

    public HyperparametersViewModel(ExperimentSpec initial, Actions actions) {
        this.actions = actions;
        spec.set(initial);
        for (RunSpec r : initial.runs()) rows.add(new RunRow(r));
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
        spec.set(spec.get().withRun(i, r.withLr(v.get())));
        actions.send(new Command.SetLearningRate(i, v.get()));
        return true;
    }

    /** Applies run {@code i}'s λ if valid: live (between steps) and in the spec. */
    public boolean commitLambda(int i) {
        Optional<Double> v = rows.get(i).lambda.parse();
        if (v.isEmpty()) return false;
        RunSpec r = spec.get().runs().get(i);
        if (r.lambda() == v.get()) return true;
        spec.set(spec.get().withRun(i, r.withLambda(v.get())));
        actions.send(new Command.SetWeightDecay(i, v.get()));
        return true;
    }

    /** A new θ₀ (or θ₀ seed) for run {@code i}: a reset. */
    public boolean commitInit(int i) {
        RunRow row = rows.get(i);
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
