package org.grokbench.plot;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.RepresentationRunTest;
import org.grokbench.representation.GeneralizedParallelogramsTest;
import org.grokbench.representation.ToySpec;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** S₃'s embedding figure: the permutation matrices are a representation (90 of 90 hold), drawn by PCA. */
class S3EmbeddingFigureTest {
    @Test
    void permutationMatricesShowAllNinetyGeneralizedParallelogramsOnTheirPrincipalComponents() {
        Experiment e = Experiment.build(RepresentationRunTest.spec(ToySpec.s3Paper().withHiddenWidths(new int[] {8}).withOutputDim(4), 1));
        JFreeChart chart = RepresentationEmbeddingFigure.forEmbeddings(e.representation(), GeneralizedParallelogramsTest.permutationMatrices(),
                0, null, "perm", FigureOptions.defaults());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++) if (chart.getSubtitle(i) instanceof TextTitle t) b.append(t.getText()).append(" | ");
        assertTrue(b.toString().contains("RQI = 1.000: 90 of 90 parallelograms hold (δ = 0.5)"), b.toString());
        assertTrue(b.toString().contains("group S3 · 3 x 3 matrix embeddings, flattened, on their first two principal components"), b.toString());
        BufferedImage img = FigureExport.render(chart, 1200, 800);
        assertTrue(FigureFixtures.inkFraction(img) > 0.005, "nearly blank");
    }
}
