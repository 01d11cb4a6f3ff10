package org.grokbench.ui;

import org.grokbench.experiment.RunStatus;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.grokbench.ui.WindowHarness.fx;
import static org.grokbench.ui.WindowHarness.fxRun;
import static org.grokbench.ui.WindowHarness.waitFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long run at full speed: the FX thread only applies snapshots (charts are drawn by the figure
 * worker), so each pulse stays short; the curves of a 10⁶-step run are downsampled for display
 * while the history keeps every stored row.
 */
class PulseTest {
    @TempDir
    Path exports;
    private WindowHarness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) h.close();
    }

    @Test
    void aMillionStepRunAtFullSpeedKeepsPulsesShortAndCurvesLight() throws Exception {
        h = WindowHarness.open(WorkbenchApp.DEFAULT_PRESET, exports);
        fxRun(() -> {
            h.vm.speedProperty().set(WorkbenchViewModel.MAX_SPEED);
            h.vm.hyperparameters().steps().setText("1000000");
            h.vm.hyperparameters().commitSteps();
        });
        h.robot.clickOn("#run");
        // warm up (JIT, first drawings), then measure three seconds of pulses
        waitFx("running", 20, () -> h.latest().status() == RunStatus.RUNNING && h.latest().step() > 5_000);
        waitFx("first pictures", 30, () -> h.window.panel(LossCurvesView.class).chart() != null);
        fxRun(() -> h.window.pulseStats().reset());
        waitFx("180 pulses", 60, () -> h.window.pulseStats().pulses() >= 180);
        PulseStats stats = fx(() -> h.window.pulseStats());
        String report = fx(stats::toString);
        System.out.println("[PulseTest] fig1 at full speed: " + report + " · steps/s " + (long) h.latest().stepsPerSecond());
        assertTrue(fx(stats::applies) > 10, "snapshots were applied: " + report);
        assertTrue(fx(stats::maxApplyMillis) < 100, "FX work per pulse stays under 100 ms: " + report);

        // long curves: the history holds many rows, the chart draws a bounded number of points
        waitFx("a long history", 120, () -> h.latest().step() > 100_000);
        h.robot.clickOn("#pause");
        waitFx("paused", 20, () -> h.latest().status() == RunStatus.PAUSED);
        h.waitSettled();
        int rows = h.latest().trajectories().get(0).history().size();
        JFreeChart loss = fx(() -> h.window.panel(LossCurvesView.class).chart());
        double width = fx(() -> h.window.panel(LossCurvesView.class).drawingWidth());
        XYDataset data = ((XYPlot) loss.getPlot()).getDataset();
        int most = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) most = Math.max(most, data.getItemCount(s));
        assertTrue(rows > 10_000, "history rows: " + rows);
        assertTrue(most <= 4 * width + 8, "points per curve " + most + " for a " + width + " px panel");
        assertTrue(most < rows, "display is downsampled: " + most + " of " + rows);
    }
}
