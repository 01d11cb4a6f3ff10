package org.grokbench.experiment.preset;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A JSON value together with where it sits (source and field path such as {@code runs[1].lambda}),
 * with typed readers that throw a {@link PresetException} naming that place and what is allowed.
 * {@link #node} is null when the key is absent.
 */
final class JsonField {
    /** Path shown for the document itself. */
    static final String TOP = "(top level)";

    final String source;
    final String path;
    final JsonNode node;

    JsonField(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    static JsonField root(String source, JsonNode node) {
        return new JsonField(source, "", node);
    }

    String displayPath() { return path.isEmpty() ? TOP : path; }

    boolean present() { return node != null && !node.isMissingNode(); }

    PresetException fail(String detail) {
        return new PresetException(source, displayPath(), detail);
    }

    JsonField child(String key) {
        JsonNode c = node == null ? null : node.get(key);
        return new JsonField(source, path.isEmpty() ? key : path + "." + key, c);
    }

    JsonField element(int i) {
        JsonNode c = node == null ? null : node.get(i);
        return new JsonField(source, path + "[" + i + "]", c);
    }

    // ---- objects -------------------------------------------------------------------------

    /** Requires a JSON object whose keys are all in {@code allowed}. */
    void requireObject(List<String> allowed, String what) {
        if (!node.isObject()) throw fail("must be " + what + ", got " + describe(node));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                String hint = suggestion(key, allowed);
                throw child(key).fail("unknown key" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; allowed keys in " + displayPath() + ": " + allowed);
            }
        }
    }

    /** The child {@code key}, which must be present. */
    JsonField required(String key, String expectation) {
        JsonField c = child(key);
        if (!c.present()) throw c.fail("missing required key; expected " + expectation);
        return c;
    }

    // ---- scalars -------------------------------------------------------------------------

    double number(NumberRange range) {
        String expect = "must be " + range.describe();
        if (!node.isNumber()) throw fail(expect + ", got " + describe(node));
        double v = node.doubleValue();
        if (!Double.isFinite(v)) throw fail(expect + " (NaN and Infinity are not allowed), got " + show(node));
        if (!range.contains(v)) throw fail(expect + ", got " + show(node));
        return v;
    }

    long integer(long lo, long hi) {
        return integer(lo, hi, "must be a whole number in [" + lo + ", " + hi + "]");
    }

    /** A whole number in [lo, hi]; {@code expect} is the message's "must be ..." part. */
    long integer(long lo, long hi, String expect) {
        if (!node.isNumber()) throw fail(expect + ", got " + describe(node));
        long v;
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) throw fail(expect + ", got " + show(node));
            v = node.longValue();
        } else {
            double d = node.doubleValue();
            if (!Double.isFinite(d) || d != Math.rint(d) || Math.abs(d) > 9.0e15) throw fail(expect + ", got " + show(node));
            v = (long) d;
        }
        if (v < lo || v > hi) throw fail(expect + ", got " + show(node));
        return v;
    }

    String text(int maxLength) {
        String expect = "must be a non-empty string of at most " + maxLength + " characters";
        if (!node.isTextual()) throw fail(expect + ", got " + describe(node));
        String s = node.textValue().strip();
        if (s.isEmpty() || s.length() > maxLength)
            throw fail(expect + ", got " + (s.isEmpty() ? "an empty string" : "a string of " + s.length() + " characters"));
        return s;
    }

    boolean bool() {
        if (!node.isBoolean()) throw fail("must be true or false, got " + describe(node));
        return node.booleanValue();
    }

    // ---- arrays --------------------------------------------------------------------------

    /** The elements of an array of {@code min} to {@code max} entries; {@code what} names them. */
    List<JsonField> array(int min, int max, String what) {
        String expect = "must be an array of " + (min == max ? "exactly " + min : min + " to " + max) + " " + what;
        if (!node.isArray()) throw fail(expect + ", got " + describe(node));
        int n = node.size();
        if (n < min || n > max) throw fail(expect + ", got " + (n == 0 ? "an empty array" : "an array of " + n));
        List<JsonField> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(element(i));
        return out;
    }

    /** An array of exactly {@code length} numbers in {@code range}; {@code why} says where the length comes from. */
    double[] numbers(int length, NumberRange range, String why) {
        String expect = "must be an array of exactly " + length + " number" + (length == 1 ? "" : "s") + " (" + why + ")";
        if (!node.isArray()) throw fail(expect + ", got " + describe(node));
        if (node.size() != length)
            throw fail(expect + ", got " + (node.size() == 0 ? "an empty array" : "an array of " + node.size()));
        double[] v = new double[length];
        for (int i = 0; i < length; i++) v[i] = element(i).number(range);
        return v;
    }

    // ---- helpers -------------------------------------------------------------------------

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        if (n.isNull()) return "null";
        if (n.isTextual()) {
            String s = n.textValue();
            if (s.length() > 40) s = s.substring(0, 37) + "...";
            return "the string \"" + s + "\"";
        }
        if (n.isBoolean()) return n.asText();
        if (n.isNumber()) return show(n);
        if (n.isArray()) return n.size() == 0 ? "an empty array" : "an array of " + n.size();
        if (n.isObject()) return "an object";
        return n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    /** A number as the user would write it: 12 rather than 12.0, 10000000 rather than 1.0E7. */
    static String show(JsonNode n) {
        return n.isFloatingPointNumber() ? NumberRange.format(n.doubleValue()) : n.asText();
    }

    /** The allowed key closest to {@code key} (edit distance at most 2, ignoring case), or null. */
    static String suggestion(String key, List<String> allowed) {
        String best = null;
        int bestDist = 3;
        for (String a : allowed) {
            int d = editDistance(key.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
            if (d < bestDist) {
                bestDist = d;
                best = a;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
