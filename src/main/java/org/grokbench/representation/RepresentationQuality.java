package org.grokbench.representation;

import org.grokbench.data.OperationTable;

/**
 * Representation quality of Liu et al. 2022, §3.1 and App. D, on a representation
 * R = [E_0, …, E_{p−1}] stored row-major (p·d, row k = E_k).
 *
 * <ul>
 *   <li>{@link #normalized}: Ẽ_k = (E_k − μ)/σ with μ the mean embedding and
 *       σ² = (1/p)Σ_k‖E_k − μ‖² (the paper's normalization, with σ read as a standard deviation),
 *       so that Σ_k Ẽ_k = 0 and Z₀ = Σ_k‖Ẽ_k‖² = p.</li>
 *   <li>{@link #held}: P(R, δ) of Eq. (2), the parallelograms of P₀ that hold in the normalized
 *       representation. "Holds" is tested as in the authors' code: the mean over the d dimensions of
 *       (Ẽ_i + Ẽ_j − Ẽ_m − Ẽ_n)² is below δ (δ = 0.01 in App. E); the paper writes |…| ≤ δ.</li>
 *   <li>{@link #rqi}: RQI = |P(R, δ)| / |P₀| (Eq. 3).</li>
 *   <li>{@link #predictedAccuracy}: Acc-hat = |D̄(D, P)| / |D₀| (Eqs. 12-13), where D̄ adds to D every
 *       validation sample that forms a parallelogram of P with a training sample.</li>
 * </ul>
 */
public final class RepresentationQuality {
    /** The parallelogram tolerance of App. E. */
    public static final double DEFAULT_DELTA = 0.01;

    /** The generalized-parallelogram tolerance of the authors' S₃ notebook (mean squared entry of the defect). */
    public static final double DEFAULT_GROUP_DELTA = 0.5;

    private RepresentationQuality() {}

    /** Ẽ = (E − μ)/σ as a new array; a collapsed representation (σ = 0) stays at zero. */
    public static double[] normalized(double[] embeddings, int p, int d) {
        double[] mu = new double[d];
        for (int k = 0; k < p; k++) for (int c = 0; c < d; c++) mu[c] += embeddings[k * d + c] / p;
        double var = 0;
        for (int k = 0; k < p; k++)
            for (int c = 0; c < d; c++) {
                double r = embeddings[k * d + c] - mu[c];
                var += r * r;
            }
        double sigma = Math.sqrt(var / p);
        double[] out = new double[p * d];
        if (sigma == 0) return out;
        for (int k = 0; k < p; k++) for (int c = 0; c < d; c++) out[k * d + c] = (embeddings[k * d + c] - mu[c]) / sigma;
        return out;
    }

    /** The normalization of {@code op}: as {@link #normalized(double[], int, int)} for SUM, a scale to unit mean entry² for MATRIX_PRODUCT. */
    public static double[] normalized(double[] embeddings, int p, int d, Composition op) {
        if (op == Composition.SUM) return normalized(embeddings, p, d);
        double sq = 0;
        int n = p * op.embeddingWidth(d);
        for (int i = 0; i < n; i++) sq += embeddings[i] * embeddings[i];
        double scale = Math.sqrt(sq / n);
        double[] out = new double[n];
        if (scale == 0) return out;
        for (int i = 0; i < n; i++) out[i] = embeddings[i] / scale;
        return out;
    }

    /** The defect of parallelogram q under {@code op}: mean over the decoder's inputs of (x_ij − x_mn)². */
    public static double defect(Parallelograms set, int q, double[] e, int d, Composition op) {
        if (op == Composition.SUM) return defect(set, q, e, d);
        OperationTable t = set.table();
        int s = set.firstSample(q), u = set.secondSample(q), w = op.inputWidth(d);
        double[] x = new double[w], y = new double[w];
        op.combine(e, t.first(s), t.second(s), d, x);
        op.combine(e, t.first(u), t.second(u), d, y);
        double sum = 0;
        for (int k = 0; k < w; k++) sum += (x[k] - y[k]) * (x[k] - y[k]);
        return sum / w;
    }

    /** Which parallelograms of {@code set} hold in the (already normalized) representation under {@code op}. */
    public static boolean[] holds(Parallelograms set, double[] normalized, int d, double delta, Composition op) {
        boolean[] h = new boolean[set.size()];
        for (int q = 0; q < h.length; q++) h[q] = defect(set, q, normalized, d, op) < delta;
        return h;
    }

    /** P(R, δ) under {@code op}. */
    public static Parallelograms held(Parallelograms all, double[] embeddings, int d, double delta, Composition op) {
        int p = all.table().symbols();
        return all.subset(holds(all, normalized(embeddings, p, d, op), d, delta, op));
    }

    /** RQI(R) under {@code op} (NaN when P₀ is empty). */
    public static double rqi(Parallelograms all, double[] embeddings, int d, double delta, Composition op) {
        if (all.size() == 0) return Double.NaN;
        return held(all, embeddings, d, delta, op).size() / (double) all.size();
    }

    /** Mean over the d dimensions of (E_i + E_j − E_m − E_n)² for parallelogram q. */
    public static double defect(Parallelograms set, int q, double[] e, int d) {
        OperationTable t = set.table();
        int s = set.firstSample(q), u = set.secondSample(q);
        int i = t.first(s) * d, j = t.second(s) * d, m = t.first(u) * d, n = t.second(u) * d;
        double sum = 0;
        for (int c = 0; c < d; c++) {
            double r = e[i + c] + e[j + c] - e[m + c] - e[n + c];
            sum += r * r;
        }
        return sum / d;
    }

    /** Which parallelograms of {@code set} hold in the (already normalized) representation. */
    public static boolean[] holds(Parallelograms set, double[] normalized, int d, double delta) {
        return holds(set, normalized, d, delta, Composition.SUM);
    }

    /** P(R, δ): the parallelograms of {@code all} (normally P₀) that hold in the raw representation R. */
    public static Parallelograms held(Parallelograms all, double[] embeddings, int d, double delta) {
        return held(all, embeddings, d, delta, Composition.SUM);
    }

    /** RQI(R) = |P(R, δ)| / |P₀| for the raw representation R (NaN when P₀ is empty). */
    public static double rqi(Parallelograms all, double[] embeddings, int d, double delta) {
        return rqi(all, embeddings, d, delta, Composition.SUM);
    }

    /** D̄(D, P) of Eq. (12) as a membership mask over the table's samples. */
    public static boolean[] augmentedTrainingSet(OperationTable.Split split, Parallelograms p) {
        boolean[] inD = new boolean[p.table().size()];
        for (int s : split.train()) inD[s] = true;
        boolean[] bar = inD.clone();
        for (int q = 0; q < p.size(); q++) {
            int s = p.firstSample(q), u = p.secondSample(q);
            if (inD[s]) bar[u] = true;
            if (inD[u]) bar[s] = true;
        }
        return bar;
    }

    /**
     * The validation part of Acc-hat: the share of D′ in D̄(D, P), (|D̄| − |D|)/|D′| (the authors'
     * {@code acc_pred_test}); NaN when D′ is empty.
     */
    public static double predictedValidationAccuracy(OperationTable.Split split, Parallelograms p) {
        boolean[] bar = augmentedTrainingSet(split, p);
        int[] val = split.validation();
        if (val.length == 0) return Double.NaN;
        int n = 0;
        for (int s : val) if (bar[s]) n++;
        return n / (double) val.length;
    }

    /** Acc-hat = |D̄(D, P)| / |D₀| (Eq. 13), the accuracy on the full data set the parallelograms P explain. */
    public static double predictedAccuracy(OperationTable.Split split, Parallelograms p) {
        boolean[] bar = augmentedTrainingSet(split, p);
        int n = 0;
        for (boolean b : bar) if (b) n++;
        return n / (double) bar.length;
    }
}
