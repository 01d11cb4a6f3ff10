package org.grokbench.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A hidden, timed list of window actions, for screenshots and measurements under Xvfb:
 * {@code -Dgrokbench.script="1:run; 4:scrub 400; 5:shot assets/x.png; 6:exit"}. Each item is
 * {@code <seconds>:<action> [argument]}; actions: {@code preset ID}, {@code run}, {@code pause},
 * {@code step N}, {@code reset}, {@code speed S} (0 = max, −1 = log pace), {@code steps N} (budget), {@code scrub STEP}, {@code live},
 * {@code classroom on|off}, {@code dark on|off}, {@code logstep on|off} (every panel with a step axis), {@code panel ID on|off},
 * {@code slowflow steps|plane} (the slow-flow panel's view),
 * {@code frequency K} (Fourier circles' large view; 0 = largest), {@code pick PANEL I} (the run a
 * Fourier/PCA panel shows), {@code rotate AX AY}, {@code zoom F} (3D), {@code planezoom X0 X1 Y0 Y1}, {@code shot FILE} (the scene as a PNG),
 * {@code exportall DIR}, {@code pulsereset}, {@code pulses} (print the pulse statistics),
 * {@code landscape MODE [KIND [SCALING]]} (the landscape panel: slice, stack or plane; final, start, step, random, pca; raw or filter),
 * {@code tab preset|sweep|phase|race} (the centre tab shown), {@code sweep DIR [PRESET]} (start or resume the
 * preset's default sweep into DIR), {@code sweepclick I J} (click heatmap cell I, J), {@code phase DIR [PRESET]}, {@code phaseclick I J},
 * {@code phasehover I J}, {@code phasecancel}, {@code phasestatus} (the same for the phase-diagram tab), {@code race} (press Race in the optimizer race tab with
 * its current fields), {@code racefield function|start|lr|steps VALUE} (set a race field; start as X,Y),
 * {@code theory theory|rate} (the effective-theory panel's mode), {@code focus ID} (show that panel alone, again to undo), {@code size W H}, {@code exit}.
 */
final class DebugScript {
    private DebugScript() {}

    static void run(String script, WorkbenchWindow w, Stage stage) {
        Timeline t = new Timeline();
        for (String item : script.split(";")) {
            String s = item.trim();
            if (s.isEmpty()) continue;
            int colon = s.indexOf(':');
            double at = Double.parseDouble(s.substring(0, colon).trim());
            String action = s.substring(colon + 1).trim();
            t.getKeyFrames().add(new KeyFrame(Duration.seconds(at), e -> perform(action, w, stage)));
        }
        t.play();
    }

    private static void perform(String action, WorkbenchWindow w, Stage stage) {
        String[] a = action.split("\\s+");
        WorkbenchViewModel vm = w.viewModel();
        try {
            switch (a[0].toLowerCase(Locale.ROOT)) {
                case "preset" -> vm.loadPreset(a[1]);
                case "run" -> vm.run();
                case "pause" -> vm.pause();
                case "step" -> vm.step(Integer.parseInt(a[1]));
                case "reset" -> vm.reset();
                case "speed" -> vm.speedProperty().set(Double.parseDouble(a[1]));
                case "steps" -> {
                    vm.hyperparameters().steps().setText(a[1]);
                    vm.hyperparameters().commitSteps();
                }
                case "scrub" -> vm.scrubTo(Long.parseLong(a[1]));
                case "live" -> vm.goLive();
                case "classroom" -> vm.classroomProperty().set(on(a));
                case "dark" -> vm.darkProperty().set(on(a));
                case "logstep" -> w.allPanels().stream().filter(p -> p instanceof ChartPanelView c && c.logStepBox() != null)
                        .forEach(p -> ((ChartPanelView) p).logStepBox().setSelected(on(a)));
                case "panel" -> w.allPanels().stream().filter(p -> p.id().equals(a[1])).findFirst()
                        .ifPresent(p -> w.showPanelFx(p, "on".equals(a[2])));
                case "focus" -> w.allPanels().stream().filter(p -> p.id().equals(a[1])).findFirst()
                        .ifPresent(w::toggleFocusFx);
                case "curvature" -> w.panel(CurvatureView.class).modePicker()
                        .setValue(CurvatureView.Mode.valueOf(a[1].toUpperCase(java.util.Locale.ROOT)));
                case "slowflow" -> w.panel(SlowFlowView.class).modePicker()
                        .setValue(SlowFlowView.Mode.valueOf(a[1].toUpperCase(java.util.Locale.ROOT)));
                case "theory" -> w.panel(EffectiveTheoryView.class).modePicker()
                        .setValue(EffectiveTheoryView.Mode.valueOf(a[1].toUpperCase(java.util.Locale.ROOT)));
                case "frequency" -> w.panel(FourierCirclesView.class).frequencyPicker().setValue(Integer.parseInt(a[1]));
                case "pick" -> w.allPanels().stream().filter(p -> p.id().equals(a[1]) && p instanceof EmbeddingPanelView)
                        .findFirst().ifPresent(p -> ((EmbeddingPanelView) p).runPicker().getSelectionModel()
                                .select(Integer.parseInt(a[2])));
                case "rotate" -> w.panel(ManifoldView3D.class).rotateFx(Double.parseDouble(a[1]), Double.parseDouble(a[2]));
                case "zoom" -> w.panel(ManifoldView3D.class).zoomFx(Double.parseDouble(a[1]));
                case "planezoom" -> w.panel(ParameterPlaneView.class).zoomToFx(Double.parseDouble(a[1]),
                        Double.parseDouble(a[2]), Double.parseDouble(a[3]), Double.parseDouble(a[4]));
                case "size" -> {
                    stage.setWidth(Double.parseDouble(a[1]));
                    stage.setHeight(Double.parseDouble(a[2]));
                }
                case "shot" -> {
                    WritableImage img = w.scene().snapshot(null);
                    Path file = Path.of(a[1]);
                    if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
                    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
                    System.out.println("grokbench: wrote " + file.toAbsolutePath());
                }
                case "exportall" -> System.out.println("grokbench: exported " + w.exportAllFx(Path.of(a[1]), PanelExporter.DEFAULT_SCALE));
                case "pulsereset" -> w.pulseStats().reset();
                case "pulses" -> System.out.println("grokbench: " + w.pulseStats());
                case "landscape" -> {
                    LandscapeView v = w.panel(LandscapeView.class);
                    v.modePicker().getSelectionModel().select(LandscapeView.Mode.valueOf(a[1].toUpperCase(Locale.ROOT)));
                    if (a.length > 2) v.directionPicker().getSelectionModel().select(org.grokbench.landscape.DirectionKind.parse(a[2]));
                    if (a.length > 3) v.scalingPicker().getSelectionModel().select(org.grokbench.landscape.Scaling.parse(a[3]));
                }
                case "tab" -> w.selectTabFx(a[1]);
                case "race" -> w.raceView().raceFx();
                case "racefield" -> {
                    RaceViewModel r = w.raceView().viewModel();
                    switch (a[1]) {
                        case "function" -> r.functionProperty().set(RaceViewModel.Function.valueOf(a[2].toUpperCase(Locale.ROOT)));
                        case "start" -> r.start().setText(a[2]);
                        case "lr" -> r.lr().setText(a[2]);
                        case "steps" -> r.steps().setText(a[2]);
                        default -> System.err.println("grokbench: unknown race field '" + a[1] + "'");
                    }
                }

                case "sweep" -> { // sweep DIR [PRESET]: start (or resume) the preset's default sweep into DIR
                    SweepViewModel sv = w.sweepView().viewModel();
                    if (a.length > 2) sv.choosePreset(a[2]);
                    sv.outProperty().set(a[1]);
                    System.out.println("grokbench: sweep " + (sv.start() ? "started" : "refused: " + sv.problemProperty().get()));
                }
                case "sweepclick" -> w.sweepView().clickCellFx(Integer.parseInt(a[1]), Integer.parseInt(a[2]));
                case "phase" -> { // phase DIR [PRESET]: start (or resume) the phase-diagram preset into DIR
                    SweepViewModel pv = w.phaseView().viewModel();
                    if (a.length > 2) pv.choosePreset(a[2]);
                    pv.outProperty().set(a[1]);
                    System.out.println("grokbench: phase diagram " + (pv.start() ? "started" : "refused: " + pv.problemProperty().get()));
                }
                case "phaseclick" -> w.phaseView().clickCellFx(Integer.parseInt(a[1]), Integer.parseInt(a[2]));
                case "phasehover" -> System.out.println("grokbench: hover " + w.phaseView().hoverCellFx(Integer.parseInt(a[1]), Integer.parseInt(a[2])));
                case "phasecancel" -> w.phaseView().viewModel().cancel();
                case "phasestatus" -> System.out.println("grokbench: phase status " + w.phaseView().viewModel().statusProperty().get());
                case "exit" -> Platform.exit();
                default -> System.err.println("grokbench: unknown script action '" + action + "'");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("grokbench: script action '" + action + "' failed: " + e);
        }
    }

    private static boolean on(String[] a) {
        return a.length < 2 || !"off".equalsIgnoreCase(a[1]);
    }
}
