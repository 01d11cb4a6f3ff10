package org.grokbench.ui;

import org.grokbench.data.AdditionTable;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.RepresentationProblem;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.plot.DecoderMapFigure;
import org.grokbench.plot.FigureOptions;
import org.grokbench.representation.DecoderMap;
import org.jfree.chart.JFreeChart;

import java.util.List;
import java.util.function.Supplier;

/**
 * The decoder map of Liu et al. 2022, Fig. 2, for the representation toy: the picked run's decoder
 * evaluated on a grid of embedding space (a strip for 1D embeddings, the plane for 2D, the
 * embeddings' leading principal plane above), coloured by the predicted class, with the embeddings
 * on top, at the timeline's step (the stored θ row at or before it). The grid costs one decoder pass
 * per point, a fraction of a second for the 1-200-200-30 decoder: it is computed on the figure
 * worker, and while the run trains the panel waits between pictures ({@link EmbeddingPanelView}).
 */
public final class DecoderMapView extends EmbeddingPanelView {
    /** Grid points along a line (1D embeddings). */
    static final int LINE_CELLS = 400;
    /**
     * Grid points along the shorter side of a plane; the longer side follows the panel's shape
     * (about 2·10⁴ passes of the 2-200-200-30 decoder in a landscape panel).
     */
    static final int PLANE_CELLS = 90;

    public DecoderMapView() {
        super("decoder-map", "Decoder map (Fig. 2)");
    }

    /** Representation runs whose decoder reads the sum E_a + E_b (addition, plain or modular). */
    @Override
    public boolean appliesTo(Experiment experiment) {
        return appliesToSum(experiment);
    }

    /**
     * Whether the experiment is the representation toy on addition (plain or modular), where the
     * decoder reads E_a + E_b and the effective theory of §3.2 holds; not a group whose embeddings
     * are multiplied as matrices (App. H).
     */
    static boolean appliesToSum(Experiment experiment) {
        RepresentationProblem rp = experiment.representation();
        return rp != null && rp.table() instanceof AdditionTable;
    }

    @Override
    protected JFreeChart buildChart(Frame frame, FigureOptions options) {
        return chartJobFx(frame, options).get();
    }

    @Override
    protected Supplier<JFreeChart> chartJobFx(Frame frame, FigureOptions options) {
        RepresentationProblem rp = frame.experiment().representation();
        List<TrajectorySnapshot> runs = frame.trajectories();
        if (rp == null || runs.isEmpty()) return () -> unavailable("no representation run", options);
        TrajectorySnapshot t = runs.get(Math.min(runs.size() - 1, selectedRun()));
        HistoryView h = t.history();
        if (h.parameterRows() == 0) return () -> unavailable("no θ recorded yet", options);
        int row = thetaRow(h, options.step());
        long step = h.parameterStep(row);
        String label = t.label();
        double aspect = DecoderMapFigure.plotAspect(drawingWidth(), drawingHeight());
        return () -> {
            double[] theta = h.parameterRow(row);
            int cells = rp.embeddingDim() == 1 ? LINE_CELLS : PLANE_CELLS;
            DecoderMap map = DecoderMap.of(rp.model(), rp.embeddings(theta), rp.decoder(theta), cells, rp.spec().modular(),
                    aspect);
            return DecoderMapFigure.create(map, label, step, options);
        };
    }

    private static JFreeChart unavailable(String why, FigureOptions o) {
        return DecoderMapFigure.unavailable(why, o);
    }
}
