package org.grokbench.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One editable hyperparameter as the user types it: the text, whether it parses and lies in the
 * allowed range, and the message shown at the field when it does not (naming the range). An
 * invalid text is never turned into a value: {@link #parse()} is empty for it.
 *
 * <p>No toolkit needed: plain JavaFX properties, testable without a window.
 *
 * @param <T> the parsed value type
 */
public final class ValidatedValue<T> {
    private final String name;
    private final String allowed;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);

    private ValidatedValue(String name, String allowed, Function<String, T> parser, Function<T, String> formatter) {
        this.name = name;
        this.allowed = allowed;
        this.parser = parser;
        this.formatter = formatter;
        text.addListener((obs, old, now) -> revalidate());
    }

    /** A real number in a range; each bound open or closed. */
    public static ValidatedValue<Double> decimal(String name, double min, boolean minOpen, double max, boolean maxOpen) {
        String allowed = (minOpen ? num(min) + " < " : num(min) + " ≤ ") + name + (maxOpen ? " < " : " ≤ ") + num(max);
        return new ValidatedValue<>(name, allowed, s -> {
            double v = parseDouble(s);
            boolean ok = (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
            if (!ok) throw new IllegalArgumentException("out of range");
            return v;
        }, ValidatedValue::num);
    }

    /** A whole number in [min, max]. */
    public static ValidatedValue<Long> integer(String name, long min, long max) {
        String allowed = "whole number, " + min + " ≤ " + name + " ≤ " + max;
        return new ValidatedValue<>(name, allowed, s -> {
            long v;
            try {
                v = Long.parseLong(s.trim().replace("_", ""));
            } catch (NumberFormatException e) {
                // Accept 1e6 style for budgets when it is whole.
                double d = parseDouble(s);
                if (d != Math.rint(d) || Math.abs(d) > 9e18) throw new IllegalArgumentException("not a whole number");
                v = (long) d;
            }
            if (v < min || v > max) throw new IllegalArgumentException("out of range");
            return v;
        }, String::valueOf);
    }

    /** {@code d} comma- or space-separated reals, each in [min, max]. */
    public static ValidatedValue<double[]> vector(String name, int d, double min, double max) {
        String allowed = d + " numbers separated by commas, each in [" + num(min) + ", " + num(max) + "]";
        return new ValidatedValue<>(name, allowed, s -> {
            String body = s.trim();
            if (body.startsWith("(") && body.endsWith(")")) body = body.substring(1, body.length() - 1);
            String[] parts = body.trim().split("\\s*[,;\\s]\\s*");
            if (parts.length != d) throw new IllegalArgumentException("needs " + d + " numbers");
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = parseDouble(parts[i]);
                if (v[i] < min || v[i] > max) throw new IllegalArgumentException("out of range");
            }
            return v;
        }, v -> {
            StringBuilder b = new StringBuilder();
            for (double x : v) b.append(b.length() == 0 ? "" : ", ").append(num(x));
            return b.toString();
        });
    }

    private static double parseDouble(String s) {
        try {
            double v = Double.parseDouble(s.trim());
            if (!Double.isFinite(v)) throw new IllegalArgumentException("not finite");
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
    }

    /** Short, exact rendering of a number: 0.01, 1e-05, 3. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String[] p = s.split("e");
            String mant = p[0].contains(".") ? p[0].replaceAll("0+$", "").replaceAll("\\.$", "") : p[0];
            return mant + "e" + Integer.parseInt(p[1]);
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private void revalidate() {
        try {
            parser.apply(text.get() == null ? "" : text.get());
            valid.set(true);
            error.set("");
        } catch (IllegalArgumentException e) {
            // validity first: listeners of the message read it
            valid.set(false);
            error.set(name + ": allowed " + allowed);
        }
    }

    /** The value the text stands for, or empty when the text is invalid. */
    public Optional<T> parse() {
        try {
            return Optional.of(parser.apply(text.get() == null ? "" : text.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Shows {@code value} in the field (always valid). */
    public void show(T value) {
        text.set(formatter.apply(value));
    }

    public String name() { return name; }
    /** The allowed range in words, e.g. {@code 0 < lr ≤ 10}. */
    public String allowed() { return allowed; }
    public StringProperty textProperty() { return text; }
    public String getText() { return text.get(); }
    public void setText(String s) { text.set(s); }
    /** Empty while valid; else "name: allowed ...". */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public boolean isValid() { return valid.get(); }

    @Override
    public String toString() {
        return name + "=" + text.get() + (isValid() ? "" : " (invalid)");
    }
}
