package org.grokbench.representation;

import org.grokbench.data.AdditionTable;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The decoder map (Fig. 2) on decoders that implement ideal addition in closed form: a linear
 * classifier with logits c·t − c²/2, t = (input · b)/|b|², picks the class c nearest t, so with
 * E_k = k·b every point x of the map must show the sum nearest 2x·b/|b|² (clamped to 0..2p−2).
 */
public class DecoderMapTest {
    static final int P = 6;
    static final AdditionTable T = AdditionTable.addition(P);

    /** A linear classification decoder (no hidden layer) that reads off the nearest class to input·b/|b|². */
    public static double[] idealDecoder(ToyModel m, double[] b) {
        int d = b.length, n = m.classes();
        double bb = 0;
        for (double v : b) bb += v * v;
        double[] dec = new double[m.decoderSize()];
        for (int c = 0; c < d; c++) for (int k = 0; k < n; k++) dec[c * n + k] = k * b[c] / bb;   // W, input-major
        for (int k = 0; k < n; k++) dec[d * n + k] = -0.5 * k * k;                                 // bias
        return dec;
    }

    static int nearestSum(double t) {
        return (int) Math.max(0, Math.min(2 * P - 2, Math.round(t)));
    }

    /** Checks every grid cell against the closed form; returns how many cells were checked. */
    static int checkAllCells(DecoderMap map, double[] b) {
        double bb = 0;
        for (double v : b) bb += v * v;
        double[] xs = map.xs(), ys = map.ys();
        int checked = 0;
        for (int j = 0; j < ys.length; j++)
            for (int i = 0; i < xs.length; i++) {
                double[] e = map.toEmbeddingSpace(xs[i], ys[j]);
                double t = 0;
                for (int c = 0; c < b.length; c++) t += 2 * e[c] * b[c] / bb;
                if (Math.abs(t - Math.floor(t) - 0.5) < 1e-9) continue;   // a tie between two sums
                assertEquals(nearestSum(t), map.classAt(i, j), "cell " + i + ", " + j + " at t = " + t);
                checked++;
            }
        return checked;
    }

    @Test
    void oneDimensionalMapIsAStripOfNearestSums() {
        ToyModel m = ToyModel.forTable(T, 1, new int[0], 0, LossKind.CLASSIFICATION, 1);
        double[] emb = new double[P];
        for (int k = 0; k < P; k++) emb[k] = 0.5 + k;
        DecoderMap map = DecoderMap.of(m, emb, idealDecoder(m, new double[] {1}), 300, false);
        assertEquals(DecoderMap.Plane.LINE, map.plane());
        assertArrayEquals(new double[] {0}, map.ys());
        assertEquals(300, checkAllCells(map, new double[] {1}));
        // the strip spans the embeddings with a margin, and each embedding sits at its own value
        assertTrue(map.xs()[0] < 0.5 && map.xs()[299] > P - 0.5);
        for (int k = 0; k < P; k++) assertArrayEquals(new double[] {0.5 + k, 0}, map.point(k), 1e-12);
        // the class at the midpoint of E_i and E_j is i + j + 1 here (E_k = k + 1/2): every sum 1..2p−1 clamped shows up
        assertEquals(2 * P - 2, map.classAt(299, 0));
    }

    @Test
    void twoDimensionalMapIsThePlaneOfTheEmbeddings() {
        ToyModel m = ToyModel.forTable(T, 2, new int[0], 0, LossKind.CLASSIFICATION, 1);
        double[] b = {0.6, -0.8};
        double[] emb = new double[2 * P];
        for (int k = 0; k < P; k++) {
            emb[2 * k] = 1 + k * b[0];
            emb[2 * k + 1] = -2 + k * b[1];
        }
        DecoderMap map = DecoderMap.of(m, emb, idealDecoder(m, b), 60, false);
        assertEquals(DecoderMap.Plane.EMBEDDING_PLANE, map.plane());
        assertTrue(checkAllCells(map, b) > 3500);
        for (int k = 0; k < P; k++) assertArrayEquals(new double[] {emb[2 * k], emb[2 * k + 1]}, map.point(k), 1e-12);
        // square box with the same cell size on both axes
        double[] xs = map.xs(), ys = map.ys();
        assertEquals(xs[1] - xs[0], ys[1] - ys[0], 1e-12);
    }

    @Test
    void aWidePlotGetsAWideGridAroundTheSameSquareFrame() {
        ToyModel m = ToyModel.forTable(T, 2, new int[0], 0, LossKind.CLASSIFICATION, 1);
        double[] b = {1, 0};
        double[] emb = new double[2 * P];
        for (int k = 0; k < P; k++) {
            emb[2 * k] = k;
            emb[2 * k + 1] = k % 2;
        }
        DecoderMap square = DecoderMap.of(m, emb, idealDecoder(m, b), 30, false);
        DecoderMap wide = DecoderMap.of(m, emb, idealDecoder(m, b), 30, false, 2);
        assertArrayEquals(square.frame(), wide.frame(), 0);
        double[] f = wide.frame();
        assertEquals(f[1] - f[0], f[3] - f[2], 1e-12);
        assertEquals((P - 1) * (1 + 2 * DecoderMap.MARGIN), f[1] - f[0], 1e-12);
        assertEquals(30, wide.ys().length);
        assertEquals(Math.round(30 * 2 * DecoderMap.SLACK), wide.xs().length);
        double[] xs = wide.xs(), ys = wide.ys();
        assertEquals(xs[1] - xs[0], ys[1] - ys[0], 1e-12, "square cells");
        assertTrue(checkAllCells(wide, b) > 1500);
        assertThrows(IllegalArgumentException.class, () -> DecoderMap.of(m, emb, idealDecoder(m, b), 30, false, 9));
    }

    @Test
    void higherDimensionalMapUsesTheLeadingPrincipalPlane() {
        ToyModel m = ToyModel.forTable(T, 4, new int[0], 0, LossKind.CLASSIFICATION, 1);
        double[] b = {0.5, 0.5, 0.5, -0.5};
        double[] side = {0.5, -0.5, 0.5, 0.5};   // orthogonal to b
        double[] emb = new double[4 * P];
        for (int k = 0; k < P; k++)
            for (int c = 0; c < 4; c++) emb[4 * k + c] = k * b[c] + 0.3 * (k % 2) * side[c] + (c == 0 ? 3 : 0);
        DecoderMap map = DecoderMap.of(m, emb, idealDecoder(m, b), 50, false);
        assertEquals(DecoderMap.Plane.PRINCIPAL_PLANE, map.plane());
        double[] ex = map.explained();
        assertTrue(ex[0] > 0.95 && ex[0] + ex[1] > 1 - 1e-9, "explained " + ex[0] + ", " + ex[1]);
        assertTrue(checkAllCells(map, b) > 2000);
        // the embeddings lie in the plane: mapping their coordinates back gives them exactly
        for (int k = 0; k < P; k++) {
            double[] q = map.point(k), e = map.toEmbeddingSpace(q[0], q[1]);
            for (int c = 0; c < 4; c++) assertEquals(emb[4 * k + c], e[c], 1e-9);
        }
    }

    @Test
    void batchedClassesEqualOneByOnePredictions() {
        AdditionTable t = AdditionTable.addition(10);
        ToyModel m = ToyModel.forTable(t, 2, new int[] {12, 9}, 5, LossKind.REGRESSION, 3);
        double[] emb = new double[m.embeddingSize()], dec = new double[m.decoderSize()];
        m.initialize(emb, dec, 1, 1, new SplittableRandom(4));
        // every sample: the class of E_a + E_b is the model's prediction for (a, b)
        double[][] inputs = new double[t.size()][2];
        for (int s = 0; s < t.size(); s++)
            for (int c = 0; c < 2; c++) inputs[s][c] = emb[2 * t.first(s) + c] + emb[2 * t.second(s) + c];
        int[] batch = m.classify(dec, inputs);
        for (int s = 0; s < t.size(); s++) assertEquals(m.predict(emb, dec, t, s), batch[s], "sample " + s);
        // more inputs than one chunk of the workspace
        SplittableRandom rng = new SplittableRandom(5);
        double[][] many = new double[700][2];
        for (double[] x : many) for (int c = 0; c < 2; c++) x[c] = 4 * rng.nextDouble() - 2;
        int[] cls = m.classify(dec, many);
        double[] out = new double[5];
        for (int i = 0; i < many.length; i++) {
            m.decode(dec, many[i], out);
            assertEquals(m.classOf(out), cls[i], "input " + i);
        }
    }

    @Test
    void rejectsMismatchedShapes() {
        ToyModel m = ToyModel.forTable(T, 1, new int[0], 0, LossKind.CLASSIFICATION, 1);
        double[] dec = new double[m.decoderSize()];
        assertThrows(IllegalArgumentException.class, () -> DecoderMap.of(m, new double[P + 1], dec, 10, false));
        assertThrows(IllegalArgumentException.class, () -> DecoderMap.of(m, new double[P], dec, 1, false));
    }
}
