package org.grokbench.experiment;

import org.grokbench.analysis.LossSurface;
import org.grokbench.representation.LossKind;
import org.grokbench.representation.OptimizerChoice;
import org.grokbench.representation.ToySpec;
import org.grokbench.representation.ToyTraining;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The representation toy as an experiment kind: a {@link Run} of it gives, step for step and bit
 * for bit, the numbers of {@link ToyTraining} (what the CLI's {@code repr} prints) for the same
 * settings and seed; its loss surface is the full-batch loss with the right gradient.
 */
public class RepresentationRunTest {
    /** A small decoder keeps the test fast; the rest is the paper's addition setup. */
    public static ToySpec small(long seed, int batch) {
        return new ToySpec(10, false, 1, new int[] {24, 24}, 8, LossKind.REGRESSION, 45, seed,
                OptimizerChoice.adamW(1e-2, 0), OptimizerChoice.adamW(1e-3, 0.5), 1, 1, batch, 0.01);
    }

    public static ExperimentSpec spec(ToySpec toy, long steps) {
        RunSpec run = new RunSpec("toy", toy.representation().lr(), toy.representation().lambda(), steps, new double[0],
                OptimizerSpec.named(toy.representation().name()), toy.seed(), Double.NaN);
        return new ExperimentSpec("repr-test", "t", "s", "effective-theory-of-representation-learning", "Figure 3",
                ModelSpec.representation(), List.of(), null, List.of(run), toy.seed(), ProbeSpec.defaults(), ViewSpec.defaults(),
                null, null, toy);
    }

    static void assertSameAsCli(ToySpec toy) {
        long steps = 120, every = 10;
        ToyTraining.ToyHistory cli = new ToyTraining(toy).run(steps, every);
        Experiment e = Experiment.build(spec(toy, steps));
        Snapshot s = new Run(e).runBlocking();
        assertEquals(RunStatus.FINISHED, s.status(), s.message());
        HistoryView h = s.trajectories().get(0).history();
        assertEquals(steps + 1, h.size());
        for (ToyTraining.Reading r : cli.readings()) {
            int row = (int) r.step();
            assertEquals(r.step(), h.step(row));
            assertEquals(r.trainAccuracy(), h.metric(row, Metric.TRAIN_ACC), 0.0, "train acc at " + r.step());
            assertEquals(r.validationAccuracy(), h.metric(row, Metric.TEST_ACC), 0.0, "val acc at " + r.step());
            assertEquals(r.rqi(), h.metric(row, Metric.RQI), 0.0, "RQI at " + r.step());
            assertEquals(r.predictedAccuracy(), h.metric(row, Metric.ACC_HAT), 0.0, "Acc-hat at " + r.step());
        }
        assertEquals(cli.readings().get(0).trainLoss(), h.metric(0, Metric.TRAIN_LOSS), 0.0, "full-batch loss at step 0");
        double[] theta = s.trajectories().get(0).theta();
        assertArrayEquals(cli.embeddings().get(cli.embeddings().size() - 1), e.representation().embeddings(theta), 0.0,
                "same embeddings after " + steps + " steps");
    }

    /**
     * The paper's 46 000-weight decoder keeps only 64 θ rows, but the embeddings lead θ and are kept
     * at every recorded step, so scrubbing shows them at the step asked for (the CLI's embeddings).
     */
    @Test
    void paperSizedRunKeepsTheEmbeddingsAtEveryStepWhileThetaRowsThin() {
        ToySpec toy = ToySpec.paper().withSeed(14);
        long steps = 300;
        ToyTraining.ToyHistory cli = new ToyTraining(toy).run(steps, 10);
        Experiment e = Experiment.build(spec(toy, steps));
        HistoryView h = new Run(e).runBlocking().trajectories().get(0).history();
        assertTrue(h.parameterRows() < h.size(), "θ rows thinned: " + h.parameterRows() + " of " + h.size());
        assertEquals(h.size(), h.leadingRows());
        for (int i = 0; i < cli.readings().size(); i++) {
            long step = cli.readings().get(i).step();
            int row = h.leadingRowAtOrBefore(step);
            assertEquals(step, h.leadingStep(row));
            assertArrayEquals(cli.embeddings().get(i), e.representation().embeddings(h.leadingRow(row)), 0.0, "E at step " + step);
        }
    }

    @Test
    void fullBatchRunGivesTheCliNumbersBitForBit() {
        assertSameAsCli(small(5, 45));
    }

    @Test
    void minibatchRunDrawsTheSameBatchesAsTheCli() {
        assertSameAsCli(small(3, 16));
    }

    @Test
    void thetaIsEmbeddingsThenDecoderAndTheSplitIsTheSeeds() {
        ToySpec toy = small(7, 45);
        Experiment e = Experiment.build(spec(toy, 10));
        RepresentationProblem rp = e.representation();
        ToyTraining t = new ToyTraining(toy);
        double[] theta = rp.initialParameters();
        assertEquals(rp.model().embeddingSize() + rp.model().decoderSize(), theta.length);
        assertArrayEquals(t.embeddings(), rp.embeddings(theta), 0.0);
        assertArrayEquals(t.decoder(), rp.decoder(theta), 0.0);
        assertArrayEquals(t.split().train(), rp.split().train());
        assertFalse(e.isToy());
        assertEquals(null, e.modular());
        // The experiment's seed wins over the ToySpec's (CLI --seed, withSeed).
        Experiment other = Experiment.build(spec(toy, 10).withSeed(8));
        assertEquals(8, other.representation().spec().seed());
        assertFalse(java.util.Arrays.equals(rp.split().train(), other.representation().split().train()));
    }

    @Test
    void decoderCommandsChangeOnlyTheDecoderOptimizer() throws Exception {
        Experiment e = Experiment.build(spec(small(5, 45), 50));
        Run run = new Run(e);
        TrajectorySnapshot before = run.latest().trajectories().get(0);
        assertEquals(1e-3, before.decoderLr(), 0.0);
        assertEquals(0.25, before.decoderLambda(), 0.0, "λ = weight_decay / 2");
        assertEquals(1e-2, before.lr(), 0.0);
        run.send(new Command.SetDecoderLearningRate(Command.ALL, 0.02));
        run.send(new Command.SetDecoderWeightDecay(0, 0.1));
        Snapshot s = run.runBlocking();
        TrajectorySnapshot after = s.trajectories().get(0);
        assertEquals(0.02, after.decoderLr(), 0.0);
        assertEquals(0.1, after.decoderLambda(), 0.0);
        assertEquals(1e-2, after.lr(), 0.0);
        // ... and they move the run: a different decoder gives different embeddings.
        Snapshot plain = new Run(Experiment.build(spec(small(5, 45), 50))).runBlocking();
        assertNotEquals(e.representation().embeddings(plain.trajectories().get(0).theta())[0],
                e.representation().embeddings(after.theta())[0]);
    }

    @Test
    void otherModelsHaveNoRqiAndNoDecoderOptimizer() {
        Snapshot s = new Run(Experiment.build(Specs.onePlusOne(0.1, 5, 0.01))).runBlocking();
        TrajectorySnapshot t = s.trajectories().get(0);
        assertTrue(Double.isNaN(t.metric(Metric.RQI)));
        assertTrue(Double.isNaN(t.metric(Metric.ACC_HAT)));
        assertTrue(Double.isNaN(t.decoderLr()));
    }

    @Test
    void lossSurfaceIsTheFullBatchLossWithItsGradient() {
        ToySpec toy = small(5, 45);
        Experiment e = Experiment.build(spec(toy, 10));
        LossSurface surface = e.newLossSurface();
        double[] theta = e.representation().initialParameters();
        double[] g = new double[theta.length];
        double loss = surface.trainGradient(theta, g);
        assertEquals(new ToyTraining(toy).read().trainLoss(), loss, 0.0);
        assertEquals(loss, surface.trainLoss(theta), 0.0);
        SplittableRandom rng = new SplittableRandom(1);
        for (int k = 0; k < 12; k++) {
            int i = k < 4 ? k : rng.nextInt(theta.length);   // embeddings first, then decoder entries
            double h = 1e-6, old = theta[i];
            theta[i] = old + h;
            double up = surface.trainLoss(theta);
            theta[i] = old - h;
            double down = surface.trainLoss(theta);
            theta[i] = old;
            assertEquals((up - down) / (2 * h), g[i], 1e-6 + 1e-4 * Math.abs(g[i]), "∂L/∂θ_" + i);
        }
        int covered = surface.blocks().stream().mapToInt(b -> b.size()).sum();
        assertEquals(theta.length - e.representation().model().widths()[1] - e.representation().model().widths()[2]
                - e.representation().model().widths()[3], covered, "E and every W, not the biases");
        assertTrue(surface.testLoss(theta) > 0);
    }
}
