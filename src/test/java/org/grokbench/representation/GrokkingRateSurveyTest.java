package org.grokbench.representation;

import org.grokbench.data.AdditionTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** λ₃ against training fraction (Fig. 5a) and the critical fraction (Fig. 4a). */
class GrokkingRateSurveyTest {
    @Test
    void lambda3SwitchesOnAroundTheCriticalFraction() {
        AdditionTable t = AdditionTable.addition(10);
        GrokkingRateSurvey s = GrokkingRateSurvey.run(t, new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}, 40, 1);
        List<GrokkingRateSurvey.Row> rows = s.rows();
        assertEquals(0.0, rows.get(0).positiveShare());
        assertEquals(1.0, rows.get(9).positiveShare());
        assertEquals(55, rows.get(9).trainCount());
        // the paper: r_c ≈ 0.4 for p = 10
        assertTrue(s.criticalFraction() > 0.3 && s.criticalFraction() < 0.5, "r_c = " + s.criticalFraction());
        // above r_c, λ3 grows with the data on average (grokking time falls)
        assertTrue(rows.get(9).mean() > rows.get(6).mean() && rows.get(6).mean() > rows.get(4).mean());
        // same seed, same numbers
        assertArrayEquals(rows.get(5).lambda3(), GrokkingRateSurvey.run(t, new double[] {0.6}, 40, 1).rows().get(0).lambda3(), 0);
    }

    @Test
    void crossingInterpolatesBetweenFractions() {
        GrokkingRateSurvey.Row a = new GrokkingRateSurvey.Row(0.3, 16, new double[] {0, 0, 0, 1});     // 1/4
        GrokkingRateSurvey.Row b = new GrokkingRateSurvey.Row(0.4, 22, new double[] {0, 1, 1, 1});     // 3/4
        assertEquals(0.35, GrokkingRateSurvey.crossing(List.of(a, b)), 1e-12);
        assertTrue(Double.isNaN(GrokkingRateSurvey.crossing(List.of(a))));
        assertEquals(1 / (1e-3 * 0.5), new GrokkingRateSurvey.Row(1, 55, new double[] {0.5}).medianPredictedSteps(1e-3), 1e-9);
    }
}
