package org.grokbench.experiment.preset;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.experiment.Milestone;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.experiment.Run;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.RunStatus;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.TrajectorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The opening of each modular preset's story, run with the engine on the preset's first run at a
 * reduced step count (a few seconds each). The full runs take minutes; their numbers are in the
 * stories and in presets/README.md.
 */
class ModularPresetDynamicsTest {

    /** The preset reduced to its first run, with {@code steps} steps, run to the end. */
    static TrajectorySnapshot runFirst(String id, long steps) {
        return run(id, 1, steps, null).get(0);
    }

    /**
     * The first {@code runs} runs of the preset with {@code steps} steps each, run to the end;
     * {@code probes} replaces the preset's probe settings unless null.
     */
    static List<TrajectorySnapshot> run(String id, int runs, long steps, ProbeSpec probes) {
        ExperimentSpec spec = new PresetLoader(ShippedPresetsTest.FOLDER).resolve(id);
        List<RunSpec> rs = spec.runs().subList(0, runs).stream().map(r -> r.withSteps(steps)).toList();
        ExperimentSpec reduced = new ExperimentSpec(spec.id(), spec.title(), spec.story(), spec.paper(), spec.figure(),
                spec.model(), spec.train(), spec.test(), rs, spec.seed(), probes != null ? probes : spec.probes(),
                spec.view(), spec.modularData());
        Snapshot s = new Run(Experiment.build(reduced)).runBlocking();
        assertEquals(RunStatus.FINISHED, s.status(), s.message());
        for (TrajectorySnapshot t : s.trajectories()) assertEquals(steps, t.step());
        return s.trajectories();
    }

    /** First recorded step with train accuracy 1, or -1. */
    static long firstPerfectTrainStep(HistoryView h) {
        for (int i = 0; i < h.size(); i++) if (h.metric(i, Metric.TRAIN_ACC) == 1.0) return h.step(i);
        return -1;
    }

    /** Mean of the geometry probe's cosine over the probed rows with step in [from, to]. */
    static double meanCosine(HistoryView h, long from, long to) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < h.size(); i++) {
            double c = h.metric(i, Metric.COS_NORM_MIN);
            if (h.step(i) >= from && h.step(i) <= to && !Double.isNaN(c)) {
                sum += c;
                n++;
            }
        }
        assertTrue(n > 0, "no probe in [" + from + ", " + to + "]");
        return sum / n;
    }

    /**
     * §7.3.1: the training loss is exactly zero throughout (W = H⁺Y), while test accuracy is no
     * better than chance (1/37) at first; the test loss already falls.
     */
    @Test
    void fig6TrainLossIsZeroAndTestAccuracyAtChanceEarly() {
        long steps = 80;
        TrajectorySnapshot t = runFirst("fig6-simulated-dynamics", steps);
        HistoryView h = t.history();
        assertEquals(steps + 1, h.size(), "every step kept");
        for (int i = 0; i < h.size(); i++) {
            assertTrue(h.metric(i, Metric.TRAIN_LOSS) < 1e-12, "train loss at step " + h.step(i) + ": " + h.metric(i, Metric.TRAIN_LOSS));
            assertEquals(1.0, h.metric(i, Metric.TRAIN_ACC), "train accuracy at step " + h.step(i));
            assertTrue(h.metric(i, Metric.TEST_ACC) < 0.1, "test accuracy at chance (1/37) at step " + h.step(i)
                    + ": " + h.metric(i, Metric.TEST_ACC));
        }
        assertTrue(h.metric(h.size() - 1, Metric.TEST_LOSS) < 0.5 * h.metric(0, Metric.TEST_LOSS), "test loss falls");
        assertEquals(0, t.milestoneStep(Milestone.MEMORIZED), "memorized from the start");
    }

    /**
     * App. D: the network memorizes within ~1000 steps (train loss below 1e-3 at step 818 for seed 1)
     * while no test pair is right yet; right after memorization the update already follows the
     * norm-minimizing direction (cos ≈ 0.6 between steps 1000 and 1500).
     */
    @Test
    void fig5MemorizesEarlyAndThenFollowsTheNormMinimizingDirection() {
        TrajectorySnapshot t = runFirst("fig5-norm-min-direction", 1500);
        long memorized = t.milestoneStep(Milestone.MEMORIZED);
        assertTrue(memorized > 100 && memorized <= 1200, "train loss < 1e-3 at step " + memorized);
        assertEquals(1.0, t.metric(Metric.TRAIN_ACC));
        assertTrue(t.metric(Metric.TEST_ACC) < 0.5, "not generalized yet: " + t.metric(Metric.TEST_ACC));
        assertEquals(-1, t.milestoneStep(Milestone.GENERALIZED));
        double early = meanCosine(t.history(), 0, 200);
        double after = meanCosine(t.history(), 1000, 1500);
        assertTrue(after > 0.3, "cos(update, norm-minimizing direction) after memorization: " + after);
        assertTrue(after > early, "higher after memorization (" + after + ") than while fitting (" + early + ")");
    }

    /**
     * Both runs (with and without weight decay, same θ₀) memorize fast: 100% training accuracy within
     * ~70 steps and training loss below 1e-3 at ~600-700, with the test pairs still wrong. (The
     * grokking itself, 100% test accuracy at ~6300-6900 steps with weight decay and never without,
     * takes about a minute and is not run here.) The App. D probe runs once only (at step 0).
     */
    @Test
    void modularMlpMemorizesFastWithAndWithoutWeightDecay() {
        List<TrajectorySnapshot> ts = run("modular-addition-mlp", 2, 900, new ProbeSpec(10_000, 20_000));
        assertTrue(ts.get(0).lambda() > 0 && ts.get(1).lambda() == 0, "run 0 with weight decay, run 1 without");
        for (TrajectorySnapshot t : ts) {
            long perfect = firstPerfectTrainStep(t.history());
            assertTrue(perfect > 0 && perfect <= 150, t.label() + ": 100% train accuracy at step " + perfect);
            long memorized = t.milestoneStep(Milestone.MEMORIZED);
            assertTrue(memorized > perfect && memorized <= 900, t.label() + ": train loss < 1e-3 at step " + memorized);
            assertTrue(t.metric(Metric.TEST_ACC) < 0.2, t.label() + ": test accuracy still low: " + t.metric(Metric.TEST_ACC));
        }
    }
}
