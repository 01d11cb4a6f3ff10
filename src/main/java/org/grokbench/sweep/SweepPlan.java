package org.grokbench.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.grokbench.experiment.Command;
import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.Run;
import org.grokbench.experiment.RunStatus;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.experiment.RunSpec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep: one run of a preset (the first, or the one with a given label), trained once per cell
 * of the grid x × y with the two parameters overridden (a 1-D sweep when y is null), and the
 * {@link CellMeasure}s read from each cell. Immutable.
 *
 * <p>Cells run headless without the preset's geometry and curvature probes (a sweep reports its
 * measures, not the panels' probes) and with a history long enough that the first
 * {@link CellMeasure#fullResolutionSteps()} steps are never thinned. {@link #cellSpec} is the
 * cell as a preset (the preset's own probes), for opening it in the window.
 */
public record SweepPlan(ExperimentSpec preset, int run, SweepAxis x, SweepAxis y, List<CellMeasure> measures) implements SweepGrid {
    /** Geometry-probe cadence of a cell: never within the step limit. */
    static final int NO_GEOMETRY = 1 << 30;
    /** Largest history a cell keeps at full resolution, in rows. */
    static final int MAX_HISTORY = 200_000;

    public SweepPlan {
        if (run < 0 || run >= preset.runs().size())
            throw new SweepException("run index " + run + " is not in " + preset.id() + " (" + preset.runs().size() + " runs)");
        if (x == null) throw new SweepException("a sweep needs an x axis");
        if (y != null && y.parameter() == x.parameter())
            throw new SweepException("x and y both sweep " + x.parameter().key() + "; choose two different parameters");
        x.parameter().checkApplies(preset);
        if (y != null) y.parameter().checkApplies(preset);
        measures = List.copyOf(measures);
        if (measures.isEmpty()) throw new SweepException("a sweep needs at least one cell measure");
        List<String> names = new ArrayList<>();
        for (CellMeasure m : measures) {
            if (names.contains(m.name())) throw new SweepException("two cell measures are named '" + m.name() + "'");
            names.add(m.name());
        }
    }

    /**
     * The plan for the run labelled {@code runLabel} (null or blank: the first run).
     *
     * @throws SweepException when no run has that label (the message lists the labels)
     */
    public static SweepPlan of(ExperimentSpec preset, String runLabel, SweepAxis x, SweepAxis y, List<CellMeasure> measures) {
        int index = 0;
        if (runLabel != null && !runLabel.isBlank()) {
            index = -1;
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < preset.runs().size(); k++) {
                labels.add(preset.runs().get(k).label());
                if (preset.runs().get(k).label().equals(runLabel.strip())) index = k;
            }
            if (index < 0) throw new SweepException("--run: " + preset.id() + " has no run '" + runLabel.strip()
                    + "'; its runs: " + labels);
        }
        return new SweepPlan(preset, index, x, y, measures);
    }

    @Override public boolean twoDimensional() { return y != null; }

    @Override public int columns() { return x.size(); }

    /** Rows of the grid: y's values, or 1 in a 1-D sweep. */
    @Override public int rows() { return y == null ? 1 : y.size(); }

    @Override public double xValue(int i) { return x.value(i); }

    @Override public double yValue(int j) { return y == null ? Double.NaN : y.value(j); }

    @Override public String xKey() { return x.parameter().key(); }

    @Override public String yKey() { return y == null ? "" : y.parameter().key(); }

    @Override public List<String> measureKeys() { return measures.stream().map(CellMeasure::name).toList(); }

    public String measureNames() {
        return String.join(",", measures.stream().map(CellMeasure::name).toList());
    }

    /**
     * Cell (i, j) as a preset: only the swept run, with both values applied and a label that says
     * so, and the preset's own probes.
     */
    public ExperimentSpec cellSpec(int i, int j) {
        ExperimentSpec s = preset.withRuns(List.of(preset.runs().get(run)));
        s = x.parameter().apply(s, 0, x.value(i));
        String label = x.parameter().describe(x.value(i));
        if (y != null) {
            s = y.parameter().apply(s, 0, y.value(j));
            label += ", " + y.parameter().describe(y.value(j));
        }
        // which run was swept matters only when the preset has several
        if (preset.runs().size() > 1) label = preset.runs().get(run).label() + " → " + label;
        return s.withRun(0, s.runs().get(0).withLabel(label));
    }

    /** Cell (i, j) as the runner trains it: no probes, history sized for the measures. */
    public ExperimentSpec runnableSpec(int i, int j) {
        ExperimentSpec s = cellSpec(i, j);
        RunSpec r = s.runs().get(0);
        int head = 0;
        for (CellMeasure m : measures) head = Math.max(head, m.fullResolutionSteps());
        long want = Math.max(Math.max(s.probes().historyCap(), r.steps() + 1), 8L * (head + 1));
        int cap = (int) Math.min(MAX_HISTORY, want);
        return s.withProbes(new ProbeSpec(NO_GEOMETRY, Math.max(cap, 8 * (head + 1)), 0));
    }

    /** Cell (i, j) trained as a headless {@link Run}, stopped between two steps on cancellation. */
    @Override
    public CellResult train(int i, int j, Cancellation cancel) {
        long t0 = System.nanoTime();
        ExperimentSpec spec;
        Snapshot s;
        try {
            spec = runnableSpec(i, j);
            Run r = new Run(Experiment.build(spec), Long.MAX_VALUE);
            try (AutoCloseable ignored = cancel.onCancel(() -> r.send(new Command.Stop()))) {
                if (cancel.requested()) return null;
                s = r.runBlocking();
            }
        } catch (RuntimeException e) {
            return CellResult.failed(this, i, j, "cannot run this cell: " + e.getMessage(), t0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (s.status() == RunStatus.STOPPED) return null;
        TrajectorySnapshot t = s.trajectories().get(0);
        Map<String, Double> values = new LinkedHashMap<>();
        CellRun cell = new CellRun(spec, s, t);
        for (CellMeasure m : measures) {
            double v;
            try {
                v = m.measure(cell);
            } catch (RuntimeException e) {
                v = Double.NaN;
            }
            values.put(m.name(), v);
        }
        String status = switch (s.status()) {
            case DIVERGED -> CellResult.DIVERGED;
            case FAILED -> CellResult.FAILED;
            default -> CellResult.FINISHED;
        };
        return new CellResult(i, j, xValue(i), yValue(j), status, s.message(), CellResult.secondsSince(t0), values);
    }

    /**
     * A digest of everything that decides the cells' numbers: the swept run's spec, both axes and
     * the measure names. A resumed sweep must have the same fingerprint as the one on disk.
     */
    @Override
    public String fingerprint() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", preset.withRuns(List.of(preset.runs().get(run))));
        m.put("x", axisMap(x));
        m.put("y", y == null ? null : axisMap(y));
        m.put("measures", measures.stream().map(c -> c.name() + " " + c.settings()).toList());
        try {
            byte[] json = FINGERPRINT_JSON.writeValueAsBytes(m);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, 32);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the sweep plan: " + e, e);
        }
    }

    /** A human-readable description of the plan (sweep.json). */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", preset.id());
        m.put("run", preset.runs().get(run).label());
        m.put("x", axisMap(x));
        m.put("y", y == null ? null : axisMap(y));
        m.put("measures", measures.stream().map(CellMeasure::name).toList());
        m.put("cells", cellCount());
        return m;
    }

    private static Map<String, Object> axisMap(SweepAxis a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parameter", a.parameter().key());
        m.put("values", a.values());
        m.put("logSpaced", a.logSpaced());
        return m;
    }

    private static final ObjectMapper FINGERPRINT_JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
}
