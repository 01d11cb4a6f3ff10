package org.grokbench.experiment.preset;

/**
 * A preset that cannot be found, read or accepted. The message is one line of the form
 * {@code <source>: <field path>: <what is wrong and what is allowed>}, for example
 * {@code presets/fig1-one-plus-one.json: runs[1].lambda: must be a number in [0, 10], got 12}.
 * {@link #source()} and {@link #fieldPath()} give the two parts separately, e.g. for a UI that
 * highlights the offending field.
 */
public final class PresetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String fieldPath;

    /**
     * @param source    the file, classpath resource or name the preset came from
     * @param fieldPath the JSON field path such as {@code runs[1].lambda}, or null when the
     *                  problem is the file itself (not found, unreadable)
     * @param detail    what is wrong and what is allowed
     */
    public PresetException(String source, String fieldPath, String detail) {
        this(source, fieldPath, detail, null);
    }

    public PresetException(String source, String fieldPath, String detail, Throwable cause) {
        super(compose(source, fieldPath, detail), cause);
        this.source = source;
        this.fieldPath = fieldPath;
    }

    /** The file, classpath resource or preset name the problem was found in. */
    public String source() { return source; }

    /** The JSON field path (e.g. {@code runs[1].lambda}), or null for file-level problems. */
    public String fieldPath() { return fieldPath; }

    private static String compose(String source, String fieldPath, String detail) {
        String s = source + ": " + (fieldPath != null ? fieldPath + ": " : "") + detail;
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
