package org.grokbench.plot;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Saves and renders charts headless (AWT only; works with {@code -Djava.awt.headless=true}). */
public final class FigureExport {
    /** Largest side accepted, in pixels (a 8000×8000 ARGB image is already 256 MB). */
    public static final int MAX_SIDE = 8000;

    private FigureExport() {}

    /** Writes the chart as a PNG of {@code width}×{@code height} pixels, creating parent folders. */
    public static void save(JFreeChart chart, Path file, int width, int height) throws IOException {
        checkSize(width, height);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }

    /** Draws the chart into a new image (tests, thumbnails, clipboard). */
    public static BufferedImage render(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE)
            throw new IllegalArgumentException("figure size must be in [1, " + MAX_SIDE + "] pixels per side, got "
                    + width + "x" + height);
    }
}
