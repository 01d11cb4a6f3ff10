package org.grokbench.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a sweep: a {@link SweepParameter} and the values it takes, written
 * {@code PARAM=LIST} where LIST is an explicit list {@code 1e-5,3e-5,1e-4}, {@code log:a:b:n}
 * (n values from a to b evenly spaced in log scale, a, b &gt; 0) or {@code lin:a:b:n} (evenly
 * spaced). Every value is checked against the parameter's range.
 *
 * <p>{@link #logSpaced()} says whether the axis reads best in log scale: declared with
 * {@code log:}, or an explicit positive list whose consecutive ratios are more even than its
 * consecutive differences (1e-5, 3e-5, 1e-4, ... is; 0.1, 0.2, 0.3 is not). Heatmaps label such an
 * axis in powers of ten.
 *
 * @param text the LIST as given (for the fingerprint and messages)
 */
public record SweepAxis(SweepParameter parameter, List<Double> values, boolean logSpaced, String text) {
    /** More cells than this on one axis is a typo, not a sweep. */
    public static final int MAX_VALUES = 101;

    public SweepAxis {
        values = List.copyOf(values);
        if (values.isEmpty()) throw new SweepException(parameter.key() + ": the list of values is empty");
        if (values.size() > MAX_VALUES)
            throw new SweepException(parameter.key() + ": at most " + MAX_VALUES + " values per axis, got " + values.size());
        for (double v : values) parameter.check(v);
    }

    public int size() { return values.size(); }

    public double value(int i) { return values.get(i); }

    /** Parses {@code PARAM=LIST}, e.g. {@code lambda=log:1e-5:1e-3:5}. */
    public static SweepAxis parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        int eq = s.indexOf('=');
        if (eq <= 0 || eq == s.length() - 1)
            throw new SweepException("an axis is PARAM=LIST (PARAM one of " + SweepParameter.keys()
                    + "; LIST like 1e-5,3e-5 or log:1e-5:1e-3:5 or lin:0.1:0.9:5), got '" + s + "'");
        return parse(SweepParameter.of(s.substring(0, eq)), s.substring(eq + 1));
    }

    /** Parses LIST for the given parameter. */
    public static SweepAxis parse(SweepParameter p, String list) {
        String t = list.strip();
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("log:") || lower.startsWith("lin:")) {
            boolean log = lower.startsWith("log:");
            String[] parts = t.substring(4).split(":", -1);
            String form = p.key() + ": " + (log ? "log" : "lin") + ":a:b:n";
            if (parts.length != 3) throw new SweepException(form + " needs exactly a, b and n, got '" + t + "'");
            double a = number(p, parts[0], t), b = number(p, parts[1], t);
            int n;
            try {
                n = Integer.parseInt(parts[2].strip());
            } catch (NumberFormatException e) {
                throw new SweepException(form + ": n must be a whole number in [1, " + MAX_VALUES + "], got '" + parts[2].strip() + "'");
            }
            if (n < 1 || n > MAX_VALUES)
                throw new SweepException(form + ": n must be a whole number in [1, " + MAX_VALUES + "], got " + n);
            if (log && (a <= 0 || b <= 0))
                throw new SweepException(form + ": a and b must be > 0 for a log-spaced axis, got '" + t + "'");
            List<Double> vs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                double f = n == 1 ? 0 : (double) i / (n - 1);
                double v = log ? Math.exp(Math.log(a) + f * (Math.log(b) - Math.log(a))) : a + f * (b - a);
                if (i == 0) v = a; // exact end points, not roundings of them
                else if (i == n - 1) v = b;
                if (p.integer()) v = Math.rint(v);
                // 12 significant digits: lin:0.6:0.95:8 gives 0.8, not 0.7999999999999999, in files and labels
                else v = new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
                vs.add(v);
            }
            if (p.integer() && vs.stream().distinct().count() < vs.size())
                throw new SweepException(p.key() + ": " + t + " rounds to repeated whole numbers; use fewer values");
            return new SweepAxis(p, vs, log && n > 1, t);
        }
        List<Double> vs = new ArrayList<>();
        for (String part : t.split(",", -1)) {
            if (part.isBlank()) throw new SweepException(p.key() + ": empty value in the list '" + t + "'");
            vs.add(number(p, part, t));
        }
        if (vs.stream().distinct().count() < vs.size())
            throw new SweepException(p.key() + ": the list '" + t + "' repeats a value");
        return new SweepAxis(p, vs, looksLogSpaced(vs), t);
    }

    /** A single value: the axis of a parameter that is not swept. */
    public static SweepAxis single(SweepParameter p, double v) {
        return new SweepAxis(p, List.of(v), false, SweepParameter.fmt(v));
    }

    private static double number(SweepParameter p, String text, String list) {
        try {
            double v = Double.parseDouble(text.strip());
            p.check(v);
            return v;
        } catch (NumberFormatException e) {
            throw new SweepException(p.key() + " must be " + p.range() + ", got '" + text.strip() + "' in '" + list + "'");
        }
    }

    /** Positive, and the consecutive log-ratios vary less (relative to their mean) than the differences. */
    static boolean looksLogSpaced(List<Double> vs) {
        if (vs.size() < 2) return false;
        double[] sorted = vs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted[0] <= 0) return false;
        if (sorted.length == 2) return sorted[1] / sorted[0] >= 10;
        int m = sorted.length - 1;
        double[] ratios = new double[m], diffs = new double[m];
        for (int i = 0; i < m; i++) {
            ratios[i] = Math.log(sorted[i + 1] / sorted[i]);
            diffs[i] = sorted[i + 1] - sorted[i];
        }
        return spread(ratios) < spread(diffs);
    }

    /** Coefficient of variation. */
    private static double spread(double[] v) {
        double mean = 0;
        for (double x : v) mean += x;
        mean /= v.length;
        double var = 0;
        for (double x : v) var += (x - mean) * (x - mean);
        return Math.sqrt(var / v.length) / Math.abs(mean);
    }
}
