package org.grokbench.plot;

import org.grokbench.analysis.TangentSpace;
import org.grokbench.analysis.ZeroLossManifold;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.math.VecOps;
import org.grokbench.model.Model;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The (θ₁, θ₂) parameter plane of Figures 1-4: the training loss L as shading with its level sets
 * at every power of ten, circles of equal weight norm, the zero-loss set Z (thick black, drawn
 * exactly from {@link ZeroLossManifold#polylines2D}), and every trajectory in its colour with its
 * start (hollow dot) and its state at the selected step (filled dot). At that state the update
 * Δθ_t is split at proj_Z(θ_t) into its part tangent to Z (green) and its part normal to Z (red);
 * the arrows keep the ratio of the two parts but not their size (updates are far too small to see).
 *
 * <p>For more than two parameters the plane shows (θ₁, θ₂) with the other parameters held at the
 * selected trajectory's values at the selected step; for three, Z is drawn as its slice there. The
 * subtitle says so. One data unit spans as many pixels on both axes, so normals look normal.
 *
 * <p>An instance belongs to one experiment; {@link #create} may be called again for every step
 * of a timeline, and the charts it makes share the computed background (loss grid and Z) while
 * the visible range and slice stay the same. Each chart owns its own loss evaluator and the shared
 * cache is synchronized, so charts may be built and drawn on different threads.
 */
public final class ParameterPlaneFigure {
    /** Display length of a whole update arrow, as a fraction of the plot's shorter side. */
    private static final double ARROW_FRACTION = 0.16;
    /** Shading spans this many powers of ten below the highest loss in view. */
    private static final double SHADING_DECADES = 6;

    private final Experiment experiment;
    private final PlaneLayer.Cache grids = new PlaneLayer.Cache();
    private double[] shadingFor;
    private LossShading shading;

    public ParameterPlaneFigure(Experiment experiment) {
        this.experiment = experiment;
    }

    /**
     * The loss shading: {@value #SHADING_DECADES} powers of ten below the highest loss in (a little
     * beyond) the preset's box, for the parameters beyond θ₁, θ₂ held at {@code base}.
     */
    private synchronized LossShading shading(double[] base) {
        double[] rest = java.util.Arrays.copyOfRange(base, Math.min(2, base.length), base.length);
        if (shading != null && java.util.Arrays.equals(rest, shadingFor)) return shading;
        double[] plane = experiment.spec().view().plane();
        PlaneLayer probe = new PlaneLayer(experiment.newTrainLoss(), null, base, new LossShading(0, 1),
                FigureStyle.standard(), null);
        // The plot may widen one axis to keep the aspect ratio: look a little beyond the box.
        double mx = (plane[1] - plane[0]) * 0.25, my = (plane[3] - plane[2]) * 0.25;
        double hi = probe.maxLogLoss(plane[0] - mx, plane[1] + mx, plane[2] - my, plane[3] + my);
        if (!Double.isFinite(hi)) hi = 1;
        double top = Math.ceil(hi);
        shading = new LossShading(top - SHADING_DECADES, top);
        shadingFor = rest;
        return shading;
    }

    /** Convenience for one-off charts. */
    public static JFreeChart create(Experiment experiment, List<TrajectorySnapshot> runs, FigureOptions o) {
        return new ParameterPlaneFigure(experiment).create(runs, o);
    }

    /** The parts of an update relative to Z, in the full parameter space. */
    public record UpdateParts(double[] theta, double[] projection, double[] update, double[] tangent, double[] normal) {
        public double tangentNorm() { return VecOps.norm(tangent); }
        public double normalNorm() { return VecOps.norm(normal); }
    }

    /**
     * Splits {@code update} at θ into P_T Δθ and Δθ − P_T Δθ, T the tangent space of Z at
     * proj_Z(θ) (the same split as the geometry probe's update_tangent / update_normal columns).
     */
    public static UpdateParts split(ZeroLossManifold z, double[] theta, double[] update) {
        double[] p = z.project(theta);
        TangentSpace t = z.tangentSpace(p);
        double[] tangent = t.project(update);
        double[] normal = VecOps.sub(update, tangent);
        return new UpdateParts(theta.clone(), p, update.clone(), tangent, normal);
    }

    /**
     * The update that arrived at history row {@code row}: θ_t − θ_{t−1} from the previous stored
     * row (per step, when history thinning left a gap), or the first update at row 0 — the same
     * update the engine's geometry columns of that row describe. Null when fewer than two rows exist.
     */
    static double[] updateAt(HistoryView h, int row) {
        if (h.size() < 2 || row < 0) return null;
        int a = row >= 1 ? row - 1 : 0;
        double[] t0 = h.theta(a), t1 = h.theta(a + 1);
        double gap = Math.max(1, h.step(a + 1) - h.step(a));
        double[] u = VecOps.sub(t1, t0);
        for (int j = 0; j < u.length; j++) u[j] /= gap;
        return u;
    }

    public JFreeChart create(List<TrajectorySnapshot> runs, FigureOptions o) {
        FigureStyle s = o.style();
        Model model = experiment.model();
        int d = model.parameterCount();
        double[] plane = experiment.spec().view().plane();
        Range boxX = new Range(plane[0], plane[1]);
        Range boxY = new Range(plane[2], plane[3]);

        // The state every trajectory is in at the selected step.
        int selected = runs.isEmpty() ? -1 : Math.max(0, Math.min(runs.size() - 1, o.selectedRun()));
        int[] rows = new int[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            HistoryView h = runs.get(i).history();
            rows[i] = o.hasStep() ? h.rowAtOrBefore(o.step()) : h.size() - 1;
        }
        double[] base = new double[d];
        if (selected >= 0 && rows[selected] >= 0) base = runs.get(selected).history().theta(rows[selected]);
        else if (selected >= 0) base = runs.get(selected).theta();

        ZeroLossManifold z = d <= 3 ? experiment.zeroLoss() : null;
        LossShading shading = shading(base);
        PlaneLayer layer = new PlaneLayer(experiment.newTrainLoss(), z, base, shading, s, grids);

        List<String> names = model.parameterNames();
        NumberAxis xAxis = new NumberAxis(PowerOfTenFormat.subscriptDigits(names.get(0)));
        NumberAxis yAxis = new NumberAxis(PowerOfTenFormat.subscriptDigits(names.size() > 1 ? names.get(1) : "θ2"));
        for (NumberAxis a : new NumberAxis[] {xAxis, yAxis}) {
            a.setAutoRangeIncludesZero(false);
            s.styleAxis(a);
        }

        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = StepCharts.lineRenderer();
        renderer.setDrawSeriesLineAsPath(false);
        double minGap = Math.max(boxX.getLength(), boxY.getLength()) / 2000;
        // Future parts first (thin, translucent), then the parts up to the selected step.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < runs.size(); i++) {
                HistoryView h = runs.get(i).history();
                if (h.size() == 0) continue;
                int from = pass == 0 ? Math.max(0, rows[i]) : 0;
                int to = pass == 0 ? h.size() - 1 : Math.max(0, rows[i]);
                if (to - from < 1) continue;
                double[] xs = new double[to - from + 1], ys = new double[xs.length];
                for (int r = from; r <= to; r++) {
                    xs[r - from] = h.param(r, 0);
                    ys[r - from] = d > 1 ? h.param(r, 1) : 0;
                }
                Downsampler.Points p = Downsampler.path(xs, ys, minGap);
                int series = data.getSeriesCount();
                data.addSeries((pass == 0 ? "future " : "path ") + i, new double[][] {p.x(), p.y()});
                renderer.setSeriesPaint(series, pass == 0 ? FigureStyle.trajectoryColor(i, 0.35)
                        : FigureStyle.trajectoryColor(i));
                renderer.setSeriesStroke(series, pass == 0 ? new BasicStroke(s.px(2)) : s.lineStroke());
            }
        }

        EqualAspectXYPlot plot = new EqualAspectXYPlot(data, xAxis, yAxis, renderer, boxX, boxY);
        s.styleXYPlot(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        renderer.addAnnotation(layer, Layer.BACKGROUND);

        boolean anyArrow = false;
        for (int i = 0; i < runs.size(); i++) {
            HistoryView h = runs.get(i).history();
            if (h.size() == 0) continue;
            Color c = FigureStyle.trajectoryColor(i);
            renderer.addAnnotation(MarkAnnotation.hollow(h.param(0, 0), d > 1 ? h.param(0, 1) : 0, c, s), Layer.FOREGROUND);
        }
        // The update's parts for the selected trajectory only: at a shared resting point the
        // arrows of several runs would pile up.
        if (selected >= 0 && z != null && rows[selected] >= 0) {
            HistoryView h = runs.get(selected).history();
            anyArrow = addArrows(renderer, z, h.theta(rows[selected]), updateAt(h, rows[selected]), s);
        }
        for (int i = 0; i < runs.size(); i++) {
            HistoryView h = runs.get(i).history();
            if (h.size() == 0 || rows[i] < 0) continue;
            renderer.addAnnotation(MarkAnnotation.filled(h.param(rows[i], 0), d > 1 ? h.param(rows[i], 1) : 0,
                    FigureStyle.trajectoryColor(i), s), Layer.FOREGROUND);
        }

        plot.setFixedLegendItems(legend(runs, s, anyArrow));

        String title = "Parameter plane";
        JFreeChart chart = new JFreeChart(title, s.titleFont(), plot, true);
        if (o.caption() != null && !o.caption().isBlank()) chart.addSubtitle(new TextTitle(o.caption()));
        for (String line : subtitle(runs, rows, selected, base, names, d, o, anyArrow))
            chart.addSubtitle(new TextTitle(line));
        s.apply(chart);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setItemLabelPadding(new RectangleInsets(s.px(3), s.px(4), s.px(3), s.px(4)));
        legend.setMargin(new RectangleInsets(0, s.px(14), 0, 0));
        chart.addSubtitle(colourBar(shading, s));
        return chart;
    }

    /** Adds the tangent and normal arrows at θ; returns whether any was added. */
    private static boolean addArrows(XYLineAndShapeRenderer renderer, ZeroLossManifold z, double[] theta,
                                     double[] update, FigureStyle s) {
        if (update == null || !VecOps.allFinite(update)) return false;
        double u = VecOps.norm(update);
        if (!(u > 1e-13 * (1 + VecOps.norm(theta)))) return false;
        UpdateParts parts;
        try {
            parts = split(z, theta, update);
        } catch (RuntimeException e) {
            return false; // e.g. a numeric projection that failed: draw the state without arrows
        }
        if (!VecOps.allFinite(parts.tangent()) || !VecOps.allFinite(parts.normal())) return false;
        double[] t = parts.tangent(), n = parts.normal();
        double head = s.px(16);
        renderer.addAnnotation(new ArrowAnnotation(theta[0], theta[1], n[0] / u, n[1] / u, ARROW_FRACTION,
                FigureStyle.NORMAL_PART, s.arrowStroke(), head), Layer.FOREGROUND);
        renderer.addAnnotation(new ArrowAnnotation(theta[0], theta[1], t[0] / u, t[1] / u, ARROW_FRACTION,
                FigureStyle.TANGENT_PART, s.arrowStroke(), head), Layer.FOREGROUND);
        return true;
    }

    private static LegendItemCollection legend(List<TrajectorySnapshot> runs, FigureStyle s, boolean arrows) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(StepCharts.lineItem("zero-loss set Z", FigureStyle.ZERO_LOSS, s.zeroLossStroke(), s));
        for (int i = 0; i < runs.size(); i++)
            items.add(StepCharts.lineItem(runs.get(i).label(), FigureStyle.trajectoryColor(i), s.lineStroke(), s));
        items.add(StepCharts.dotItem("start", Color.DARK_GRAY, false, s));
        items.add(StepCharts.dotItem("state at step", Color.DARK_GRAY, true, s));
        if (arrows) {
            items.add(StepCharts.lineItem("update ⊥ Z (normal)", FigureStyle.NORMAL_PART, s.arrowStroke(), s));
            items.add(StepCharts.lineItem("update ∥ Z (tangent)", FigureStyle.TANGENT_PART, s.arrowStroke(), s));
        }
        // The ‖θ‖ circles carry their own labels and the level sets sit on the colour bar's
        // powers of ten: no legend entries, so that the legend stays narrow.
        return items;
    }

    private static List<String> subtitle(List<TrajectorySnapshot> runs, int[] rows, int selected, double[] base,
                                         List<String> names, int d, FigureOptions o, boolean arrows) {
        List<String> lines = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        long step = -1;
        for (int i = 0; i < runs.size(); i++)
            if (rows[i] >= 0) step = Math.max(step, runs.get(i).history().step(rows[i]));
        if (step >= 0) b.append("state at step ").append(o.hasStep() ? o.step() : step);
        else b.append("no steps recorded yet");
        if (arrows) b.append(" · arrows: update of \u2018").append(runs.get(selected).label())
                .append("\u2019 split at proj_Z(θ), not to scale");
        lines.add(b.toString());
        if (d > 2 && selected >= 0) {
            b.setLength(0);
            b.append(d).append(" parameters: the plane ");
            for (int k = 2; k < d; k++) {
                if (k > 2) b.append(", ");
                b.append(PowerOfTenFormat.subscriptDigits(names.get(k))).append(" = ")
                        .append(String.format(Locale.ROOT, "%.3f", base[k]));
            }
            b.append(" (as \u2018").append(runs.get(selected).label()).append("\u2019)");
            b.append(d == 3 ? "; Z and L drawn on that slice, paths projected" : "; Z not drawn (over 3 parameters)");
            lines.add(b.toString());
        }
        return lines;
    }

    private static PaintScaleLegend colourBar(LossShading shading, FigureStyle s) {
        NumberAxis axis = new NumberAxis("training loss L");
        axis.setNumberFormatOverride(new PowerOfTenFormat());
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setRange(shading.getLowerBound(), shading.getUpperBound());
        return s.colourBar(shading, axis, 30, 10);
    }
}
