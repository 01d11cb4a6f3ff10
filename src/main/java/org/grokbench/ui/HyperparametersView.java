package org.grokbench.ui;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.grokbench.plot.FigureStyle;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The run's hyperparameters as editable fields: per overlaid run lr, λ and init; for the whole
 * experiment seed and steps. Enter (or leaving the field) applies a valid value: lr and λ at once,
 * between steps; seed, steps and init by restarting the run. An invalid value turns its field red
 * and the line under it names the allowed range; it is not applied.
 */
public final class HyperparametersView {
    private final VBox root = new VBox(6);
    private final VBox body = new VBox(6);

    public HyperparametersView(WorkbenchViewModel vm) {
        Label heading = new Label("Hyperparameters");
        heading.getStyleClass().add("section-title");
        Label hint = new Label("Enter applies. lr and λ change the running run between steps; "
                + "seed, steps and init restart it.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        root.getChildren().addAll(heading, body, hint);
        root.getStyleClass().add("hyperparameters");
        vm.hyperparametersProperty().addListener((o, a, m) -> rebuild(m));
        rebuild(vm.hyperparameters());
    }

    public Node node() { return root; }

    private void rebuild(HyperparametersViewModel m) {
        body.getChildren().clear();
        if (m == null) return;
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(3);
        grid.getStyleClass().add("hyper-grid");
        ColumnConstraints num = new ColumnConstraints(56, 70, 120);
        num.setHgrow(Priority.SOMETIMES);
        ColumnConstraints vec = new ColumnConstraints(80, 110, 260);
        vec.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(num, num, vec);
        List<HyperparametersViewModel.RunRow> rows = m.rows();
        if (!rows.isEmpty() && rows.get(0).hasDecoder()) {
            body.getChildren().addAll(twoOptimizerGrid(m, rows), globalFields(m));
            return;
        }
        boolean numbers = rows.isEmpty() || rows.get(0).init().name().equals("init");
        // Eq. (20) moves E by the closed-form dynamics: weight decay is not part of it
        boolean noDecay = m.spec().model() != null && "modular-eq20".equals(m.spec().model().kind());
        grid.addRow(0, header("lr"), header("λ"), header(numbers ? "init θ₀" : "θ₀ seed"));
        int row = 1;
        for (int i = 0; i < rows.size(); i++) {
            HyperparametersViewModel.RunRow r = rows.get(i);
            int index = i;
            // The run's label on its own line, full length, in its colour's swatch.
            Label name = new Label(r.label(), new Rectangle(12, 12, ManifoldView3D.fxColor(FigureStyle.trajectoryColor(i))));
            name.getStyleClass().add("run-label");
            grid.add(name, 0, row++, 3, 1);
            TextField lr = field(r.lr(), "lr-" + i, () -> m.commitLr(index));
            TextField lambda = field(r.lambda(), "lambda-" + i, () -> m.commitLambda(index));
            if (noDecay) {
                lambda.setDisable(true);
                lambda.setTooltip(new Tooltip("The simulated dynamics of Eq. (20) has no weight decay term"));
            }
            TextField init = field(r.init(), "init-" + i, () -> m.commitInit(index));
            grid.addRow(row++, lr, lambda, init);
            Label errors = errorLine(r.lr(), r.lambda(), r.init());
            errors.setId("errors-" + i);
            grid.add(errors, 0, row++, 3, 1);
        }
        body.getChildren().addAll(grid, globalFields(m));
    }

    /**
     * The representation toy's two optimizers (Liu et al. 2022, §4.1), one line each:
     * "representation  lr [ ]  wd [ ]" and "decoder  lr [ ]  wd [ ]"; wd is PyTorch's weight_decay.
     */
    private static GridPane twoOptimizerGrid(HyperparametersViewModel m, List<HyperparametersViewModel.RunRow> rows) {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(3);
        grid.getStyleClass().add("hyper-grid");
        ColumnConstraints name = new ColumnConstraints();
        name.setHalignment(HPos.RIGHT);
        ColumnConstraints num = new ColumnConstraints(56, 80, 140);
        num.setHgrow(Priority.SOMETIMES);
        grid.getColumnConstraints().addAll(name, num, num);
        grid.addRow(0, new Label(""), header("lr"), header("wd"));
        int row = 1;
        for (int i = 0; i < rows.size(); i++) {
            HyperparametersViewModel.RunRow r = rows.get(i);
            int index = i;
            Label run = new Label(r.label(), new Rectangle(12, 12, ManifoldView3D.fxColor(FigureStyle.trajectoryColor(i))));
            run.getStyleClass().add("run-label");
            grid.add(run, 0, row++, 3, 1);
            TextField lr = field(r.lr(), "lr-" + i, () -> m.commitLr(index));
            TextField wd = field(r.lambda(), "lambda-" + i, () -> m.commitLambda(index));
            wd.getTooltip().setText(wd.getTooltip().getText() + " (PyTorch's weight_decay; AdamW shrinks E by lr·wd·E per step)");
            grid.addRow(row++, new Label("representation"), lr, wd);
            TextField dlr = field(r.decoderLr(), "decoder-lr-" + i, () -> m.commitDecoderLr(index));
            TextField dwd = field(r.decoderWd(), "decoder-wd-" + i, () -> m.commitDecoderWd(index));
            grid.addRow(row++, new Label("decoder"), dlr, dwd);
            Label errors = errorLine(r.lr(), r.lambda(), r.decoderLr(), r.decoderWd());
            errors.setId("errors-" + i);
            grid.add(errors, 0, row++, 3, 1);
        }
        return grid;
    }

    /** Seed and steps of the whole experiment, and their error line. */
    private static VBox globalFields(HyperparametersViewModel m) {
        GridPane global = new GridPane();
        global.setHgap(6);
        global.setVgap(3);
        TextField seed = field(m.seed(), "seed", m::commitSeed);
        TextField steps = field(m.steps(), "steps", m::commitSteps);
        global.addRow(0, new Label("seed"), seed, new Label("steps"), steps);
        ColumnConstraints g0 = new ColumnConstraints();
        ColumnConstraints g1 = new ColumnConstraints(60, 90, 200);
        g1.setHgrow(Priority.ALWAYS);
        g0.setHalignment(HPos.RIGHT);
        global.getColumnConstraints().addAll(g0, g1, g0, g1);
        Label globalErrors = errorLine(m.seed(), m.steps());
        globalErrors.setId("errors-global");
        return new VBox(6, global, globalErrors);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("column-header");
        return l;
    }

    /** A text field bound to a validated value; Enter or focus loss commits. */
    static TextField field(ValidatedValue<?> value, String id, BooleanSupplier commit) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value.textProperty());
        Tooltip tip = new Tooltip("allowed: " + value.allowed());
        f.setTooltip(tip);
        f.setOnAction(e -> commit.getAsBoolean());
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) commit.getAsBoolean();
        });
        value.validProperty().addListener((o, a, ok) -> mark(f, ok));
        mark(f, value.isValid());
        return f;
    }

    private static void mark(TextField f, boolean ok) {
        if (ok) f.getStyleClass().remove("invalid");
        else if (!f.getStyleClass().contains("invalid")) f.getStyleClass().add("invalid");
    }

    /** One line under a row: the allowed range of each of its invalid fields, hidden while all are valid. */
    static Label errorLine(ValidatedValue<?>... values) {
        Label l = new Label();
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.managedProperty().bind(l.visibleProperty());
        Runnable update = () -> {
            StringBuilder b = new StringBuilder();
            for (ValidatedValue<?> v : values) {
                if (v.isValid()) continue;
                if (b.length() > 0) b.append('\n');
                b.append(v.errorProperty().get());
            }
            l.setText(b.toString());
            l.setVisible(b.length() > 0);
        };
        for (ValidatedValue<?> v : values) v.errorProperty().addListener((o, a, b) -> update.run());
        update.run();
        return l;
    }
}
