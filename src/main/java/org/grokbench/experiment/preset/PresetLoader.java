package org.grokbench.experiment.preset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.grokbench.experiment.ExperimentSpec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds, reads and checks experiment presets: JSON files that describe one whole
 * {@link ExperimentSpec} (model, data, runs, seed, probes and view). Two families share the format:
 * the toy models of geometry-of-grokking §3 (training samples and a teacher-labelled test set given
 * in the file) and the modular-addition networks of §6-7 and App. D (pairs generated from the
 * modulus and split with the seed).
 *
 * <h2>Where presets come from</h2>
 * {@link #resolve(String)} takes a preset name or a file path. Anything ending in {@code .json} or
 * containing a path separator is a file path. A name such as {@code fig1-one-plus-one} is looked
 * up as {@code NAME.json} in the presets folder (by default {@code ./presets}, when it exists) and
 * then on the classpath at {@code /presets/NAME.json}; the build copies {@code presets/*.json}
 * into the jar, so the shipped presets work from any folder. {@code presets/index.json}
 * ({@code {"presets": ["fig1-one-plus-one", ...]}}) lists the shipped presets in display order;
 * {@link #list()} shows those, then any other {@code *.json} a user dropped into the folder.
 *
 * <h2>Format: toy models</h2>
 * <pre>{@code
 * {
 *   "id": "fig1-one-plus-one",            // = file name without .json
 *   "title": "Grokking 1 + 1 = 2",
 *   "story": "One paragraph: what to watch for ...",
 *   "paper": "geometry-of-grokking",
 *   "figure": "Figure 1",
 *   "model": {"kind": "linear", "inputs": 2},
 *   "train": [{"x": [1, 1], "y": [2]}],
 *   "test": {"count": 100, "std": 1.0, "teacher": [1, 1], "accuracyTolerance": 0.1},
 *   "runs": [
 *     {"label": "λ = 0.01", "lr": 0.1, "lambda": 0.01, "steps": 3000, "init": [-1, 1]},
 *     {"label": "adam", "lr": 0.01, "lambda": 0.01, "steps": 3000, "init": [-1, 1],
 *      "optimizer": {"name": "adam", "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}}
 *   ],
 *   "seed": 0,
 *   "probes": {"geometryEvery": 1, "historyCap": 20000},
 *   "view": {"plane": [-1.5, 2.5, -0.5, 2.5], "logLoss": true}
 * }
 * }</pre>
 *
 * <h2>Format: modular addition</h2>
 * <pre>{@code
 * {
 *   "id": "fig6-simulated-dynamics", "title": "...", "story": "...",
 *   "paper": "geometry-of-grokking", "figure": "Figure 6",
 *   "model": {"kind": "modular-eq20", "modulus": 37, "hidden": 512, "activation": "relu", "reduction": "sum"},
 *   "data": {"pairs": "unordered", "trainFraction": 0.7},     // or {"pairs": ..., "testCount": 7}
 *   "runs": [
 *     {"label": "seed 1", "lr": 0.001, "lambda": 0, "steps": 5000, "seed": 1},   // θ₀ drawn from "seed"
 *     {"label": "seed 2", "lr": 0.001, "lambda": 0, "steps": 5000, "seed": 2, "initStd": 0.4}
 *   ],
 *   "seed": 0,                                                 // draws the train/test split
 *   "probes": {"geometryEvery": 1, "historyCap": 20000}
 * }
 * }</pre>
 * {@code modular-mlp} trains Ŷ = σ(XE)W with an optimizer on L_λ = L + λ‖θ‖²; its runs take
 * {@code optimizer} but no {@code initStd} (θ₀ is PyTorch's default initialization). {@code modular-eq20}
 * simulates the first-layer dynamics of Eq. (20), E ← E + η ΔE with η = {@code lr}: no optimizer, and
 * {@code lambda} must be 0 or left out. A modular preset has no {@code train}, {@code test} or
 * {@code view}; the spec then has an empty training list, a null test set, {@link
 * org.grokbench.experiment.ViewSpec#defaults()} and its {@link org.grokbench.experiment.ModularDataSpec}.
 *
 * <p>(JSON has no comments; the {@code //} above are for this page only.) Keys are case-sensitive;
 * unknown keys, duplicate keys, {@code NaN} and {@code Infinity} are rejected, and so are keys of
 * the other family (e.g. {@code data} for a toy, {@code init} for a modular run).
 *
 * <table>
 * <caption>Fields (d = number of model parameters, n = inputs, m = outputs; p = modulus, d_h = hidden
 * width, k = number of pairs, k_train = training pairs)</caption>
 * <tr><th>field</th><th>required</th><th>allowed</th><th>default</th></tr>
 * <tr><td>id</td><td>yes</td><td>lowercase letters, digits, '-', '_' (1-64); equals the file name</td><td></td></tr>
 * <tr><td>title, story, paper, figure</td><td>yes</td><td>non-empty strings</td><td></td></tr>
 * <tr><td>model.kind</td><td>yes</td><td>linear, two-layer-linear, leaky-relu, parabola (toys);
 *     modular-mlp, modular-eq20; diagonal-linear, relu-student, matrix-completion (generated
 *     regression tasks with a {@code task} object, read by {@link TaskSpecReader}; see presets/README.md)</td><td></td></tr>
 * <tr><td>model.inputs</td><td>linear, leaky-relu</td><td>whole number in [1, 100]; must be 1 for
 *     two-layer-linear and 2 for parabola if given; not for modular kinds</td><td>1 / 2</td></tr>
 * <tr><td>model.modulus</td><td>modular</td><td>whole number p in [2, 97] (odd p recommended; Fourier
 *     features need p &gt;= 3)</td><td></td></tr>
 * <tr><td>model.hidden</td><td>modular</td><td>whole number d_h in [1, 4096]</td><td></td></tr>
 * <tr><td>model.activation</td><td>no (modular)</td><td>relu, quadratic, tanh, linear</td><td>relu</td></tr>
 * <tr><td>model.reduction</td><td>modular-mlp</td><td>sum (Eq. 12: ‖Ŷ − Y‖²_F) or mean (PyTorch
 *     mse_loss, ‖Ŷ − Y‖²_F / (k·p), as App. D)</td><td>sum (modular-eq20, where it only scales the
 *     reported losses)</td></tr>
 * <tr><td>data</td><td>modular</td><td>object; not for toys</td><td></td></tr>
 * <tr><td>data.pairs</td><td>no</td><td>unordered (0 &lt;= a &lt;= b &lt; p, k = p(p+1)/2, §7.1) or
 *     ordered (k = p²)</td><td>unordered</td></tr>
 * <tr><td>data.trainFraction</td><td>exactly one of the two</td><td>number f_s in (0, 1); round(f_s·k)
 *     training pairs, which must be in [1, k − 1]</td><td></td></tr>
 * <tr><td>data.testCount</td><td>exactly one of the two</td><td>whole number in [1, k − 1]</td><td></td></tr>
 * <tr><td>train</td><td>toys</td><td>1 to 10000 samples {x: n numbers, y: m numbers}, |v| &lt;= 1e6</td><td></td></tr>
 * <tr><td>test.count</td><td>toys</td><td>whole number in [1, 100000]</td><td></td></tr>
 * <tr><td>test.std</td><td>no</td><td>number &gt; 0 (test inputs x ~ N(0, std²))</td><td>1.0</td></tr>
 * <tr><td>test.teacher</td><td>toys</td><td>d numbers in [-1000, 1000]: the parameters that label the test set</td><td></td></tr>
 * <tr><td>test.accuracyTolerance</td><td>no</td><td>number &gt; 0</td><td>0.1</td></tr>
 * <tr><td>runs</td><td>yes</td><td>1 to 8 runs with unique labels</td><td></td></tr>
 * <tr><td>runs[i].label</td><td>yes</td><td>non-empty string (at most 60 characters)</td><td></td></tr>
 * <tr><td>runs[i].lr</td><td>yes</td><td>number in (0, 10] (η of E ← E + η ΔE for modular-eq20)</td><td></td></tr>
 * <tr><td>runs[i].lambda</td><td>yes (modular-eq20: no)</td><td>number in [0, 10] (L_λ = L + λ‖θ‖²;
 *     PyTorch's weight_decay w is λ = w/2); must be 0 for modular-eq20</td><td>0 (modular-eq20)</td></tr>
 * <tr><td>runs[i].steps</td><td>yes</td><td>whole number in [1, 1000000]</td><td></td></tr>
 * <tr><td>runs[i].init</td><td>toys</td><td>d numbers in [-1000, 1000]; not for modular kinds</td><td></td></tr>
 * <tr><td>runs[i].seed</td><td>modular</td><td>whole number (64-bit): draws θ₀</td><td></td></tr>
 * <tr><td>runs[i].initStd</td><td>no (modular-eq20 only)</td><td>number &gt; 0: E ~ N(0, initStd²)</td>
 *     <td>p^-1/2</td></tr>
 * <tr><td>runs[i].optimizer</td><td>no (not for modular-eq20)</td><td>"gd", "momentum", "rmsprop", "rprop", "adam",
 *     "adamw", "adamax", or an object {name, momentum in [0, 1) (momentum only), beta1, beta2 in [0, 1)
 *     (adam, adamw, adamax), eps &gt; 0 (adam, adamw, adamax, rmsprop), alpha in [0, 1) (rmsprop),
 *     etaMinus in (0, 1), etaPlus in (1, 10], stepMin in [0, 1000], stepMax in (0, 1e6] above stepMin (rprop)}</td>
 *     <td>gd; momentum 0.9, beta1 0.9, beta2 0.999, eps 1e-8, alpha 0.99, etaMinus 0.5, etaPlus 1.2,
 *     stepMin 1e-6, stepMax 50 (PyTorch's defaults)</td></tr>
 * <tr><td>seed</td><td>no</td><td>whole number (64-bit); draws the test set (toys) or the train/test
 *     split of the pairs (modular)</td><td>0</td></tr>
 * <tr><td>probes.geometryEvery</td><td>no</td><td>whole number in [1, 10000]; [10, 10000] for modular-mlp,
 *     whose probe (App. D's norm-minimizing direction) costs a Cholesky factorization of a
 *     (k_train·p)² Gram matrix</td><td>1; 100 for modular-mlp</td></tr>
 * <tr><td>probes.historyCap</td><td>no</td><td>whole number in [1000, 1000000]</td><td>20000</td></tr>
 * <tr><td>view.plane</td><td>no (toys only)</td><td>[xmin, xmax, ymin, ymax] over (θ₁, θ₂), xmin &lt; xmax, ymin &lt; ymax</td>
 *     <td>box around the inits and the teacher</td></tr>
 * <tr><td>view.logLoss</td><td>no (toys only)</td><td>true or false</td><td>true</td></tr>
 * </table>
 *
 * <p>Rules across fields for the modular kinds: the training and the test set are both non-empty;
 * for modular-eq20, k_train &lt;= d_h (H Hᵀ, k_train × k_train, must be invertible; for the linear
 * activation k_train &lt;= p); for modular-mlp, all runs' App. D Gram matrices together,
 * runs·(k_train·p)²·8 bytes, fit in 1 GiB.
 *
 * <p>Every problem raises a {@link PresetException} whose one-line message names the source, the
 * field path (e.g. {@code runs[1].lambda}) and what is allowed. The user guide with the same
 * table is {@code presets/README.md}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PresetLoader {
    /** The classpath folder the build copies {@code presets/*.json} into. */
    public static final String CLASSPATH_FOLDER = "/presets/";
    /** The file listing the shipped presets in display order. */
    public static final String INDEX_FILE = "index.json";
    /** The index's lists: experiment presets, and phase-diagram presets ({@link PhaseDiagramPreset}). */
    static final String PRESETS_KEY = "presets", PHASE_DIAGRAMS_KEY = "phaseDiagrams";
    /** Larger files are refused before parsing. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // read NaN so that we can reject it by field
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path folder;

    /** Looks in {@code ./presets} (if it exists), then on the classpath. */
    public PresetLoader() {
        this(Path.of("presets"));
    }

    /**
     * @param folder the user presets folder searched before the classpath; null, or a folder
     *               that does not exist, means classpath only
     */
    public PresetLoader(Path folder) {
        this.folder = folder;
    }

    /** The presets folder in use, or null when only the classpath is searched. */
    public Path folder() {
        return folder != null && Files.isDirectory(folder) ? folder : null;
    }

    // ---- single presets ------------------------------------------------------------------

    /**
     * Reads a preset by name ({@code fig1-one-plus-one}: presets folder, then classpath) or by
     * file path (anything ending in {@code .json} or containing a path separator).
     *
     * @throws PresetException when there is no such preset (the message lists the available
     *                         ones) or the preset is broken
     */
    public ExperimentSpec resolve(String nameOrPath) {
        Located l = locate(nameOrPath);
        return parse(l.text(), l.source(), l.expectedId());
    }

    /**
     * The default sweep grid of a preset (its optional {@code "sweep"} object), or null when it
     * has none. The preset is resolved and checked as by {@link #resolve}.
     */
    public SweepDefaults sweepDefaults(String nameOrPath) {
        Located l = locate(nameOrPath);
        parse(l.text(), l.source(), l.expectedId());
        return SpecReader.sweepDefaults(JsonField.root(l.source(), readTree(l.text(), l.source())));
    }

    /**
     * Reads and checks one preset file; its {@code id} must equal the file name without {@code .json}.
     *
     * @throws PresetException when the file is missing, unreadable or not a valid preset
     */
    public ExperimentSpec load(Path file) {
        Located l = read(file);
        return parse(l.text(), l.source(), l.expectedId());
    }

    /** A preset's text, where it came from (for messages) and the id its file name requires (or null). */
    private record Located(String text, String source, String expectedId) {}

    private Located locate(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank())
            throw new PresetException("(no name)", null, "expected a preset name or a .json file path; available presets: "
                    + availableIdsQuietly());
        String s = nameOrPath.strip();
        if (isPath(s)) {
            Path file;
            try {
                file = Path.of(s);
            } catch (InvalidPathException e) {
                throw new PresetException(s, null, "not a valid file path: " + e.getReason(), e);
            }
            return read(file);
        }
        if (!SpecReader.ID.matcher(s).matches())
            throw new PresetException(s, null, "not a preset name (" + SpecReader.ID_RULE
                    + ") nor a .json file path; available presets: " + availableIdsQuietly());
        Path dir = folder();
        if (dir != null) {
            Path file = dir.resolve(s + ".json");
            if (Files.isRegularFile(file)) return read(file);
        }
        String resource = CLASSPATH_FOLDER + s + ".json";
        String text = readResource(resource);
        if (text == null)
            throw new PresetException(s, null, "no such preset (looked for "
                    + (dir != null ? dir.resolve(s + ".json") + " and " : "")
                    + "classpath:" + resource + "); available presets: " + availableIdsQuietly());
        return new Located(text, "classpath:" + resource, s);
    }

    private Located read(Path file) {
        String source = file.toString();
        if (!Files.exists(file))
            throw new PresetException(source, null, "file not found; available presets: " + availableIdsQuietly());
        if (!Files.isRegularFile(file))
            throw new PresetException(source, null, "not a regular file; expected a preset .json file");
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES)
                throw new PresetException(source, null, "file is larger than " + MAX_FILE_BYTES + " bytes; a preset is a small JSON file");
            text = decodeUtf8(Files.readAllBytes(file), source);
        } catch (IOException e) {
            throw new PresetException(source, null, "cannot read file: " + e, e);
        }
        String name = file.getFileName().toString();
        String expectedId = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : null;
        return new Located(text, source, expectedId);
    }

    /**
     * Parses and checks preset text. {@code sourceName} (a file name, "clipboard", ...) is used in
     * messages only; no file-name rule applies to the id.
     *
     * @throws PresetException when the text is not a valid preset
     */
    public ExperimentSpec parse(String json, String sourceName) {
        return parse(json, sourceName, null);
    }

    private ExperimentSpec parse(String json, String source, String expectedId) {
        JsonNode root = readTree(json, source);
        if (root.isObject() && root.has(PhaseDiagramPreset.KEY))
            throw new PresetException(source, null, "is a phase-diagram preset, not an experiment: open it in the window's"
                    + " \"Phase diagram (Fig. 6)\" tab or run grokbench phase-diagram --preset "
                    + (expectedId != null ? expectedId : "ID"));
        return SpecReader.read(JsonField.root(source, root), expectedId);
    }

    // ---- listing -------------------------------------------------------------------------

    /**
     * All presets, shipped ones first in {@code index.json} order, then other {@code *.json} files
     * of the presets folder by name. Every preset is read and checked: a broken one raises a
     * {@link PresetException} naming its file.
     *
     * @throws PresetException for the first broken preset or index file
     */
    public List<PresetInfo> list() {
        List<PresetInfo> out = new ArrayList<>();
        Path dir = folder();
        for (String id : availableIds()) {
            Path file = dir == null ? null : dir.resolve(id + ".json");
            ExperimentSpec spec = file != null && Files.isRegularFile(file) ? load(file) : resolve(id);
            out.add(new PresetInfo(spec.id(), spec.title(), spec.paper(), spec.figure(), spec.story()));
        }
        return List.copyOf(out);
    }

    /**
     * Ids of all experiment presets in display order (folder index, classpath index, other folder
     * files), not read; phase-diagram presets are not among them ({@link #phaseDiagramIds()}).
     */
    public List<String> availableIds() {
        Set<String> ids = indexIds(PRESETS_KEY);
        ids.removeAll(phaseDiagramIds());
        Path dir = folder();
        if (dir != null) for (String id : folderPresetIds(dir)) if (!isPhaseDiagramFile(dir.resolve(id + ".json"))) ids.add(id);
        return List.copyOf(ids);
    }

    /**
     * Ids of the phase-diagram presets in display order: those listed under {@code "phaseDiagrams"}
     * in the folder's and the classpath's index, then folder files with a {@code "phaseDiagram"} object.
     */
    public List<String> phaseDiagramIds() {
        Set<String> ids = indexIds(PHASE_DIAGRAMS_KEY);
        Path dir = folder();
        if (dir != null) for (String id : folderPresetIds(dir)) if (isPhaseDiagramFile(dir.resolve(id + ".json"))) ids.add(id);
        return List.copyOf(ids);
    }

    /** All phase-diagram presets, read and checked, in {@link #phaseDiagramIds()} order. */
    public List<PhaseDiagramPreset> phaseDiagrams() {
        List<PhaseDiagramPreset> out = new ArrayList<>();
        for (String id : phaseDiagramIds()) out.add(phaseDiagram(id));
        return List.copyOf(out);
    }

    /**
     * Reads a phase-diagram preset by name (presets folder, then classpath) or file path.
     *
     * @throws PresetException when there is no such preset, it is an experiment preset, or it is broken
     */
    public PhaseDiagramPreset phaseDiagram(String nameOrPath) {
        Located l = locate(nameOrPath);
        JsonField root = JsonField.root(l.source(), readTree(l.text(), l.source()));
        if (root.node != null && root.node.isObject() && !PhaseDiagramPresetReader.isPhaseDiagram(root))
            throw new PresetException(l.source(), null, "is an experiment preset, not a phase diagram (it has no \""
                    + PhaseDiagramPreset.KEY + "\" object); phase-diagram presets: " + phaseDiagramIdsQuietly());
        return PhaseDiagramPresetReader.read(root, l.expectedId());
    }

    /** The ids listed under {@code key} in the folder's index, then the classpath's. */
    private Set<String> indexIds(String key) {
        Set<String> ids = new LinkedHashSet<>();
        Path dir = folder();
        if (dir != null && Files.isRegularFile(dir.resolve(INDEX_FILE))) {
            Path index = dir.resolve(INDEX_FILE);
            try {
                ids.addAll(readIndex(decodeUtf8(Files.readAllBytes(index), index.toString()), index.toString(), key));
            } catch (IOException e) {
                throw new PresetException(index.toString(), null, "cannot read file: " + e, e);
            }
        }
        String resource = CLASSPATH_FOLDER + INDEX_FILE;
        String cpIndex = readResource(resource);
        if (cpIndex != null) ids.addAll(readIndex(cpIndex, "classpath:" + resource, key));
        return ids;
    }

    /** Whether a folder file holds a phase-diagram preset; a file that cannot be read counts as an experiment preset (reading it reports why). */
    private static boolean isPhaseDiagramFile(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) return false;
            JsonNode n = MAPPER.readTree(Files.readAllBytes(file));
            return n != null && n.isObject() && n.has(PhaseDiagramPreset.KEY);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The preset ids named by {@code *.json} files (other than index.json) of {@code dir}, sorted. */
    static List<String> folderPresetIds(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.equals(INDEX_FILE))
                    .map(n -> n.substring(0, n.length() - 5))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new PresetException(dir.toString(), null, "cannot list folder: " + e, e);
        }
    }

    /** Reads {@code {"presets": ["id", ...]}} with unique, well-formed ids. */
    static List<String> readIndex(String json, String source) {
        return readIndex(json, source, PRESETS_KEY);
    }

    /**
     * Reads the list {@code key} of {@code {"presets": ["id", ...], "phaseDiagrams": ["id", ...]}}
     * (the second list optional) with unique, well-formed ids across both lists.
     */
    static List<String> readIndex(String json, String source, String key) {
        JsonField root = JsonField.root(source, readTree(json, source));
        root.requireObject(List.of(PRESETS_KEY, PHASE_DIAGRAMS_KEY), "an object {\"presets\": [\"preset-id\", ...], \"phaseDiagrams\": [\"phase-id\", ...]}");
        List<String> presets = ids(root.required(PRESETS_KEY, "an array of preset ids"), List.of());
        JsonField phase = root.child(PHASE_DIAGRAMS_KEY);
        List<String> phases = phase.present() ? ids(phase, presets) : List.of();
        return key.equals(PRESETS_KEY) ? presets : phases;
    }

    private static List<String> ids(JsonField list, List<String> taken) {
        List<String> ids = new ArrayList<>();
        for (JsonField f : list.array(0, 1000, "preset ids")) {
            String id = f.text(64);
            if (!SpecReader.ID.matcher(id).matches()) throw f.fail("must be " + SpecReader.ID_RULE + ", got \"" + id + "\"");
            if (ids.contains(id) || taken.contains(id)) throw f.fail("must be unique, got \"" + id + "\" twice");
            ids.add(id);
        }
        return ids;
    }

    private List<String> phaseDiagramIdsQuietly() {
        try {
            return phaseDiagramIds();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private List<String> availableIdsQuietly() {
        try {
            return availableIds();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    // ---- plumbing ------------------------------------------------------------------------

    static boolean isPath(String s) {
        return s.toLowerCase(Locale.ROOT).endsWith(".json") || s.indexOf('/') >= 0
                || s.indexOf(File.separatorChar) >= 0;
    }

    /** The UTF-8 text of a classpath resource, or null when there is none. */
    private static String readResource(String resource) {
        try (InputStream in = PresetLoader.class.getResourceAsStream(resource)) {
            if (in == null) return null;
            return decodeUtf8(in.readNBytes((int) MAX_FILE_BYTES + 1), "classpath:" + resource);
        } catch (IOException e) {
            throw new PresetException("classpath:" + resource, null, "cannot read resource: " + e, e);
        }
    }

    private static String decodeUtf8(byte[] bytes, String source) {
        if (bytes.length > MAX_FILE_BYTES)
            throw new PresetException(source, null, "file is larger than " + MAX_FILE_BYTES + " bytes; a preset is a small JSON file");
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PresetException(source, null, "file is not valid UTF-8 text", e);
        }
    }

    static JsonNode readTree(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw syntaxError(e, source);
        }
        if (root == null || root.isMissingNode())
            throw new PresetException(source, JsonField.TOP, "file is empty; expected a JSON object");
        return root;
    }

    private static PresetException syntaxError(JsonProcessingException e, String source) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String path = JsonField.TOP;
        if (e.getProcessor() instanceof JsonParser p) {
            String inside = pathOf(p.getParsingContext());
            if (!inside.isEmpty()) path = inside;
        }
        String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        if (msg.startsWith("Duplicate field"))
            msg = msg.replace("Duplicate field", "duplicate key") + " (each key may appear once per object)";
        else if (msg.startsWith("Trailing token"))
            msg = "unexpected content after the end of the top-level object (a preset file holds exactly one JSON object)";
        else
            msg = msg + (path.equals(JsonField.TOP) ? "" : " (after " + path + ")");
        return new PresetException(source, path, "invalid JSON" + where + ": " + msg, e);
    }

    /** {@code runs[1].lambda} for the parser's current position. */
    static String pathOf(JsonStreamContext ctx) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            else if (c.inObject() && c.getCurrentName() != null) parts.push("." + c.getCurrentName());
        }
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }
}
