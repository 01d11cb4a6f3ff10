package org.grokbench.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.grokbench.experiment.preset.PresetInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The preset library: presets grouped by paper (figure and title on each entry), and below it the
 * chosen preset's title and story, the text a teacher reads out. Choosing an entry loads it.
 */
public final class PresetLibraryView {
    private final WorkbenchViewModel vm;
    private final TreeView<Object> tree = new TreeView<>();
    private final Label title = new Label();
    private final Label story = new Label();
    private final VBox root = new VBox(8);
    private boolean selecting;

    public PresetLibraryView(WorkbenchViewModel vm) {
        this.vm = vm;
        Label heading = new Label("Presets");
        heading.getStyleClass().add("section-title");
        tree.setShowRoot(false);
        tree.setId("preset-tree");
        tree.setCellFactory(t -> new PresetCell());
        tree.setPrefHeight(230);
        tree.setMinHeight(120);
        tree.setRoot(buildTree(vm.presets()));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (selecting || item == null || !(item.getValue() instanceof PresetInfo p)) return;
            vm.loadPreset(p.id());
        });
        title.getStyleClass().add("story-title");
        title.setWrapText(true);
        title.setId("preset-title");
        story.getStyleClass().add("story");
        story.setWrapText(true);
        story.setId("preset-story");
        VBox storyBox = new VBox(6, title, story);
        storyBox.getStyleClass().add("story-box");
        ScrollPane storyScroll = new ScrollPane(storyBox);
        storyScroll.setFitToWidth(true);
        storyScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        storyScroll.getStyleClass().add("story-scroll");
        VBox.setVgrow(storyScroll, Priority.ALWAYS);
        root.getChildren().addAll(heading, tree, storyScroll);
        root.getStyleClass().add("library");
        vm.presetProperty().addListener((o, a, p) -> showFx(p));
        showFx(vm.presetProperty().get());
    }

    public Node node() { return root; }

    public TreeView<Object> tree() { return tree; }

    private void showFx(PresetInfo p) {
        if (p == null) return;
        title.setText(p.title());
        story.setText(p.story());
        selecting = true;
        try {
            for (TreeItem<Object> group : tree.getRoot().getChildren())
                for (TreeItem<Object> leaf : group.getChildren())
                    if (leaf.getValue() instanceof PresetInfo q && q.id().equals(p.id()))
                        tree.getSelectionModel().select(leaf);
        } finally {
            selecting = false;
        }
    }

    private static TreeItem<Object> buildTree(List<PresetInfo> presets) {
        Map<String, TreeItem<Object>> groups = new LinkedHashMap<>();
        for (PresetInfo p : presets) {
            TreeItem<Object> group = groups.computeIfAbsent(p.paper(), k -> {
                TreeItem<Object> g = new TreeItem<>(paperTitle(k));
                g.setExpanded(true);
                return g;
            });
            group.getChildren().add(new TreeItem<>(p));
        }
        TreeItem<Object> root = new TreeItem<>("presets");
        root.getChildren().addAll(groups.values());
        return root;
    }

    /** "geometry-of-grokking" → "Geometry of grokking". */
    static String paperTitle(String paper) {
        if (paper == null || paper.isBlank()) return "Other";
        String s = paper.replace('-', ' ').replace('_', ' ').trim();
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** Group rows in bold; preset rows as "Figure 1" over the title, wrapped to the column. */
    private final class PresetCell extends TreeCell<Object> {
        private final Label figure = new Label();
        private final Label name = new Label();
        private final VBox box = new VBox(0, figure, name);

        PresetCell() {
            figure.getStyleClass().add("preset-figure");
            name.getStyleClass().add("preset-name");
            name.setWrapText(true);
            name.maxWidthProperty().bind(tree.widthProperty().subtract(60));
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("paper-row");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
            } else if (item instanceof PresetInfo p) {
                setText(null);
                figure.setText(p.figure());
                name.setText(p.title());
                setGraphic(box);
            } else {
                setText(item.toString());
                setGraphic(null);
                getStyleClass().add("paper-row");
            }
        }
    }
}
