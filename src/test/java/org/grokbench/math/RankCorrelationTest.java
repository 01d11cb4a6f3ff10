package org.grokbench.math;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankCorrelationTest {
    @Test
    void anyIncreasingRelationGivesOneAndAnyDecreasingMinusOne() {
        double[] x = {0.3, 5, 1, 2, 40, 7};
        double[] up = new double[x.length], down = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            up[k] = Math.exp(x[k]);
            down[k] = -Math.log(x[k]) * 3;
        }
        assertEquals(1, RankCorrelation.spearman(x, up), 1e-15);
        assertEquals(-1, RankCorrelation.spearman(x, down), 1e-15);
    }

    @Test
    void withoutTiesItIsTheClosedFormOneMinusSixSumOfSquaredRankDifferences() {
        double[] a = {10, 20, 30, 40, 50};
        double[] b = {2, 1, 4, 3, 5};
        // d = (1-2, 2-1, 3-4, 4-3, 5-5) → Σd² = 4; ρ = 1 − 6·4 / (5·24) = 0.8
        assertEquals(0.8, RankCorrelation.spearman(a, b), 1e-15);
    }

    @Test
    void tiesShareTheMeanRankAndNonFinitePairsAreSkipped() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankCorrelation.ranks(new double[] {1, 7, 7, 9}));
        double[] a = {1, 2, 2, 3, Double.NaN, 8};
        double[] b = {1, 3, 2, 4, 100, Double.POSITIVE_INFINITY};
        // ranks a = (1, 2.5, 2.5, 4), b = (1, 3, 2, 4): Pearson of these by hand = 4.5 / sqrt(4.5·5)
        assertEquals(4.5 / Math.sqrt(4.5 * 5), RankCorrelation.spearman(a, b), 1e-15);
        assertEquals(4, RankCorrelation.pairs(a, b));
    }

    @Test
    void undefinedWithFewerThanTwoPairsOrAConstantSide() {
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1}, new double[] {2})));
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {5, 5, 5})));
    }
}
