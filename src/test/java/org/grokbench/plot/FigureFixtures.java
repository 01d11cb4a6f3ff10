package org.grokbench.plot;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.Run;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.preset.PresetLoader;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Short runs of the shipped presets, computed once per test JVM, and pixel checks. */
final class FigureFixtures {
    private static final Map<String, Object[]> CACHE = new HashMap<>();

    private FigureFixtures() {}

    record Finished(Experiment experiment, Snapshot snapshot) {}

    static synchronized Finished run(String preset, long steps) {
        String key = preset + "@" + steps;
        Object[] hit = CACHE.get(key);
        if (hit != null) return new Finished((Experiment) hit[0], (Snapshot) hit[1]);
        Experiment e = Experiment.build(new PresetLoader().resolve(preset).withOverrides(steps, null, null, null));
        Snapshot s = new Run(e).runBlocking();
        CACHE.put(key, new Object[] {e, s});
        return new Finished(e, s);
    }

    /** Number of distinct RGB colours in the image. */
    static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2)
            for (int x = 0; x < img.getWidth(); x += 2) colours.add(img.getRGB(x, y) & 0xFFFFFF);
        return colours.size();
    }

    /** Fraction of pixels that are not (nearly) white. */
    static double inkFraction(BufferedImage img) {
        long ink = 0, all = 0;
        for (int y = 0; y < img.getHeight(); y += 2)
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (r < 245 || g < 245 || b < 245) ink++;
                all++;
            }
        return ink / (double) all;
    }

    /** Whether some pixel is close to the given colour. */
    static boolean contains(BufferedImage img, java.awt.Color c) {
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (Math.abs(r - c.getRed()) + Math.abs(g - c.getGreen()) + Math.abs(b - c.getBlue()) < 12) return true;
            }
        return false;
    }
}
