package org.grokbench.cli;

import picocli.CommandLine.ITypeConverter;

import java.util.Locale;

/**
 * The weight decays of a sweep: {@code log:A:B:N} (N values from A to B evenly spaced in log λ,
 * both ends included) or a comma list {@code 1e-3,2e-3,4e-3}. Every λ must be in (0, 10], as
 * preset λs (a drop time needs λ &gt; 0), and N in [2, 50].
 */
final class LambdaGrid implements ITypeConverter<LambdaGrid.Lambdas> {
    /** The parsed values, in the order given. */
    record Lambdas(double[] values) {}

    static final int MAX_POINTS = 50;
    private static final String FORM = "--lambdas must be log:A:B:N (N in [2, " + MAX_POINTS + "] values from A to B, evenly"
            + " spaced in log λ) or a comma list of numbers, each λ in (0, 10]";

    @Override
    public Lambdas convert(String text) {
        return new Lambdas(parse(text));
    }

    static double[] parse(String text) {
        String t = text.strip();
        if (t.toLowerCase(Locale.ROOT).startsWith("log:")) {
            String[] p = t.substring(4).split(":");
            if (p.length != 3) throw fail(text);
            double a = lambda(p[0], text), b = lambda(p[1], text);
            int n;
            try {
                n = Integer.parseInt(p[2].strip());
            } catch (NumberFormatException e) {
                throw fail(text);
            }
            if (n < 2 || n > MAX_POINTS || a == b) throw fail(text);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) out[i] = Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * i / (n - 1));
            out[0] = a;
            out[n - 1] = b;
            return out;
        }
        String[] p = t.split(",");
        if (p.length > MAX_POINTS) throw fail(text);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) out[i] = lambda(p[i], text);
        return out;
    }

    private static double lambda(String s, String text) {
        double v;
        try {
            v = Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw fail(text);
        }
        if (!(v > 0 && v <= 10)) throw fail(text);
        return v;
    }

    private static OptionValueException fail(String text) {
        return new OptionValueException(FORM + ", got " + Bounded.quoted(text));
    }
}
