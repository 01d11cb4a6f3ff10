package org.grokbench.landscape;

import org.grokbench.analysis.LossSurface;
import org.grokbench.analysis.ParameterBlock;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.preset.PresetLoader;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The landscape of the modular-addition network: its filters and one pass for loss and accuracy. */
class NetworkLandscapeTest {
    private final ExperimentSpec spec = new PresetLoader().resolve("modular-addition-mlp");
    private final Experiment e = Experiment.build(spec);

    @Test
    void measuresInOnePassEqualTheFourSeparateOnes() {
        LossSurface s = e.newLossSurface();
        double[] theta = e.newLearner(spec.runs().get(0)).initialParameters();
        for (int i = 0; i < theta.length; i++) theta[i] *= 3;   // off the start, where accuracies are not all 0
        double[] m = new double[4];
        s.measures(theta, m);
        assertEquals(s.trainLoss(theta), m[0], 0);
        assertEquals(s.testLoss(theta), m[1], 0);
        assertEquals(s.trainAccuracy(theta), m[2], 0);
        assertEquals(s.testAccuracy(theta), m[3], 0);
    }

    @Test
    void filterNormalizedDirectionsMatchEveryHiddenAndOutputUnitOfTheta() {
        LossSurface s = e.newLossSurface();
        PathRecorder.Recorded rec = PathRecorder.train(e, spec.runs().get(0), 20, 10);
        RecordedPath p = rec.path();
        double[] delta = Landscape.direction(p, 1, DirectionKind.RANDOM, Scaling.FILTER, s.blocks(), 3);
        double[] theta = p.row(1);
        int filters = 0;
        for (ParameterBlock b : s.blocks())
            for (int f = 0; f < b.filterCount(); f++, filters++) {
                double nd = 0, nt = 0;
                for (int k = 0; k < b.filterLength(); k++) {
                    nd += delta[b.index(f, k)] * delta[b.index(f, k)];
                    nt += theta[b.index(f, k)] * theta[b.index(f, k)];
                }
                assertEquals(Math.sqrt(nt), Math.sqrt(nd), 1e-12 * (1 + Math.sqrt(nt)));
            }
        assertEquals(128 + 17, filters);
        // a slice at α = 0 is θ_t; one and two threads give the same numbers
        double[] alphas = SliceGrid.symmetric(1, 5).values();
        Slice1D one = Landscape.slice(new LandscapeSampler(e::newLossSurface, null), p, 1, DirectionKind.FINAL, Scaling.RAW, alphas, 0);
        assertEquals(s.trainLoss(theta), one.values().trainLoss()[2], 0);
        assertEquals(s.trainLoss(p.last()), one.values().trainLoss()[4], 1e-12);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            Slice1D two = Landscape.slice(new LandscapeSampler(e::newLossSurface, pool), p, 1, DirectionKind.FINAL, Scaling.RAW, alphas, 0);
            assertArrayEquals(one.values().trainLoss(), two.values().trainLoss(), 0);
            assertArrayEquals(one.values().testAccuracy(), two.values().testAccuracy(), 0);
        } finally {
            pool.shutdown();
        }
    }
}
