package org.grokbench.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.grokbench.analysis.LossSurface;
import org.grokbench.analysis.ParameterBlock;
import org.grokbench.experiment.History;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.junit.jupiter.api.Test;

class HiddenDimensionTrackTest {

    /** "Activations" = θ[0]-dimensional cube points in 10-D: the track must read d = θ[0] at each row. */
    static class CubeSurface implements LossSurface {
        int calls;
        @Override public int dimension() { return 1; }
        @Override public double trainLoss(double[] theta) { return 0; }
        @Override public double trainGradient(double[] theta, double[] gradient) { return 0; }
        @Override public double testLoss(double[] theta) { return Double.NaN; }
        @Override public double trainAccuracy(double[] theta) { return 0; }
        @Override public double testAccuracy(double[] theta) { return Double.NaN; }
        @Override public List<ParameterBlock> blocks() { return List.of(); }
        @Override public double[][] hiddenActivations(double[] theta, boolean train) {
            calls++;
            return IntrinsicDimensionTest.embeddedCube(600, (int) theta[0], 10, 3);
        }
    }

    @Test
    void readsEachRowOnceAndFindsItsDimension() {
        History h = new History(Metric.COUNT, 1, 100, 1);
        for (long s = 0; s < 3; s++) h.record(s, new double[Metric.COUNT], new double[] {s + 1});
        HistoryView v = h.view();
        CubeSurface surface = new CubeSurface();
        HiddenDimensionTrack track = new HiddenDimensionTrack(surface);
        assertTrue(track.hasHiddenLayer(v));
        HiddenDimensionTrack.Series s = track.of(0, v);
        for (int i = 0; i < 3; i++) {
            assertEquals(i, s.steps()[i]);
            assertEquals(i + 1, s.twoNn()[i], 0.25 * (i + 1));
            assertEquals(i + 1, s.mle()[i], 0.25 * (i + 1));
        }
        int calls = surface.calls;
        track.of(0, v);
        assertEquals(calls, surface.calls, "cached rows are not measured again");
    }

    @Test
    void noHiddenLayer() {
        LossSurface none = new CubeSurface() {
            @Override public double[][] hiddenActivations(double[] theta, boolean train) { return null; }
        };
        History h = new History(Metric.COUNT, 1, 100, 1);
        h.record(0, new double[Metric.COUNT], new double[] {1});
        assertFalse(new HiddenDimensionTrack(none).hasHiddenLayer(h.view()));
    }
}
