package org.grokbench.sweep;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The t4(r) power-law fit over the cells of a training-fraction sweep. */
class GrokkingTimeFitTest {
    private static CellResult cell(int i, double r, double t4, String status) {
        return new CellResult(i, 0, r, Double.NaN, status, "", 1.0, Map.of(CellMeasures.T4_NAME, t4));
    }

    @Test
    void recoversAKnownLawFromTheCellsThatGrokked() {
        double a = 300, gamma = 2.0, b = 500;
        List<CellResult> cells = new ArrayList<>();
        double[] fractions = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        for (int i = 0; i < fractions.length; i++)
            cells.add(cell(i, fractions[i], a * Math.pow(fractions[i], -gamma) + b, CellResult.FINISHED));
        cells.add(cell(6, 0.1, Double.NaN, CellResult.FINISHED));            // never grokked: no t4
        cells.add(cell(7, 0.2, 123, CellResult.DIVERGED));                   // diverged: left out
        GrokkingTimeFit f = GrokkingTimeFit.of(cells, 8);
        assertEquals(6, f.used());
        assertNotNull(f.fit());
        assertEquals(gamma, f.fit().gamma(), 1e-3);
        assertEquals(a, f.fit().a(), 0.5);
        assertEquals(b, f.fit().b(), 0.5);
        assertTrue(f.describe().startsWith("t4(r) = a r^-γ + b over 6 of 8 cells"), f.describe());
        assertTrue(!f.describe().contains("search range"), f.describe());
    }

    @Test
    void saysSoWhenTooFewFractionsGrokked() {
        GrokkingTimeFit f = GrokkingTimeFit.of(List.of(cell(0, 0.5, 900, CellResult.FINISHED),
                cell(1, 0.6, 800, CellResult.FINISHED), cell(2, 0.7, 700, CellResult.FINISHED),
                cell(3, 0.8, Double.NaN, CellResult.FINISHED)), 4);
        assertNull(f.fit(), "three points cannot test a three-parameter law");
        assertEquals(3, f.used());
        assertTrue(f.describe().contains("3 of 4 cells reached 100 % validation accuracy (4 needed)"), f.describe());
    }
}
