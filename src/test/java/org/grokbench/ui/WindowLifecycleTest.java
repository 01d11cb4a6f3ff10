package org.grokbench.ui;

import org.grokbench.experiment.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.grokbench.ui.WindowHarness.fxRun;
import static org.grokbench.ui.WindowHarness.waitFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Closing the window stops its runs and figure worker: open and close it many times, count threads. */
class WindowLifecycleTest {
    private static final int TIMES = 12;

    @TempDir
    Path exports;

    @Test
    void openingAndClosingTheWindowManyTimesLeavesNoThreadBehind() throws Exception {
        int executors = 0;
        for (int i = 0; i < TIMES; i++) {
            WindowHarness h = WindowHarness.open(i % 2 == 0 ? "fig1-one-plus-one" : "fig4-gradient-orthogonality", exports);
            fxRun(() -> h.vm.speedProperty().set(WorkbenchViewModel.MAX_SPEED));
            // a long budget, so the run is still going when the window closes
            fxRun(() -> {
                h.vm.hyperparameters().steps().setText("10000000");
                h.vm.hyperparameters().commitSteps();
            });
            h.robot.clickOn("#run");
            waitFx("running", 20, () -> h.latest().status() == RunStatus.RUNNING);
            h.close();
            executors += h.executors.created.size();
            for (ExecutorService e : h.executors.created)
                assertTrue(e.awaitTermination(10, TimeUnit.SECONDS), "a run executor did not end");
        }
        assertTrue(executors >= 2 * TIMES, "every window made runs: " + executors);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> grokbenchThreads().isEmpty());
        } catch (TimeoutException e) {
            fail("threads left behind: " + grokbenchThreads());
        }
        assertEquals(List.of(), grokbenchThreads());
    }

    private static List<String> grokbenchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.contains("grokbench"))
                .collect(Collectors.toList());
    }
}
