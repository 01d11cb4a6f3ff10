package org.grokbench.plot;

import org.grokbench.analysis.ZeroLossManifold;
import org.grokbench.experiment.HistoryView;
import org.grokbench.math.VecOps;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateSplitTest {
    @Test
    void partsAreOrthogonalAndAddUpOnTheLineOfFigure1() {
        ZeroLossManifold z = FigureFixtures.run("fig1-one-plus-one", 50).experiment().zeroLoss();
        double[] theta = {0.2, 1.7};
        double[] update = {0.03, -0.01};
        ParameterPlaneFigure.UpdateParts p = ParameterPlaneFigure.split(z, theta, update);
        // Z is w1 + w2 = 2: tangent along (1, -1), normal along (1, 1)
        assertEquals(0.0, VecOps.dot(p.tangent(), p.normal()), 1e-12);
        assertEquals(update[0], p.tangent()[0] + p.normal()[0], 1e-12);
        assertEquals(update[1], p.tangent()[1] + p.normal()[1], 1e-12);
        assertEquals(0.0, p.tangent()[0] + p.tangent()[1], 1e-12);
        assertEquals(p.normal()[0], p.normal()[1], 1e-12);
        assertEquals(2.0, p.projection()[0] + p.projection()[1], 1e-12);
    }

    @Test
    void updateAtIsTheUpdateThatArrivedAtTheRow() {
        FigureFixtures.Finished f = FigureFixtures.run("fig1-one-plus-one", 50);
        HistoryView h = f.snapshot().trajectories().get(0).history();
        double[] u = ParameterPlaneFigure.updateAt(h, 4);
        assertNotNull(u);
        assertEquals(h.param(4, 0) - h.param(3, 0), u[0], 1e-15);
        double[] first = ParameterPlaneFigure.updateAt(h, 0);
        assertEquals(h.param(1, 1) - h.param(0, 1), first[1], 1e-15);
        // the geometry probe's split and ours agree on the update that arrived at step 4
        ParameterPlaneFigure.UpdateParts parts = ParameterPlaneFigure.split(f.experiment().zeroLoss(), h.theta(4), u);
        assertEquals(h.metric(4, org.grokbench.experiment.Metric.UPDATE_TANGENT), parts.tangentNorm(), 1e-12);
        assertEquals(h.metric(4, org.grokbench.experiment.Metric.UPDATE_NORMAL), parts.normalNorm(), 1e-12);
        assertTrue(parts.normalNorm() > 0);
    }
}
