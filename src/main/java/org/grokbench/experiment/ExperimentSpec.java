package org.grokbench.experiment;

import org.grokbench.representation.ToySpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole experiment as one immutable value (what a preset file holds): which paper and figure
 * it reproduces, a title and a classroom story, the model, the training samples, the test set,
 * the runs to overlay, the seed, probe cadence and view hints; for modular addition its data set,
 * for a generated regression task ({@link RegressionTask}) its task (then train and test are empty/null),
 * for the representation toy (model kind {@value ModelSpec#REPRESENTATION}) its {@link ToySpec}, whose
 * seed is always this spec's {@code seed}. Same spec + same seed = same numbers.
 */
public record ExperimentSpec(
        String id,
        String title,
        String story,
        String paper,
        String figure,
        ModelSpec model,
        List<Sample> train,
        TestSetSpec test,
        List<RunSpec> runs,
        long seed,
        ProbeSpec probes,
        ViewSpec view,
        ModularDataSpec modularData,
        TaskSpec task,
        ToySpec representation) {

    public ExperimentSpec {
        train = List.copyOf(train);
        runs = List.copyOf(runs);
    }

    /** Any experiment but the representation toy. */
    public ExperimentSpec(String id, String title, String story, String paper, String figure, ModelSpec model,
                          List<Sample> train, TestSetSpec test, List<RunSpec> runs, long seed, ProbeSpec probes,
                          ViewSpec view, ModularDataSpec modularData, TaskSpec task) {
        this(id, title, story, paper, figure, model, train, test, runs, seed, probes, view, modularData, task, null);
    }

    /** A toy-model experiment (no modular data set). */
    public ExperimentSpec(String id, String title, String story, String paper, String figure, ModelSpec model,
                          List<Sample> train, TestSetSpec test, List<RunSpec> runs, long seed, ProbeSpec probes,
                          ViewSpec view) {
        this(id, title, story, paper, figure, model, train, test, runs, seed, probes, view, null, null);
    }

    /** A toy or modular experiment (no generated regression task). */
    public ExperimentSpec(String id, String title, String story, String paper, String figure, ModelSpec model,
                          List<Sample> train, TestSetSpec test, List<RunSpec> runs, long seed, ProbeSpec probes,
                          ViewSpec view, ModularDataSpec modularData) {
        this(id, title, story, paper, figure, model, train, test, runs, seed, probes, view, modularData, null);
    }

    /** The same experiment with CLI/UI overrides applied to every run; null leaves a field as it is. */
    public ExperimentSpec withOverrides(Long steps, Long newSeed, Double lambda, Double lr) {
        List<RunSpec> rs = new ArrayList<>();
        for (RunSpec r : runs) {
            RunSpec x = r;
            if (steps != null) x = x.withSteps(steps);
            // A label like "λ = 0.01" would lie once λ is overridden: say what changed.
            if (lambda != null) x = x.withLambda(lambda).withLabel(r.label() + " → λ=" + lambda);
            if (lr != null) x = x.withLr(lr);
            rs.add(x);
        }
        return new ExperimentSpec(id, title, story, paper, figure, model, train, test, rs,
                newSeed != null ? newSeed : seed, probes, view, modularData, task, representation);
    }

    /** The same experiment with run {@code index} replaced. */
    public ExperimentSpec withRun(int index, RunSpec run) {
        List<RunSpec> rs = new ArrayList<>(runs);
        rs.set(index, run);
        return new ExperimentSpec(id, title, story, paper, figure, model, train, test, rs, seed, probes, view, modularData, task, representation);
    }

    /** The same experiment with only the given runs. */
    public ExperimentSpec withRuns(List<RunSpec> newRuns) {
        return new ExperimentSpec(id, title, story, paper, figure, model, train, test, newRuns, seed, probes, view, modularData, task, representation);
    }

    /** The same experiment with other probe cadences. */
    public ExperimentSpec withProbes(ProbeSpec newProbes) {
        return new ExperimentSpec(id, title, story, paper, figure, model, train, test, runs, seed, newProbes, view, modularData, task, representation);
    }

    /** The same experiment with other representation-toy settings (its seed stays this spec's). */
    public ExperimentSpec withRepresentation(ToySpec toy) {
        return new ExperimentSpec(id, title, story, paper, figure, model, train, test, runs, seed, probes, view, modularData, task,
                toy.withSeed(seed));
    }

    public ExperimentSpec withSeed(long newSeed) {
        return new ExperimentSpec(id, title, story, paper, figure, model, train, test, runs, newSeed, probes, view, modularData, task,
                representation == null ? null : representation.withSeed(newSeed));
    }

    /** Longest run, in steps: the length of the shared timeline. */
    public long maxSteps() {
        return runs.stream().mapToLong(RunSpec::steps).max().orElse(0);
    }
}
