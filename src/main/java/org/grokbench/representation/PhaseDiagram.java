package org.grokbench.representation;

import org.grokbench.sweep.CellResult;
import org.grokbench.sweep.SweepException;
import org.grokbench.sweep.SweepGrid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A phase diagram of the representation toy (Liu et al. 2022, §4.1, Fig. 6): the base
 * {@link ToySpec} trained once per cell of x × y with two hyperparameters overridden, each cell
 * classified by App. A, Table 1 ({@link PhaseCriteria}) into comprehension, grokking, memorization
 * or confusion. A {@link SweepGrid}, so the sweep machinery's runner and store train, resume and
 * cancel it like any sweep.
 *
 * <p>A cell reads train and validation accuracy every {@code every} steps (threshold steps are
 * exact to that resolution) and stops as soon as both thresholds have been reached, at the later of
 * the two first-passage steps: Table 1 depends only on those two steps, so the phase is then decided
 * (comprehension or grokking) and later steps cannot change it. Memorization and confusion run the
 * whole budget (validation may still pass later, making memorization grokking; train may still pass,
 * ending confusion). The RQI reported is the one at the last step trained (decision 0015).
 */
public record PhaseDiagram(ToySpec base, ToyParameter xParameter, List<Double> xs, ToyParameter yParameter,
                           List<Double> ys, PhaseCriteria criteria, int every) implements SweepGrid {
    /** Column names of the cell values. */
    public static final String PHASE = "phase", TRAIN_STEP = "train90_step", VAL_STEP = "val90_step",
            TRAIN_ACC = "train_acc", VAL_ACC = "val_acc", RQI = "rqi", STEPS = "steps";
    private static final List<String> MEASURES = List.of(PHASE, TRAIN_STEP, VAL_STEP, TRAIN_ACC, VAL_ACC, RQI, STEPS);

    public PhaseDiagram {
        xs = List.copyOf(xs);
        ys = List.copyOf(ys);
        if (xs.isEmpty() || ys.isEmpty()) throw new SweepException("a phase diagram needs at least one value on each axis");
        if (xParameter == yParameter)
            throw new SweepException("x and y both sweep " + xParameter.key() + "; choose two different parameters");
        for (double v : xs) xParameter.check(v);
        for (double v : ys) yParameter.check(v);
        if (every < 1) throw new SweepException("every must be at least 1, got " + every);
    }

    /** Fig. 6 (b): decoder learning rate 10⁻⁵…10⁻² (log, 11) × decoder weight decay 0…10 (11), representation lr 10⁻³. */
    public static PhaseDiagram decoderLrByWeightDecay(ToySpec base, PhaseCriteria criteria) {
        return new PhaseDiagram(base, ToyParameter.DECODER_LR, logGrid(1e-5, 1e-2, 11),
                ToyParameter.DECODER_WD, linGrid(0, 10, 11), criteria, 10);
    }

    /** Fig. 6 (a): representation learning rate × decoder learning rate, both 10⁻⁵…10⁻² (log, 11). */
    public static PhaseDiagram representationLrByDecoderLr(ToySpec base, PhaseCriteria criteria) {
        return new PhaseDiagram(base, ToyParameter.REPR_LR, logGrid(1e-5, 1e-2, 11),
                ToyParameter.DECODER_LR, logGrid(1e-5, 1e-2, 11), criteria, 10);
    }

    /** n values from a to b evenly spaced in log scale (exact end points). */
    public static List<Double> logGrid(double a, double b, int n) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < n; i++) v.add(i == 0 ? a : i == n - 1 ? b : Math.exp(Math.log(a) + i * (Math.log(b) - Math.log(a)) / (n - 1)));
        return v;
    }

    /** n values from a to b evenly spaced (exact end points). */
    public static List<Double> linGrid(double a, double b, int n) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < n; i++) v.add(i == n - 1 ? b : a + i * (b - a) / Math.max(1, n - 1));
        return v;
    }

    /** An axis written {@code PARAM=LIST}: PARAM a {@link ToyParameter} key, LIST {@code 1e-4,1e-3}, {@code log:a:b:n} or {@code lin:a:b:n}. */
    public record Axis(ToyParameter parameter, List<Double> values) {
        public static Axis parse(String text) {
            String t = text == null ? "" : text.strip();
            int eq = t.indexOf('=');
            if (eq <= 0 || eq == t.length() - 1)
                throw new SweepException("an axis is PARAM=LIST (PARAM one of " + ToyParameter.keys()
                        + "; LIST like 1e-4,1e-3 or log:1e-5:1e-2:11 or lin:0:10:11), got '" + t + "'");
            ToyParameter p = ToyParameter.of(t.substring(0, eq));
            String list = t.substring(eq + 1).strip(), lower = list.toLowerCase(Locale.ROOT);
            List<Double> v = new ArrayList<>();
            try {
                if (lower.startsWith("log:") || lower.startsWith("lin:")) {
                    String[] parts = list.substring(4).split(":", -1);
                    if (parts.length != 3) throw new SweepException(p.key() + ": " + lower.substring(0, 3) + ":a:b:n needs a, b and n, got '" + list + "'");
                    double a = Double.parseDouble(parts[0].strip()), b = Double.parseDouble(parts[1].strip());
                    int n = Integer.parseInt(parts[2].strip());
                    if (n < 1 || n > 101) throw new SweepException(p.key() + ": n must be in [1, 101], got " + n);
                    if (lower.startsWith("log:") && !(a > 0 && b > 0)) throw new SweepException(p.key() + ": log:a:b:n needs a, b > 0, got '" + list + "'");
                    v = lower.startsWith("log:") ? logGrid(a, b, n) : linGrid(a, b, n);
                } else {
                    for (String part : list.split(",", -1)) v.add(Double.parseDouble(part.strip()));
                }
            } catch (NumberFormatException e) {
                throw new SweepException(p.key() + " must be " + p.range() + " (a list, log:a:b:n or lin:a:b:n), got '" + list + "'");
            }
            for (double x : v) p.check(x);
            if (v.stream().distinct().count() < v.size()) throw new SweepException(p.key() + ": the list '" + list + "' repeats a value");
            return new Axis(p, v);
        }
    }

    /** This diagram with other axes. */
    public PhaseDiagram withAxes(Axis x, Axis y) {
        return new PhaseDiagram(base, x.parameter(), x.values(), y.parameter(), y.values(), criteria, every);
    }

    /** Whether an axis reads best in log scale: positive values with equal ratios. */
    public static boolean logSpaced(List<Double> v) {
        if (v.size() < 3 || v.get(0) <= 0) return v.size() == 2 && v.get(0) > 0 && v.get(1) / v.get(0) >= 10;
        double r = v.get(1) / v.get(0);
        for (int i = 2; i < v.size(); i++) if (Math.abs(v.get(i) / v.get(i - 1) / r - 1) > 1e-6) return false;
        return true;
    }

    /** The spec of cell (i, j). */
    public ToySpec cellSpec(int i, int j) {
        return yParameter.apply(xParameter.apply(base, xs.get(i)), ys.get(j));
    }

    @Override public int columns() { return xs.size(); }

    @Override public int rows() { return ys.size(); }

    @Override public double xValue(int i) { return xs.get(i); }

    @Override public double yValue(int j) { return ys.get(j); }

    @Override public boolean twoDimensional() { return true; }

    @Override public String xKey() { return xParameter.key(); }

    @Override public String yKey() { return yParameter.key(); }

    @Override public List<String> measureKeys() { return MEASURES; }

    @Override
    public CellResult train(int i, int j, Cancellation cancel) {
        long t0 = System.nanoTime();
        ToyTraining run;
        try {
            run = new ToyTraining(cellSpec(i, j));
        } catch (RuntimeException e) {
            return CellResult.failed(this, i, j, "cannot run this cell: " + e.getMessage(), t0);
        }
        Outcome o = classify(run, criteria, every, cancel);
        if (o == null) return null;
        ToyTraining.Reading last = run.read();
        Map<String, Double> v = new LinkedHashMap<>();
        v.put(PHASE, (double) o.reading().phase().ordinal());
        v.put(TRAIN_STEP, (double) o.reading().trainStep());
        v.put(VAL_STEP, (double) o.reading().valStep());
        v.put(TRAIN_ACC, last.trainAccuracy());
        v.put(VAL_ACC, last.validationAccuracy());
        v.put(RQI, last.rqi());
        v.put(STEPS, (double) run.stepCount());
        String status = Double.isFinite(last.trainLoss()) ? CellResult.FINISHED : CellResult.DIVERGED;
        return new CellResult(i, j, xValue(i), yValue(j), status, o.reading().phase().label(), CellResult.secondsSince(t0), v);
    }

    /** A cell's phase reading. */
    public record Outcome(PhaseCriteria.Reading reading) {}

    /**
     * Trains {@code run} up to the budget, reading accuracies at step 0 and every {@code every}
     * steps, stopping early once both thresholds have been reached (not necessarily at the same
     * reading: validation may pass first, or dip below its threshold after passing); null when
     * cancelled. Gives the reading a full-budget run gives ({@link ToyTraining.ToyHistory#phase}).
     */
    public static Outcome classify(ToyTraining run, PhaseCriteria criteria, int every, Cancellation cancel) {
        List<Long> steps = new ArrayList<>();
        List<double[]> acc = new ArrayList<>();
        boolean trainSeen = false, valSeen = false;
        for (long s = 0; ; s++) {
            if (s > 0) run.step();
            if (s % every == 0 || s == criteria.budget()) {
                if (cancel != null && cancel.requested()) return null;
                double[] a = run.accuracies();
                steps.add(s);
                acc.add(a);
                trainSeen |= a[0] >= criteria.trainThreshold();
                valSeen |= a[1] >= criteria.valThreshold();
                if (trainSeen && valSeen) break;
            }
            if (s >= criteria.budget()) break;
        }
        long[] st = steps.stream().mapToLong(Long::longValue).toArray();
        double[] tr = acc.stream().mapToDouble(a -> a[0]).toArray(), va = acc.stream().mapToDouble(a -> a[1]).toArray();
        return new Outcome(criteria.classify(st, tr, va));
    }

    /** The phase stored in a cell (null when the cell failed). */
    public static LearningPhase phaseOf(CellResult r) {
        double v = r.value(PHASE);
        return Double.isNaN(v) ? null : LearningPhase.values()[(int) v];
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", "representation toy phase diagram");
        m.put("base", describe(base));
        m.put("x", Map.of("parameter", xParameter.key(), "values", xs));
        m.put("y", Map.of("parameter", yParameter.key(), "values", ys));
        m.put("criteria", criteria.toString());
        m.put("every", every);
        m.put("measures", MEASURES);
        m.put("cells", cellCount());
        return m;
    }

    private static String describe(ToySpec s) {
        return String.format(Locale.ROOT, "p=%d modular=%s d=%d hidden=%s out=%d loss=%s train=%d seed=%d repr=%s decoder=%s init=%s decInit=%s batch=%d delta=%s",
                s.p(), s.modular(), s.embeddingDim(), Arrays.toString(s.hiddenWidths()), s.outputDim(), s.loss(), s.trainCount(),
                s.seed(), s.representation(), s.decoder(), s.initScale(), s.decoderInitScale(), s.batchSize(), s.delta());
    }

    @Override
    public String fingerprint() {
        String text = describe(base) + "|" + xParameter.key() + xs + "|" + yParameter.key() + ys + "|" + criteria + "|" + every;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
