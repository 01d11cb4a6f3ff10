package org.grokbench.experiment.preset;

/**
 * An interval of allowed values with open or closed ends; infinite ends are written as
 * one-sided bounds ("> 0"). {@link #describe()} gives the text used in error messages, e.g.
 * {@code (0, 10]}.
 */
record NumberRange(double lo, boolean loOpen, double hi, boolean hiOpen) {

    static NumberRange closed(double lo, double hi) { return new NumberRange(lo, false, hi, false); }
    static NumberRange openClosed(double lo, double hi) { return new NumberRange(lo, true, hi, false); }
    static NumberRange closedOpen(double lo, double hi) { return new NumberRange(lo, false, hi, true); }
    static NumberRange open(double lo, double hi) { return new NumberRange(lo, true, hi, true); }
    static NumberRange positive() { return new NumberRange(0, true, Double.POSITIVE_INFINITY, true); }

    boolean contains(double v) {
        if (Double.isNaN(v)) return false;
        boolean aboveLo = loOpen ? v > lo : v >= lo;
        boolean belowHi = hiOpen ? v < hi : v <= hi;
        return aboveLo && belowHi;
    }

    /** "a number in (0, 10]", "a number > 0", ... */
    String describe() {
        if (hi == Double.POSITIVE_INFINITY) return "a finite number " + (loOpen ? "> " : ">= ") + format(lo);
        if (lo == Double.NEGATIVE_INFINITY) return "a finite number " + (hiOpen ? "< " : "<= ") + format(hi);
        return "a number in " + (loOpen ? "(" : "[") + format(lo) + ", " + format(hi) + (hiOpen ? ")" : "]");
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
