package org.grokbench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep's folder: {@code sweep.json} (the plan and its fingerprint), one
 * {@code cells/x{i}_y{j}.json} per finished cell, each written atomically (a temporary file moved
 * into place), and {@code sweep.csv}. A folder written by a different plan is refused rather than
 * mixed, so a resumed sweep only ever skips cells of the same plan.
 */
public final class SweepStore {
    public static final String PLAN_FILE = "sweep.json";
    public static final String CSV_FILE = "sweep.csv";
    public static final String CELLS_DIR = "cells";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path dir;

    public SweepStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() { return dir; }

    /**
     * Prepares the folder for {@code plan}: writes {@code sweep.json} when it is new, checks the
     * fingerprint when it exists, and returns the cells already finished there.
     *
     * @throws SweepException when the folder holds a different sweep or is not a folder
     */
    public Map<String, CellResult> open(SweepGrid plan) {
        if (Files.exists(dir) && !Files.isDirectory(dir))
            throw new SweepException("--out must be a folder, but " + dir + " is a file");
        String fingerprint = plan.fingerprint();
        Path planFile = dir.resolve(PLAN_FILE);
        try {
            if (Files.exists(planFile)) {
                JsonNode old = JSON.readTree(planFile.toFile());
                String was = old.path("fingerprint").asText("");
                if (!was.equals(fingerprint))
                    throw new SweepException(dir + " holds a different sweep (" + describe(old)
                            + "); use another --out folder, or delete " + dir + " to start over");
            } else {
                Files.createDirectories(dir);
                ObjectNode n = JSON.valueToTree(plan.describe());
                n.put("fingerprint", fingerprint);
                writeAtomically(planFile, JSON.writeValueAsBytes(n));
            }
            Files.createDirectories(dir.resolve(CELLS_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare sweep folder " + dir + ": " + e.getMessage(), e);
        }
        return finishedCells(plan);
    }

    private static String describe(JsonNode plan) {
        return "preset " + plan.path("preset").asText("?") + ", x " + plan.path("x").path("parameter").asText("?")
                + " = " + plan.path("x").path("values") + (plan.path("y").isObject()
                ? ", y " + plan.path("y").path("parameter").asText("?") + " = " + plan.path("y").path("values") : "");
    }

    /** The cells stored for this plan's grid; unreadable or out-of-grid files are ignored (those cells rerun). */
    Map<String, CellResult> finishedCells(SweepGrid plan) {
        Map<String, CellResult> out = new LinkedHashMap<>();
        Path cells = dir.resolve(CELLS_DIR);
        if (!Files.isDirectory(cells)) return out;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(cells, "x*_y*.json")) {
            for (Path f : files) {
                CellResult r = read(f);
                if (r == null || r.i() >= plan.columns() || r.j() >= plan.rows()) continue;
                if (!f.getFileName().toString().equals(r.key() + ".json")) continue;
                out.put(r.key(), r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + cells + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static CellResult read(Path f) {
        try {
            JsonNode n = JSON.readTree(f.toFile());
            Map<String, Double> values = new LinkedHashMap<>();
            n.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), number(e.getValue())));
            return new CellResult(n.get("i").asInt(), n.get("j").asInt(), number(n.get("x")), number(n.get("y")),
                    n.get("status").asText(), n.path("message").asText(""), number(n.get("seconds")), values);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double number(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    /** Writes one finished cell atomically. */
    public void save(CellResult r) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("i", r.i());
        n.put("j", r.j());
        putNumber(n, "x", r.x());
        putNumber(n, "y", r.y());
        n.put("status", r.status());
        n.put("message", r.message());
        putNumber(n, "seconds", r.seconds());
        ObjectNode values = n.putObject("values");
        r.values().forEach((k, v) -> putNumber(values, k, v));
        writeAtomically(dir.resolve(CELLS_DIR).resolve(r.key() + ".json"), JSON.writeValueAsBytes(n));
    }

    /** NaN and infinities are written as null: JSON has no such numbers. */
    private static void putNumber(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) n.put(key, v);
        else n.putNull(key);
    }

    /**
     * Writes {@code sweep.csv}: one row per stored cell in grid order, columns
     * {@code i,j,X,Y,status,seconds,measures...,message} (X and Y named after the parameters; no
     * Y column in a 1-D sweep; empty cells where a value is NaN).
     */
    public Path writeCsv(SweepGrid plan, Collection<CellResult> cells) throws IOException {
        return writeCsv(plan, cells, CSV_FILE);
    }

    /** As {@link #writeCsv(SweepGrid, Collection)} into {@code fileName} in the folder. */
    public Path writeCsv(SweepGrid plan, Collection<CellResult> cells, String fileName) throws IOException {
        List<CellResult> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparingInt(CellResult::j).thenComparingInt(CellResult::i));
        StringBuilder b = new StringBuilder("i,j,").append(plan.xKey());
        if (plan.twoDimensional()) b.append(',').append(plan.yKey());
        b.append(",status,seconds");
        for (String m : plan.measureKeys()) b.append(',').append(m);
        b.append(",message\n");
        for (CellResult r : sorted) {
            b.append(r.i()).append(',').append(r.j()).append(',').append(csv(r.x()));
            if (plan.twoDimensional()) b.append(',').append(csv(r.y()));
            b.append(',').append(r.status()).append(',').append(String.format(Locale.ROOT, "%.3f", r.seconds()));
            for (String m : plan.measureKeys()) b.append(',').append(csv(r.value(m)));
            b.append(',').append(quote(r.message())).append('\n');
        }
        Files.createDirectories(dir);
        Path f = dir.resolve(fileName);
        writeAtomically(f, b.toString().getBytes(StandardCharsets.UTF_8));
        return f;
    }

    private static String csv(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String quote(String s) {
        if (s == null || s.isEmpty()) return "";
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** Writes to a sibling temporary file, then moves it over the target (atomically where the file system can). */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
