package org.grokbench.spectral;

import java.util.HashMap;
import java.util.Map;
import org.grokbench.analysis.LossSurface;
import org.grokbench.experiment.HistoryView;

/**
 * The intrinsic dimension of the training set's hidden activations over a recorded run (App. H):
 * for every stored θ row, {@link IntrinsicDimension#twoNn} and {@link IntrinsicDimension#mle} of
 * {@code LossSurface.hiddenActivations(θ, true)}. Readings are cached by (run, step, θ), so a view that
 * asks again as the run grows only pays for the new rows. Holds the surface's scratch buffers: one
 * thread at a time (the methods are synchronized).
 */
public final class HiddenDimensionTrack {
    /** The MLE's neighbourhood size. */
    public static final int K = IntrinsicDimension.DEFAULT_K;

    private final LossSurface surface;
    private final Map<Key, double[]> cache = new HashMap<>();

    private record Key(int run, long step, double first, double last, int length) {}

    /** The readings of one run: steps of the θ rows and the two estimates at each. */
    public record Series(double[] steps, double[] twoNn, double[] mle) {
        public int size() { return steps.length; }
    }

    public HiddenDimensionTrack(LossSurface surface) {
        if (surface == null) throw new IllegalArgumentException("surface must not be null");
        this.surface = surface;
    }

    /** Whether the model has a hidden layer whose activations can be measured. */
    public synchronized boolean hasHiddenLayer(HistoryView h) {
        return h.parameterRows() > 0 && surface.hiddenActivations(h.parameterRow(0), true) != null;
    }

    /** How many training samples the activations have (rows of the activation matrix at the first θ row). */
    public synchronized int samples(HistoryView h) {
        double[][] act = h.parameterRows() == 0 ? null : surface.hiddenActivations(h.parameterRow(0), true);
        return act == null ? 0 : act.length;
    }

    /** TwoNN and MLE (k = {@link #K}) at every θ row of {@code h}; run identifies the trajectory for the cache. */
    public synchronized Series of(int run, HistoryView h) {
        int n = h.parameterRows();
        double[] steps = new double[n], two = new double[n], mle = new double[n];
        for (int i = 0; i < n; i++) {
            double[] theta = h.parameterRow(i);
            Key key = new Key(run, h.parameterStep(i), theta[0], theta[theta.length - 1], theta.length);
            double[] r = cache.get(key);
            if (r == null) {
                double[][] act = surface.hiddenActivations(theta, true);
                r = act == null ? new double[] {Double.NaN, Double.NaN}
                        : new double[] {IntrinsicDimension.twoNn(act), IntrinsicDimension.mle(act, K)};
                cache.put(key, r);
            }
            steps[i] = h.parameterStep(i);
            two[i] = r[0];
            mle[i] = r[1];
        }
        return new Series(steps, two, mle);
    }
}
