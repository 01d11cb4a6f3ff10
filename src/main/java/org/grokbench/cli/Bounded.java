package org.grokbench.cli;

import picocli.CommandLine.ITypeConverter;

import java.util.Locale;

/**
 * Option converters that check ranges and name the option in their message. picocli creates a
 * converter per option through its no-argument constructor, hence one small class per option.
 * Ranges match the preset format's (see {@code PresetLoader}).
 */
final class Bounded {
    private Bounded() {}

    /** A whole number in [min, max]. */
    abstract static class LongIn implements ITypeConverter<Long> {
        private final String option;
        private final long min;
        private final long max;

        LongIn(String option, long min, long max) {
            this.option = option;
            this.min = min;
            this.max = max;
        }

        @Override
        public Long convert(String text) {
            long v;
            try {
                v = Long.parseLong(text.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new OptionValueException(message(text));
            }
            if (v < min || v > max) throw new OptionValueException(message(text));
            return v;
        }

        private String message(String text) {
            return option + " must be an integer in [" + min + ", " + max + "], got " + quoted(text);
        }
    }

    /** A finite number in [min, max], or (min, max] when {@code openMin}. */
    abstract static class DoubleIn implements ITypeConverter<Double> {
        private final String option;
        private final double min;
        private final double max;
        private final boolean openMin;

        DoubleIn(String option, double min, double max, boolean openMin) {
            this.option = option;
            this.min = min;
            this.max = max;
            this.openMin = openMin;
        }

        @Override
        public Double convert(String text) {
            double v;
            try {
                v = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new OptionValueException(message(text));
            }
            if (!Double.isFinite(v) || (openMin ? v <= min : v < min) || v > max)
                throw new OptionValueException(message(text));
            return v;
        }

        private String message(String text) {
            return option + " must be a number in " + (openMin ? "(" : "[") + fmt(min) + ", " + fmt(max) + "], got "
                    + quoted(text);
        }
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%s", v);
    }

    /** The offending text as typed: bare when it looks like a number, quoted otherwise. */
    static String quoted(String text) {
        String t = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return t.matches("[-+0-9._eE]+") ? t : "'" + t + "'";
    }

    // ---- one converter per option -------------------------------------------------------

    static final class Steps extends LongIn { Steps() { super("--steps", 1, 1_000_000); } }

    static final class FigureStep extends LongIn { FigureStep() { super("--figure-step", 0, 1_000_000); } }

    static final class Seed extends LongIn { Seed() { super("--seed", Long.MIN_VALUE, Long.MAX_VALUE); } }

    static final class Lambda extends DoubleIn { Lambda() { super("--lambda", 0, 10, false); } }

    static final class Lr extends DoubleIn { Lr() { super("--lr", 0, 10, true); } }

    static final class Width extends LongIn { Width() { super("--width", 320, 8000); } }

    static final class Height extends LongIn { Height() { super("--height", 240, 8000); } }

    static final class Scale extends DoubleIn { Scale() { super("--scale", 0.25, 4, false); } }

    static final class Points extends LongIn { Points() { super("--points", 2, 200); } }

    static final class Smallest extends DoubleIn { Smallest() { super("--smallest", 1e-12, 0.5, false); } }

    static final class Largest extends DoubleIn { Largest() { super("--largest", 1e-9, 100, false); } }
}
