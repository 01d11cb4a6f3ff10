package org.grokbench.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.grokbench.experiment.preset.PresetLoader;

import java.util.concurrent.TimeUnit;

/**
 * The Grokking Workbench application: {@code mvn javafx:run}, or {@code java -jar grokbench.jar}
 * with no arguments. Opens on Figure 1 ("1 + 1 = 2"), paused at step 0.
 *
 * <p>System properties: {@code grokbench.preset} (the preset to open), {@code grokbench.script}
 * (a timed list of actions for screenshots and measurements, see {@link DebugScript}),
 * {@code grokbench.antialias3d=false} (no multisampling in the 3D view: much cheaper on software
 * OpenGL such as llvmpipe).
 */
public final class WorkbenchApp extends Application {
    /** The preset the window opens on. */
    public static final String DEFAULT_PRESET = "fig1-one-plus-one";

    private WorkbenchWindow window;
    private WorkbenchViewModel vm;

    @Override
    public void start(Stage stage) {
        vm = new WorkbenchViewModel(new PresetLoader(), RunExecutorFactory.daemonThreads());
        vm.loadPreset(System.getProperty("grokbench.preset", DEFAULT_PRESET));
        window = new WorkbenchWindow(vm, new ExportDialogs());
        window.show(stage);
        String script = System.getProperty("grokbench.script");
        if (script != null && !script.isBlank()) DebugScript.run(script, window, stage);
    }

    @Override
    public void stop() throws InterruptedException {
        if (window != null) window.closeFx();
        if (vm != null) vm.closeAndWait(2, TimeUnit.SECONDS);
    }

    public static void main(String[] args) {
        launch(WorkbenchApp.class, args);
    }
}
