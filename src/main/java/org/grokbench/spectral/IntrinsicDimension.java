package org.grokbench.spectral;

import java.util.Arrays;

/**
 * Intrinsic dimension of a point cloud (predicting-grokking App. H), by the two estimators the paper
 * uses on layer activations. Both look only at the distances T_j(x) from each point x to its j-th
 * nearest neighbour (Euclidean, brute force O(n² D): the activations of a training set are a few
 * hundred rows).
 * <ul>
 *   <li><b>TwoNN</b> (Facco et al. 2017): μ = T_2/T_1 follows F(μ) = 1 − μ^(−d) on a locally uniform
 *       d-dimensional density, so −log(1 − F(μ)) = d log μ. Sort the μ_i, set F(μ_σ(i)) = i/n, and fit
 *       that line through the origin by least squares. As Facco et al. recommend, the largest 10 % of
 *       the μ_i are left out of the fit (the last point has F = 1, an infinite ordinate, and the tail is
 *       the noisiest).</li>
 *   <li><b>MLE</b> (Levina &amp; Bickel 2004): at each point m_k(x) = [1/(k−1) Σ_{j&lt;k} log(T_k/T_j)]^(−1);
 *       averaged over points either as Levina and Bickel do (mean of m_k) or, as the paper does in
 *       App. H.2 after MacKay &amp; Ghahramani (2005), as the inverse of the mean of the inverses, which
 *       is the pooled maximum-likelihood estimate and has no (k−1)/(k−2) bias.</li>
 * </ul>
 * Points with T_1 = 0 (an exact duplicate) say nothing about dimension and are skipped. NaN when fewer
 * than k + 1 (MLE) or 3 (TwoNN) distinct points remain.
 */
public final class IntrinsicDimension {
    private IntrinsicDimension() {}

    /** How the per-point MLE estimates m_k(x_i) are averaged. */
    public enum Averaging {
        /** (1/n) Σ m_k(x_i): Levina &amp; Bickel (2004); biased up by about (k−1)/(k−2). */
        LEVINA_BICKEL,
        /** [(1/n) Σ m_k(x_i)^(−1)]^(−1): MacKay &amp; Ghahramani (2005), used in the paper's App. H.2. */
        MACKAY_GHAHRAMANI
    }

    /** Fraction of the largest μ left out of the TwoNN fit. */
    public static final double TWO_NN_DISCARD = 0.1;
    /** The MLE's default neighbourhood size. */
    public static final int DEFAULT_K = 10;

    /** TwoNN estimate of the rows of {@code points} (not modified). */
    public static double twoNn(double[][] points) {
        double[][] nn = nearest(points, 2);
        int n = 0;
        double[] logMu = new double[nn.length];
        for (double[] d : nn) if (d[0] > 0 && Double.isFinite(d[1])) logMu[n++] = Math.log(d[1] / d[0]);
        if (n < 3) return Double.NaN;
        logMu = Arrays.copyOf(logMu, n);
        Arrays.sort(logMu);
        int keep = (int) Math.floor(n * (1 - TWO_NN_DISCARD));
        keep = Math.max(2, Math.min(n - 1, keep));
        double sxy = 0, sxx = 0;
        for (int i = 0; i < keep; i++) {
            double f = (i + 1.0) / n;
            double y = -Math.log(1 - f);
            sxy += logMu[i] * y;
            sxx += logMu[i] * logMu[i];
        }
        return sxx > 0 ? sxy / sxx : Double.NaN;
    }

    /** MLE with k neighbours, averaged the paper's way (MacKay–Ghahramani). */
    public static double mle(double[][] points, int k) {
        return mle(points, k, Averaging.MACKAY_GHAHRAMANI);
    }

    /** MLE with k ≥ 2 neighbours and the given averaging. */
    public static double mle(double[][] points, int k, Averaging averaging) {
        if (k < 2) throw new IllegalArgumentException("k must be an integer ≥ 2, got " + k);
        double[][] nn = nearest(points, k);
        double sum = 0;
        int used = 0;
        for (double[] d : nn) {
            if (!(d[0] > 0) || !Double.isFinite(d[k - 1])) continue;
            double s = 0;
            for (int j = 0; j < k - 1; j++) s += Math.log(d[k - 1] / d[j]);
            double inverse = s / (k - 1);          // m_k(x)^(−1)
            if (averaging == Averaging.MACKAY_GHAHRAMANI) sum += inverse;
            else if (inverse > 0) sum += 1 / inverse;
            else continue;
            used++;
        }
        if (used == 0) return Double.NaN;
        return averaging == Averaging.MACKAY_GHAHRAMANI ? used / sum : sum / used;
    }

    /**
     * For each point, the distances to its k nearest other points in increasing order (a new n × k
     * array; +∞ where fewer than k other points exist).
     */
    static double[][] nearest(double[][] points, int k) {
        int n = points.length;
        double[][] out = new double[n][k];
        for (double[] row : out) Arrays.fill(row, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            double[] best = out[i];   // squared distances, sorted ascending
            double[] p = points[i];
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double[] q = points[j];
                double s = 0;
                for (int c = 0; c < p.length; c++) {
                    double d = p[c] - q[c];
                    s += d * d;
                }
                if (s >= best[k - 1]) continue;
                int pos = k - 1;
                while (pos > 0 && best[pos - 1] > s) {
                    best[pos] = best[pos - 1];
                    pos--;
                }
                best[pos] = s;
            }
            for (int j = 0; j < k; j++) best[j] = Math.sqrt(best[j]);
        }
        return out;
    }
}
