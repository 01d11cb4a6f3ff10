package org.grokbench.cli;

import picocli.CommandLine.ITypeConverter;

/**
 * Parses a list of training fractions: {@code lin:A:B:N} (N evenly spaced values from A to B,
 * both included) or a comma list {@code 0.2,0.4,0.6}. Every value must lie in (0, 1].
 */
final class FractionGrid implements ITypeConverter<FractionGrid.Fractions> {
    static final String OPTION = "--fractions";

    /** The parsed fractions, in the order given. */
    record Fractions(double[] values) {
        Fractions {
            values = values.clone();
        }

        @Override public double[] values() { return values.clone(); }
    }

    @Override
    public Fractions convert(String text) {
        String t = text.strip();
        double[] v;
        try {
            if (t.startsWith("lin:")) {
                String[] f = t.substring(4).split(":");
                if (f.length != 3) throw new NumberFormatException();
                double a = Double.parseDouble(f[0]), b = Double.parseDouble(f[1]);
                int n = Integer.parseInt(f[2].strip());
                if (n < 1 || n > 1000 || (n == 1 && a != b)) throw new NumberFormatException();
                v = new double[n];
                for (int i = 0; i < n; i++) v[i] = n == 1 ? a : a + (b - a) * i / (n - 1);
            } else {
                String[] f = t.split(",");
                v = new double[f.length];
                for (int i = 0; i < f.length; i++) v[i] = Double.parseDouble(f[i].strip());
            }
        } catch (NumberFormatException e) {
            throw new OptionValueException(message(text));
        }
        for (double x : v) if (!(x > 0 && x <= 1)) throw new OptionValueException(message(text));
        return new Fractions(v);
    }

    private static String message(String text) {
        return OPTION + " must be lin:A:B:N (1 <= N <= 1000) or a comma list, every fraction in (0, 1], got "
                + Bounded.quoted(text);
    }
}
