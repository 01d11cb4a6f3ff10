package org.grokbench.experiment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The modular-addition learners inside the common run loop. */
class ModularRunTest {
    static ExperimentSpec spec(String kind, int p, int hidden, String reduction, double lr, double lambda,
                               long steps, int runs, ModularDataSpec data, int probeEvery) {
        List<RunSpec> rs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            rs.add(new RunSpec("seed " + i, lr, lambda, steps, new double[0], OptimizerSpec.gd(), i, Double.NaN));
        }
        return new ExperimentSpec("test-" + kind, kind, "", "geometry-of-grokking", "Figure 6",
                new ModelSpec(kind, 0, p, hidden, "relu", reduction), List.of(), null, rs, 0L,
                new ProbeSpec(probeEvery, 20_000), ViewSpec.defaults(), data);
    }

    @Test
    void firstLayerDynamicsKeepsZeroTrainLossAndGeneralizesLate() {
        // A small cousin of Figure 6 (p = 37, d_h = 512 in the paper): p = 23, d_h = 256, f_s = 0.7.
        ExperimentSpec s = spec("modular-eq20", 23, 256, "sum", 1e-2, 0, 600, 1,
                new ModularDataSpec("unordered", 0.7, 0), 1);
        Snapshot end = new Run(Experiment.build(s)).runBlocking();
        assertEquals(RunStatus.FINISHED, end.status(), end.message());
        HistoryView h = end.trajectories().get(0).history();
        for (int i = 0; i < h.size(); i++) {
            assertTrue(h.metric(i, Metric.TRAIN_LOSS) < 1e-12, "W = H⁺Y fits the training pairs exactly at step " + h.step(i));
            assertEquals(1.0, h.metric(i, Metric.TRAIN_ACC), 0);
        }
        double early = h.metric(0, Metric.TEST_ACC);
        double late = h.metric(h.size() - 1, Metric.TEST_ACC);
        assertTrue(early < 0.3, "test accuracy at step 0: " + early);
        assertTrue(late > 0.9, "test accuracy after 600 steps: " + late);
    }

    @Test
    void networkLearnerTrainsAndMeasuresTheNormMinimizingCosine() {
        ExperimentSpec s = spec("modular-mlp", 11, 128, "mean", 1.0, 5e-5, 60, 1,
                new ModularDataSpec("unordered", 0, 7), 20);
        Snapshot end = new Run(Experiment.build(s)).runBlocking();
        assertEquals(RunStatus.FINISHED, end.status(), end.message());
        HistoryView h = end.trajectories().get(0).history();
        assertTrue(h.metric(h.size() - 1, Metric.TRAIN_LOSS) < h.metric(0, Metric.TRAIN_LOSS));
        double cos = h.metric(h.rowAtOrBefore(40), Metric.COS_NORM_MIN);
        assertTrue(cos >= -1 && cos <= 1, "cos at step 40: " + cos);
        assertTrue(Double.isNaN(h.metric(h.rowAtOrBefore(41), Metric.COS_NORM_MIN)), "probed every 20 steps only");
    }

    @Test
    void sameSeedSameEmbeddings() {
        ExperimentSpec s = spec("modular-eq20", 11, 64, "sum", 1e-2, 0, 5, 2, new ModularDataSpec("unordered", 0.7, 0), 1);
        double[] a = new Run(Experiment.build(s)).runBlocking().trajectories().get(1).theta();
        double[] b = new Run(Experiment.build(s)).runBlocking().trajectories().get(1).theta();
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, 0);
        double[] other = new Run(Experiment.build(s)).runBlocking().trajectories().get(0).theta();
        assertTrue(a[0] != other[0], "runs with different init seeds start differently");
    }
}
