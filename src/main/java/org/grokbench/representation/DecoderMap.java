package org.grokbench.representation;

import org.grokbench.analysis.TrajectoryPca;

/**
 * The decoder map of Liu et al. 2022, Fig. 2: the class the decoder predicts at every point of a
 * grid over embedding space, with the embeddings E_k placed on the same grid.
 *
 * <p><b>What a point means.</b> The paper's figure trains its decoder on (E_i + E_j)/2 so that
 * "the output of the decoder when fed i ∘ j is read at the midpoint of E_i and E_j". Our decoder is
 * fed the sum E_i + E_j, so the point x of embedding space is coloured by the class of Dec(2x):
 * the same reading, without retraining. The class at the midpoint of E_i and E_j is therefore
 * exactly the model's prediction for the pair (i, j), and a parallelogram E_i + E_j = E_m + E_n is
 * two pairs sharing one midpoint.
 *
 * <p><b>Which plane.</b> d = 1: a line (the embedding axis), {@link #ys()} = {0}. d = 2: the
 * embedding plane itself, a square around the embeddings. d ≥ 3: the plane through the mean
 * embedding spanned by the embeddings' first two principal directions ({@link TrajectoryPca} of
 * the p rows); embeddings are placed at their projections, and the decoder is evaluated on the plane
 * only, so the colour under a projected midpoint is the prediction for the pair only when the
 * embeddings lie in the plane ({@link #explained()} says how nearly they do).
 *
 * <p>Immutable; computing one costs one decoder pass per grid point (batched by
 * {@link ToyModel#classify}).
 */
public final class DecoderMap {
    /** Which slice of embedding space the grid covers. */
    public enum Plane {
        LINE("embedding E"), EMBEDDING_PLANE("E, first component", "E, second component"),
        PRINCIPAL_PLANE("PC1 of the embeddings", "PC2 of the embeddings");

        private final String xWords, yWords;

        Plane(String x) { this(x, ""); }

        Plane(String x, String y) {
            xWords = x;
            yWords = y;
        }

        public String xWords() { return xWords; }

        public String yWords() { return yWords; }
    }

    /** Extra room around the embeddings' extent, as a share of it on each side. */
    static final double MARGIN = 0.15;
    /** How much wider (or taller) than the asked aspect a plane's grid reaches. */
    static final double SLACK = 1.15;

    private final Plane plane;
    private final int classCount;
    private final boolean modular;
    private final double[] xs, ys;
    private final int[] classes;
    private final double[][] points;
    private final double[] origin, u, v;
    private final double[] explained;
    private final double[] frame;

    private DecoderMap(Plane plane, int classCount, boolean modular, double[] xs, double[] ys, int[] classes,
                       double[][] points, double[] origin, double[] u, double[] v, double[] explained, double[] frame) {
        this.frame = frame;
        this.plane = plane;
        this.classCount = classCount;
        this.modular = modular;
        this.xs = xs;
        this.ys = ys;
        this.classes = classes;
        this.points = points;
        this.origin = origin;
        this.u = u;
        this.v = v;
        this.explained = explained;
    }

    /**
     * The map of a model with embeddings E (p·d row-major) and decoder parameters, on
     * {@code cells} grid points along each axis (a line has one row).
     *
     * @param modular whether classes are residues (a colour wheel) rather than sums (a sequence)
     */
    public static DecoderMap of(ToyModel model, double[] embeddings, double[] decoder, int cells, boolean modular) {
        return of(model, embeddings, decoder, cells, modular, 1);
    }

    /**
     * As {@link #of(ToyModel, double[], double[], int, boolean)} for a plot {@code aspect} times as
     * wide as high (in [0.2, 5]; a line ignores it): the plane's grid then covers {@link #frame()}
     * widened to that shape, with {@value #SLACK} of slack, so that a plot of about that shape with
     * one scale on both axes is filled; {@code cells} points along the frame's side.
     */
    public static DecoderMap of(ToyModel model, double[] embeddings, double[] decoder, int cells, boolean modular,
                                double aspect) {
        if (!(aspect >= 0.2 && aspect <= 5)) throw new IllegalArgumentException("aspect must be in [0.2, 5], got " + aspect);
        int p = model.symbols(), d = model.embeddingDim();
        if (embeddings.length != p * d)
            throw new IllegalArgumentException("embeddings have length " + embeddings.length + ", expected p·d = " + p * d);
        if (decoder.length != model.decoderSize())
            throw new IllegalArgumentException("decoder has length " + decoder.length + ", expected " + model.decoderSize());
        if (cells < 2 || cells > 2000) throw new IllegalArgumentException("cells must be in [2, 2000], got " + cells);
        double[] origin = new double[d], u = new double[d], v = new double[d];
        double[] explained;
        Plane plane;
        if (d == 1) {
            plane = Plane.LINE;
            u[0] = 1;
            explained = new double[] {1, 0};
        } else if (d == 2) {
            plane = Plane.EMBEDDING_PLANE;
            u[0] = 1;
            v[1] = 1;
            explained = new double[] {Double.NaN, Double.NaN};
        } else {
            plane = Plane.PRINCIPAL_PLANE;
            double[][] rows = new double[p][d];
            for (int k = 0; k < p; k++) {
                System.arraycopy(embeddings, k * d, rows[k], 0, d);
                for (int c = 0; c < d; c++) origin[c] += rows[k][c] / p;
            }
            TrajectoryPca pca = new TrajectoryPca(rows);
            u = pca.firstDirection();
            v = pca.secondDirection();
            if (norm(u) == 0) u[0] = 1;       // all embeddings equal
            if (norm(v) == 0) v = orthogonalTo(u);
            explained = new double[] {pca.firstRatio(), pca.secondRatio()};
        }
        double[][] points = new double[p][2];
        for (int k = 0; k < p; k++) {
            double a = 0, b = 0;
            for (int c = 0; c < d; c++) {
                double x = embeddings[k * d + c] - origin[c];
                a += x * u[c];
                b += x * v[c];
            }
            points[k][0] = a;
            points[k][1] = b;
        }
        double[] xr = extent(points, 0), yr = extent(points, 1);
        double[] xs, ys, frame;
        if (plane == Plane.LINE) {
            frame = pad(xr);
            xs = centres(frame, cells);
            frame = new double[] {frame[0], frame[1], -0.5, 0.5};
            ys = new double[] {0};
        } else {
            // a box of the figure's shape around the embeddings, so that both axes can share one scale
            double half = Math.max(xr[1] - xr[0], yr[1] - yr[0]) * (0.5 + MARGIN);
            if (!(half > 0)) half = 1;
            double cx = (xr[0] + xr[1]) / 2, cy = (yr[0] + yr[1]) / 2;
            frame = new double[] {cx - half, cx + half, cy - half, cy + half};
            double wide = aspect > 1 ? aspect * SLACK : 1, tall = aspect < 1 ? SLACK / aspect : 1;
            xs = centres(new double[] {cx - half * wide, cx + half * wide}, (int) Math.round(cells * wide));
            ys = centres(new double[] {cy - half * tall, cy + half * tall}, (int) Math.round(cells * tall));
        }
        double[][] inputs = new double[xs.length * ys.length][d];
        for (int j = 0; j < ys.length; j++)
            for (int i = 0; i < xs.length; i++) {
                double[] x = inputs[j * xs.length + i];
                for (int c = 0; c < d; c++) x[c] = 2 * (origin[c] + xs[i] * u[c] + ys[j] * v[c]);
            }
        int[] classes = model.classify(decoder, inputs);
        return new DecoderMap(plane, model.classes(), modular, xs, ys, classes, points, origin, u, v, explained, frame);
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return Math.sqrt(s);
    }

    /** A unit vector orthogonal to the unit vector u (d ≥ 2): Gram-Schmidt on the axis u is least along. */
    private static double[] orthogonalTo(double[] u) {
        int axis = 0;
        for (int c = 1; c < u.length; c++) if (Math.abs(u[c]) < Math.abs(u[axis])) axis = c;
        double[] e = new double[u.length];
        e[axis] = 1;
        for (int c = 0; c < u.length; c++) e[c] -= u[axis] * u[c];
        double n = norm(e);
        for (int c = 0; c < u.length; c++) e[c] /= n;
        return e;
    }

    private static double[] extent(double[][] points, int axis) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] q : points) {
            lo = Math.min(lo, q[axis]);
            hi = Math.max(hi, q[axis]);
        }
        return new double[] {lo, hi};
    }

    private static double[] pad(double[] r) {
        double w = r[1] - r[0];
        if (!(w > 0)) return new double[] {r[0] - 1, r[1] + 1};
        return new double[] {r[0] - MARGIN * w, r[1] + MARGIN * w};
    }

    /** n cell centres evenly covering [lo, hi]. */
    private static double[] centres(double[] r, int n) {
        double[] c = new double[n];
        double h = (r[1] - r[0]) / n;
        for (int i = 0; i < n; i++) c[i] = r[0] + (i + 0.5) * h;
        return c;
    }

    public Plane plane() { return plane; }

    /** Number of classes of the task (2p − 1 sums, or p residues). */
    public int classCount() { return classCount; }

    /** Whether classes are residues mod p. */
    public boolean modular() { return modular; }

    /** Cell centres along the map's horizontal axis (a copy). */
    public double[] xs() { return xs.clone(); }

    /** Cell centres along the vertical axis ({0} on a line; a copy). */
    public double[] ys() { return ys.clone(); }

    /** Predicted class at cell (i, j) (i along x). */
    public int classAt(int i, int j) { return classes[j * xs.length + i]; }

    /** All predicted classes, row j = y index, x fastest (a copy). */
    public int[] classes() { return classes.clone(); }

    /** Embedding E_k's map coordinates {x, y} (y = 0 on a line; a copy). */
    public double[] point(int k) { return points[k].clone(); }

    public int symbols() { return points.length; }

    /**
     * The box to frame the embeddings in, {xmin, xmax, ymin, ymax}: on a plane a square around them
     * with a margin (the grid reaches beyond it towards the asked aspect); on a line the grid's extent
     * along x and ±1/2 across. A copy.
     */
    public double[] frame() { return frame.clone(); }

    /** The point of embedding space at map coordinates (x, y). */
    public double[] toEmbeddingSpace(double x, double y) {
        double[] e = new double[origin.length];
        for (int c = 0; c < e.length; c++) e[c] = origin[c] + x * u[c] + y * v[c];
        return e;
    }

    /**
     * Share of the embeddings' variance along the map's two axes ({1, 0} on a line; NaN for the
     * embedding plane, which shows everything).
     */
    public double[] explained() { return explained.clone(); }
}
