package org.grokbench.ui;

import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;

import java.util.List;
import java.util.Optional;

/**
 * The window's export prompts: a size dialog (1x to 4x the on-screen size, 2x preselected for
 * slides, Full HD, or a custom width × height), then the system's file or folder chooser. The
 * folder last used is offered again.
 */
public final class ExportDialogs implements ExportPrompts {
    private static final double CUSTOM = -1, FULL_HD = -2;
    private File lastFolder = new File(System.getProperty("user.home"));

    @Override
    public Optional<PanelRequest> askPanel(Window owner, PanelView panel, String suggestedName) {
        Optional<int[]> size = askSize(owner, "Export " + panel.title(), panel, true);
        if (size.isEmpty()) return Optional.empty();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + panel.title() + " as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName(suggestedName);
        if (lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        File f = chooser.showSaveDialog(owner);
        if (f == null) return Optional.empty();
        lastFolder = f.getParentFile();
        String name = f.getName().toLowerCase().endsWith(".png") ? f.getName() : f.getName() + ".png";
        return Optional.of(new PanelRequest(f.toPath().resolveSibling(name), size.get()[0], size.get()[1]));
    }

    @Override
    public Optional<AllRequest> askAll(Window owner, List<PanelView> panels) {
        if (panels.isEmpty()) return Optional.empty();
        Optional<int[]> size = askSize(owner, "Export all panels", panels.get(0), false);
        if (size.isEmpty()) return Optional.empty();
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the panel PNGs");
        if (lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        File dir = chooser.showDialog(owner);
        if (dir == null) return Optional.empty();
        lastFolder = dir;
        return Optional.of(new AllRequest(dir.toPath(), size.get()[2] / 100.0));
    }

    /** {width, height, scale×100} chosen in a small dialog; free sizes only when {@code exact}. */
    private Optional<int[]> askSize(Window owner, String title, PanelView panel, boolean exact) {
        ChoiceBox<Double> choice = new ChoiceBox<>();
        choice.getItems().addAll(1.0, 2.0, 3.0, 4.0);
        if (exact) choice.getItems().addAll(FULL_HD, CUSTOM);
        choice.setConverter(new StringConverter<>() {
            @Override public String toString(Double s) {
                if (s == null) return "";
                if (s == CUSTOM) return "custom size";
                if (s == FULL_HD) return "1920 × 1080 (full HD)";
                int[] wh = PanelExporter.sizeAt(panel, s);
                return ValidatedValue.num(s) + "x" + (s == 2.0 ? " (slides)" : "")
                        + (exact ? " — " + wh[0] + " × " + wh[1] : " of each panel's size");
            }
            @Override public Double fromString(String s) { return null; }
        });
        choice.setValue(PanelExporter.DEFAULT_SCALE);
        ValidatedValue<Long> w = ValidatedValue.integer("width", 16, 8000);
        ValidatedValue<Long> h = ValidatedValue.integer("height", 16, 8000);
        int[] two = PanelExporter.sizeAt(panel, 2);
        w.show((long) two[0]);
        h.show((long) two[1]);
        TextField wf = new TextField(), hf = new TextField();
        wf.textProperty().bindBidirectional(w.textProperty());
        hf.textProperty().bindBidirectional(h.textProperty());
        wf.disableProperty().bind(choice.valueProperty().isNotEqualTo(CUSTOM));
        hf.disableProperty().bind(choice.valueProperty().isNotEqualTo(CUSTOM));
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.textProperty().bind(w.errorProperty().concat(" ").concat(h.errorProperty()));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Size"), choice);
        if (exact) {
            grid.addRow(1, new Label("Width"), wf);
            grid.addRow(2, new Label("Height"), hf);
            grid.add(error, 0, 3, 2, 1);
        }
        Dialog<int[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText("PNG size (fonts and lines grow with it, so the image looks like the panel)");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(
                choice.valueProperty().isEqualTo(CUSTOM).and(w.validProperty().not().or(h.validProperty().not())));
        dialog.setResultConverter(b -> {
            if (b != ButtonType.OK) return null;
            double s = choice.getValue();
            if (s == CUSTOM) return new int[] {w.parse().orElse(1L).intValue(), h.parse().orElse(1L).intValue(), 200};
            if (s == FULL_HD) return new int[] {1920, 1080, 200};
            int[] wh = PanelExporter.sizeAt(panel, s);
            return new int[] {wh[0], wh[1], (int) Math.round(s * 100)};
        });
        return dialog.showAndWait();
    }

}
