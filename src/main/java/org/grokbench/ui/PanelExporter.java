package org.grokbench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes panels as PNG files named after preset, panel and step, e.g.
 * {@code fig1-one-plus-one_parameter-plane_step000420.png}. Sizes are pixels; "2x" means twice
 * the panel's size on screen, the default for slides. FX thread (panels draw on it).
 */
public final class PanelExporter {
    /** Default export factor over the on-screen size: sharp on slides and projectors. */
    public static final double DEFAULT_SCALE = 2.0;

    private PanelExporter() {}

    /** {@code <preset>_<panel>_step<NNNNNN>.png}. */
    public static String fileName(String presetId, String panelId, long step) {
        String preset = presetId == null ? "grokbench" : presetId.replaceAll("[^A-Za-z0-9._-]", "_");
        return String.format(Locale.ROOT, "%s_%s_step%06d.png", preset, panelId, step);
    }

    /** The pixel size of a panel exported at {@code scale} times its on-screen size. */
    public static int[] sizeAt(PanelView p, double scale) {
        int w = (int) Math.round(Math.max(100, p.drawingWidth()) * scale);
        int h = (int) Math.round(Math.max(80, p.drawingHeight()) * scale);
        return new int[] {Math.min(w, 8000), Math.min(h, 8000)};
    }

    /** Exports one panel; returns the file written. */
    public static Path exportFx(PanelView p, Path file, int width, int height) throws IOException {
        if (!p.canExport()) throw new IOException(p.title() + " has nothing to export here");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        p.exportPngFx(file, width, height);
        return file;
    }

    /** Exports every exportable panel into {@code folder} at {@code scale}; returns the files written. */
    public static List<Path> exportAllFx(List<PanelView> panels, Path folder, double scale, String presetId, long step)
            throws IOException {
        Files.createDirectories(folder);
        List<Path> out = new ArrayList<>();
        for (PanelView p : panels) {
            if (!p.canExport()) continue;
            int[] size = sizeAt(p, scale);
            out.add(exportFx(p, folder.resolve(fileName(presetId, p.id(), step)), size[0], size[1]));
        }
        return out;
    }
}
