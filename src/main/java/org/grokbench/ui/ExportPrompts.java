package org.grokbench.ui;

import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Asks the user where and how large to export. The window uses {@link ExportDialogs}; tests
 * answer with a fixed folder and size (native file choosers do not exist headless).
 */
public interface ExportPrompts {
    /** Where one panel goes and how large: a PNG file and its size in pixels. */
    record PanelRequest(Path file, int width, int height) {}

    /** Where every visible panel goes: a folder, and a size factor over each panel's on-screen size. */
    record AllRequest(Path folder, double scale) {}

    /** Asks for one panel (empty = cancelled); {@code suggestedName} is the file name to offer. */
    Optional<PanelRequest> askPanel(Window owner, PanelView panel, String suggestedName);

    /** Asks for "Export all panels" (empty = cancelled). */
    Optional<AllRequest> askAll(Window owner, List<PanelView> panels);
}
