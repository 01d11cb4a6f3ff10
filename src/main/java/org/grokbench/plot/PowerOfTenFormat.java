package org.grokbench.plot;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Formats an exponent k as "10ᵏ" with superscript digits (tick labels of a log10 axis). */
final class PowerOfTenFormat extends NumberFormat {
    private static final char[] SUP = {'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'};

    @Override
    public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
        long k = Math.round(number);
        if (Math.abs(number - k) > 1e-9) return out.append(String.format("10^%.1f", number));
        return out.append("10").append(superscript(k));
    }

    @Override
    public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
        return out.append("10").append(superscript(number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("format only");
    }

    static String superscript(long k) {
        StringBuilder b = new StringBuilder();
        if (k < 0) b.append('⁻');
        for (char c : Long.toString(Math.abs(k)).toCharArray()) b.append(SUP[c - '0']);
        return b.toString();
    }

    /** "w1" → "w₁": trailing digits of a parameter name as subscripts. */
    static String subscriptDigits(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) b.append(c >= '0' && c <= '9' ? (char) ('₀' + (c - '0')) : c);
        return b.toString();
    }
}
