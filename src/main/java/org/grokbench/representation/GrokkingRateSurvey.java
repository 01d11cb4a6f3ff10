package org.grokbench.representation;

import org.grokbench.data.AdditionTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The grokking rate λ₃ against the training data fraction (Liu et al. 2022, Fig. 5a): for each
 * fraction r, {@code trials} random training sets of round(r·|D₀|) samples, each giving λ₃ of its
 * effective theory ({@link EffectiveTheory}). λ₃ &gt; 0 exactly when the training set determines the
 * linear structure (Fig. 4a), so the share of training sets with λ₃ &gt; 0 is the probability of
 * perfect generalization by an ideal model; the critical fraction r_c is where that share crosses
 * 1/2 (linear interpolation between the two fractions around the crossing). The paper reports
 * r_c ≈ 0.4 for p = 10.
 *
 * <p>Trial t at training-set size n draws its training set with {@link AdditionTable#split} from seed
 * {@code seed + 1000003·n + t}: the same size gives the same training sets whatever the other
 * fractions, and the same arguments the same numbers.
 */
public final class GrokkingRateSurvey {
    /** One fraction: its training-set size and the λ₃ of every trial. */
    public record Row(double fraction, int trainCount, double[] lambda3) {
        public Row {
            lambda3 = lambda3.clone();
        }

        @Override public double[] lambda3() { return lambda3.clone(); }

        /** Share of trials with λ₃ &gt; 0. */
        public double positiveShare() {
            int n = 0;
            for (double v : lambda3) if (v > 0) n++;
            return n / (double) lambda3.length;
        }

        public double mean() { return Arrays.stream(lambda3).average().orElse(Double.NaN); }

        public double median() {
            double[] s = lambda3.clone();
            Arrays.sort(s);
            int n = s.length;
            return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        /** Median predicted steps 1/(λ₃η) (∞ when at least half the trials have λ₃ = 0). */
        public double medianPredictedSteps(double eta) {
            double m = median();
            return m > 0 ? 1 / (m * eta) : Double.POSITIVE_INFINITY;
        }
    }

    private final List<Row> rows;
    private final double criticalFraction;

    private GrokkingRateSurvey(List<Row> rows) {
        this.rows = List.copyOf(rows);
        this.criticalFraction = crossing(this.rows);
    }

    /** Runs the survey; fractions in (0, 1], trials ≥ 1. */
    public static GrokkingRateSurvey run(AdditionTable table, double[] fractions, int trials, long seed) {
        if (trials < 1) throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        List<Row> rows = new ArrayList<>();
        for (int f = 0; f < fractions.length; f++) {
            double r = fractions[f];
            if (!(r > 0 && r <= 1)) throw new IllegalArgumentException("fractions must be in (0, 1], got " + r);
            int count = (int) Math.round(r * table.size());
            double[] l3 = new double[trials];
            for (int t = 0; t < trials; t++) {
                AdditionTable.Split split = table.split(count, seed + 1_000_003L * count + t);
                l3[t] = EffectiveTheory.forTrainingSet(Parallelograms.of(table, split.train())).grokkingRate();
            }
            rows.add(new Row(r, count, l3));
        }
        return new GrokkingRateSurvey(rows);
    }

    /** First upward crossing of the positive share through 1/2, interpolated; NaN if it never crosses. */
    static double crossing(List<Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            double s = rows.get(i).positiveShare();
            if (s >= 0.5) {
                if (i == 0) return rows.get(0).fraction();
                double s0 = rows.get(i - 1).positiveShare(), r0 = rows.get(i - 1).fraction(), r1 = rows.get(i).fraction();
                return r0 + (0.5 - s0) / (s - s0) * (r1 - r0);
            }
        }
        return Double.NaN;
    }

    public List<Row> rows() { return rows; }

    /** r_c: where the share of training sets with λ₃ &gt; 0 reaches 1/2 (NaN if it never does). */
    public double criticalFraction() { return criticalFraction; }
}
