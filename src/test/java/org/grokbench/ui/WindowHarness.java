package org.grokbench.ui;

import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.grokbench.experiment.RunStatus;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.preset.PresetLoader;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** One Grokking Workbench window on its own stage, driven from a test thread. */
final class WindowHarness implements AutoCloseable {
    /** Test-sized window: fits Monocle's headless screen. */
    static final double WIDTH = 1280, HEIGHT = 800;

    final Stage stage;
    final WorkbenchWindow window;
    final WorkbenchViewModel vm;
    final CountingExecutors executors;
    final FixedPrompts prompts;
    final FxRobot robot = new FxRobot();

    private WindowHarness(Stage stage, WorkbenchWindow window, WorkbenchViewModel vm, CountingExecutors executors,
                          FixedPrompts prompts) {
        this.stage = stage;
        this.window = window;
        this.vm = vm;
        this.executors = executors;
        this.prompts = prompts;
    }

    static void initToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    /** Opens a window on {@code preset}; exports go to {@code exportFolder} at 2x. */
    static WindowHarness open(String preset, Path exportFolder) throws Exception {
        initToolkit();
        CountingExecutors executors = new CountingExecutors();
        FixedPrompts prompts = new FixedPrompts(exportFolder);
        return fx(() -> {
            WorkbenchViewModel vm = new WorkbenchViewModel(new PresetLoader(), executors);
            assertTrue(vm.loadPreset(preset), vm.problemProperty().get());
            WorkbenchWindow w = new WorkbenchWindow(vm, prompts);
            Stage stage = new Stage();
            w.show(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            return new WindowHarness(stage, w, vm, executors, prompts);
        });
    }

    // ---- FX thread helpers --------------------------------------------------------------------

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    static void fxRun(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** Waits (polling, no sleeps in the test) until {@code condition} holds on the FX thread. */
    static void waitFx(String what, long seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            fail("timed out after " + seconds + " s waiting for: " + what);
        }
    }

    Snapshot latest() {
        return vm.session().latest();
    }

    /**
     * Presses "Step" (with the given step count chosen) and waits until the run has taken exactly
     * that many more steps and paused: every trajectory's history then holds that many more rows.
     * Returns the step the window shows.
     */
    long stepAndWait(int count) throws Exception {
        fxRun(() -> this.<javafx.scene.control.ChoiceBox<Integer>>lookup("#step-size").setValue(count));
        int before = latest().trajectories().get(0).history().size();
        robot.clickOn("#step");
        waitFx(count + " more steps, paused", 60, () -> {
            Snapshot s = latest();
            return s.status() == RunStatus.PAUSED && s.trajectories().get(0).history().size() == before + count;
        });
        return latest().step();
    }

    /** Waits until every visible panel shows the latest frame. */
    void waitSettled() {
        waitFx("panels settled", 60, window::panelsSettledFx);
    }

    <T extends Node> T lookup(String query) {
        return robot.lookup(query).query();
    }

    @Override
    public void close() throws Exception {
        fxRun(stage::close);
    }

    // ---- export checks --------------------------------------------------------------------

    /** Asserts the PNG has the size and is not blank: many colours, a fair share of non-background pixels. */
    /** Exports {@code panel} through its "Export PNG…" code path on the FX thread and checks the picture's size. */
    static void assertExports(PanelView panel, Path file, int width, int height) throws Exception {
        fxRun(() -> {
            try {
                panel.exportPngFx(file, width, height);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertPicture(file, width, height);
    }

    static void assertPicture(Path file, int width, int height) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        assertTrue(img != null, "not a PNG: " + file);
        assertEquals(width, img.getWidth(), "width of " + file);
        assertEquals(height, img.getHeight(), "height of " + file);
        int background = img.getRGB(2, 2);
        Set<Integer> colours = new HashSet<>();
        long differing = 0;
        for (int y = 0; y < img.getHeight(); y += 2)
            for (int x = 0; x < img.getWidth(); x += 2) {
                int c = img.getRGB(x, y);
                colours.add(c);
                if (c != background) differing++;
            }
        long samples = (long) ((img.getWidth() + 1) / 2) * ((img.getHeight() + 1) / 2);
        assertTrue(colours.size() > 40, file + " has only " + colours.size() + " colours: blank?");
        assertTrue(differing > samples / 50, file + " is almost all background");
    }

    // ---- test doubles ---------------------------------------------------------------------

    /** Daemon run threads as in the app, remembering every executor handed out. */
    static final class CountingExecutors implements RunExecutorFactory {
        private final RunExecutorFactory inner = RunExecutorFactory.daemonThreads();
        final List<ExecutorService> created = new CopyOnWriteArrayList<>();

        @Override
        public ExecutorService create(String runName) {
            ExecutorService e = inner.create(runName);
            created.add(e);
            return e;
        }
    }

    /** Export prompts that answer at once: the suggested name in a fixed folder, 2x the panel size. */
    static final class FixedPrompts implements ExportPrompts {
        final Path folder;
        final List<PanelRequest> asked = new ArrayList<>();

        FixedPrompts(Path folder) {
            this.folder = folder;
        }

        @Override
        public Optional<PanelRequest> askPanel(Window owner, PanelView panel, String suggestedName) {
            int[] size = PanelExporter.sizeAt(panel, PanelExporter.DEFAULT_SCALE);
            PanelRequest r = new PanelRequest(folder.resolve(suggestedName), size[0], size[1]);
            asked.add(r);
            return Optional.of(r);
        }

        @Override
        public Optional<AllRequest> askAll(Window owner, List<PanelView> panels) {
            return Optional.of(new AllRequest(folder.resolve("all"), PanelExporter.DEFAULT_SCALE));
        }
    }
}
