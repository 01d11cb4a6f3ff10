package org.grokbench.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.grokbench.experiment.History;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Metric;
import org.grokbench.spectral.HiddenDimensionTrack;
import org.grokbench.spectral.RunSignature;
import org.grokbench.spectral.SpectralOptions;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;

class SpectralFiguresTest {

    static HistoryView history(double amp) {
        History h = new History(Metric.COUNT, 1, 1000, 1);
        for (long s = 0; s < 450; s++) {
            double[] row = new double[Metric.COUNT];
            row[Metric.TRAIN_LOSS.ordinal()] = Math.exp(-s / 80.0) * (1 + amp * Math.sin(0.5 * s));
            row[Metric.TRAIN_ACC.ordinal()] = Math.min(1, s / 100.0);
            h.record(s, row, new double[] {s});
        }
        return h.view();
    }

    static String text(JFreeChart c) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < c.getSubtitleCount(); i++) if (c.getSubtitle(i) instanceof TextTitle t) b.append(t.getText()).append('\n');
        return b.toString();
    }

    static void assertNotBlank(JFreeChart c) {
        BufferedImage img = FigureExport.render(c, 900, 600);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
        assertTrue(colours.size() > 50, "colours: " + colours.size());
    }

    @Test
    void signatureFigureShowsNumbersForecastAndCaveat() {
        List<RunSignature> runs = List.of(RunSignature.of("loud", history(0.05), SpectralOptions.DEFAULT),
                RunSignature.of("quiet", history(0.0), SpectralOptions.DEFAULT));
        JFreeChart c = SpectralSignatureFigure.forSignatures(runs, SpectralOptions.DEFAULT, FigureOptions.defaults());
        String t = text(c);
        assertTrue(t.contains("loud: activity"), t);
        assertTrue(t.contains("t2 = 100"), t);
        assertTrue(t.contains("oscillating like runs that grokked"), t);
        assertTrue(t.contains("not a guarantee"), t);
        assertNotBlank(c);
    }

    @Test
    void intrinsicDimensionFigureDraws() {
        double[] steps = {0, 100, 200, 300}, two = {5, 7, 6, 4}, mle = {4, 6, 5, 3};
        JFreeChart c = IntrinsicDimensionFigure.create("run", 0, new HiddenDimensionTrack.Series(steps, two, mle), 107,
                FigureOptions.defaults());
        assertTrue(text(c).contains("107 training samples"), text(c));
        assertNotBlank(c);
    }
}
