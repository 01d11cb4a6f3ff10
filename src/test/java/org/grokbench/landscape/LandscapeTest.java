package org.grokbench.landscape;

import org.grokbench.analysis.ParameterBlock;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LandscapeTest {
    private final QuadraticSurface q = new QuadraticSurface();

    /** A path of four rows; θ* = the last. */
    private static RecordedPath path() {
        double[][] rows = {
                {1, 2, -1, 0.5, 0.3, -2, 0.7},
                {0.8, 1.5, -0.5, 0.6, 0.2, -1.5, 0.4},
                {0.6, 0.2, 0.9, 0.4, 0.1, -0.3, -0.2},
                {0.35, -0.9, 1.8, 0.5, 0.05, 0.8, -0.35}};
        return new RecordedPath(new long[] {0, 10, 20, 40}, rows);
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    /** f(α) of the quadratic along δ from θ is A α² + B α + C with these coefficients. */
    private static double parabola(double[] w, double[] m, double[] theta, double[] delta, double alpha) {
        double aa = 0, bb = 0, cc = 0;
        for (int i = 0; i < theta.length; i++) {
            double r = theta[i] - m[i];
            aa += w[i] * delta[i] * delta[i];
            bb += 2 * w[i] * r * delta[i];
            cc += w[i] * r * r;
        }
        return aa * alpha * alpha + bb * alpha + cc;
    }

    @Test
    void everySliceOfAQuadraticIsItsExactParabola() {
        RecordedPath p = path();
        double[] alphas = SliceGrid.DEFAULT.values();
        for (DirectionKind kind : DirectionKind.values()) {
            for (Scaling s : Scaling.values()) {
                Slice1D slice = Landscape.slice(LandscapeSampler.of(q), p, 1, kind, s, alphas, 7);
                double[] delta = Landscape.direction(p, 1, kind, s, q.blocks(), 7);
                assertTrue(slice.deltaNorm() > 0, kind + " " + s);
                for (int i = 0; i < alphas.length; i++) {
                    double train = parabola(q.a, q.c, p.row(1), delta, alphas[i]);
                    double test = parabola(q.b, q.e, p.row(1), delta, alphas[i]);
                    assertEquals(train, slice.values().trainLoss()[i], 1e-10 * (1 + train), kind + " " + s + " α=" + alphas[i]);
                    assertEquals(test, slice.values().testLoss()[i], 1e-10 * (1 + test), kind + " " + s);
                    assertEquals(train < 1 ? 1 : 0, slice.values().trainAccuracy()[i]);
                }
            }
        }
    }

    @Test
    void alphaZeroIsThetaTAndAlphaOneTowardTheFinalPointIsThetaStar() {
        RecordedPath p = path();
        double[] alphas = SliceGrid.DEFAULT.values();
        Slice1D f = Landscape.slice(LandscapeSampler.of(q), p, 1, DirectionKind.FINAL, Scaling.RAW, alphas, 0);
        int zero = f.indexOf(0), one = f.indexOf(1);
        assertEquals(0.0, alphas[zero]);
        assertEquals(1.0, alphas[one]);
        assertEquals(q.trainLoss(p.row(1)), f.values().trainLoss()[zero], 0);
        assertEquals(q.testLoss(p.row(1)), f.values().testLoss()[zero], 0);
        assertEquals(q.trainLoss(p.last()), f.values().trainLoss()[one], 1e-12);
        assertEquals(q.testLoss(p.last()), f.values().testLoss()[one], 1e-12);
        // toward the start: α = 1 is θ₀; along the step: α = 1 is the next row
        Slice1D start = Landscape.slice(LandscapeSampler.of(q), p, 2, DirectionKind.START, Scaling.RAW, alphas, 0);
        assertEquals(q.trainLoss(p.row(0)), start.values().trainLoss()[one], 1e-12);
        Slice1D step = Landscape.slice(LandscapeSampler.of(q), p, 1, DirectionKind.STEP, Scaling.RAW, alphas, 0);
        assertEquals(q.trainLoss(p.row(2)), step.values().trainLoss()[one], 1e-12);
        // at θ* the direction toward θ* vanishes and the slice is flat
        Slice1D atEnd = Landscape.slice(LandscapeSampler.of(q), p, 3, DirectionKind.FINAL, Scaling.RAW, alphas, 0);
        assertEquals(0, atEnd.deltaNorm());
        for (double v : atEnd.values().trainLoss()) assertEquals(q.trainLoss(p.last()), v, 0);
    }

    @Test
    void filterNormalizationGivesEachFilterTheNormOfThetasFilter() {
        double[] theta = {1, 2, -1, 0.5, 0.3, -2, 0.7};
        double[] delta = {0.1, -3, 2, 0.2, -0.5, 7, -0.01};
        double[] n = FilterNormalization.apply(delta, theta, q.blocks());
        ParameterBlock w = q.blocks().get(0);
        for (int f = 0; f < w.filterCount(); f++) {
            double nd = 0, nt = 0, dotDir = 0, nOrig = 0;
            for (int k = 0; k < w.filterLength(); k++) {
                int i = w.index(f, k);
                nd += n[i] * n[i];
                nt += theta[i] * theta[i];
                nOrig += delta[i] * delta[i];
                dotDir += n[i] * delta[i];
            }
            assertEquals(Math.sqrt(nt), Math.sqrt(nd), 1e-12, "filter " + f);
            // the filter keeps its direction: cos(normalized, original) = 1
            assertEquals(1.0, dotDir / Math.sqrt(nd * nOrig), 1e-12);
        }
        assertEquals(-0.7, n[6], 1e-15);   // a bias: |δ_i| → |θ_i| with δ's sign
        // a zero filter stays zero
        double[] zeroRow = delta.clone();
        zeroRow[0] = zeroRow[2] = zeroRow[4] = 0;
        double[] z = FilterNormalization.apply(zeroRow, theta, q.blocks());
        assertEquals(0, z[0]);
        assertEquals(0, z[4]);
        assertArrayEquals(new double[] {0.1, -3, 2, 0.2, -0.5, 7, -0.01}, delta, "input untouched");
    }

    @Test
    void sameSeedSameNumbersAtAnyParallelism() {
        RecordedPath p = path();
        double[] alphas = SliceGrid.DEFAULT.values();
        Slice1D a = Landscape.slice(LandscapeSampler.of(q), p, 1, DirectionKind.RANDOM, Scaling.FILTER, alphas, 42);
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            Slice1D b = Landscape.slice(new LandscapeSampler(QuadraticSurface::new, pool), p, 1, DirectionKind.RANDOM,
                    Scaling.FILTER, alphas, 42);
            assertArrayEquals(a.values().trainLoss(), b.values().trainLoss(), 0);
            assertArrayEquals(a.values().testAccuracy(), b.values().testAccuracy(), 0);
            Slice2D pa = Landscape.plane(LandscapeSampler.of(q), p, 2, DirectionKind.RANDOM, Scaling.RAW, alphas, alphas, 5);
            Slice2D pb = Landscape.plane(new LandscapeSampler(QuadraticSurface::new, pool), p, 2, DirectionKind.RANDOM,
                    Scaling.RAW, alphas, alphas, 5);
            assertArrayEquals(pa.values().trainLoss(), pb.values().trainLoss(), 0);
        } finally {
            pool.shutdown();
        }
        Slice1D c = Landscape.slice(LandscapeSampler.of(q), p, 1, DirectionKind.RANDOM, Scaling.FILTER, alphas, 43);
        assertNotEquals(a.values().trainLoss()[0], c.values().trainLoss()[0]);
        // raw random: ‖δ‖ = ‖θ_t‖
        double[] delta = Landscape.direction(p, 1, DirectionKind.RANDOM, Scaling.RAW, q.blocks(), 42);
        assertEquals(Math.sqrt(dot(p.row(1), p.row(1))), Math.sqrt(dot(delta, delta)), 1e-12);
    }

    @Test
    void planeOfAQuadraticMatchesTheClosedForm() {
        RecordedPath p = path();
        double[] al = SliceGrid.symmetric(2, 9).values(), be = new SliceGrid(-1, 2, 7).values();
        for (DirectionKind kind : new DirectionKind[] {DirectionKind.RANDOM, DirectionKind.PCA, DirectionKind.FINAL}) {
            for (Scaling sc : Scaling.values()) {
                Slice2D s = Landscape.plane(LandscapeSampler.of(q), p, 1, kind, sc, al, be, 3);
                Landscape.Plane pl = Landscape.planeDirections(p, 1, kind, sc, q.blocks(), 3);
                double[] t = p.row(1), d = pl.delta(), e = pl.eta();
                for (int j = 0; j < be.length; j++)
                    for (int i = 0; i < al.length; i++) {
                        // f(α, β) = Σ a_k (r_k + α δ_k + β η_k)², r = θ_t − c
                        double f = 0;
                        for (int k = 0; k < t.length; k++) {
                            double x = t[k] - q.c[k] + al[i] * d[k] + be[j] * e[k];
                            f += q.a[k] * x * x;
                        }
                        assertEquals(f, s.values().trainLoss()[s.index(i, j)], 1e-10 * (1 + f), kind + " " + sc);
                    }
                // the path row at θ_t projects to the origin
                int at = s.pathIndexOf(10);
                assertEquals(0, s.pathAlpha()[at], 1e-12);
                assertEquals(0, s.pathBeta()[at], 1e-12);
            }
        }
    }

    @Test
    void pcaPlaneHoldsAPlanarTrajectoryExactly() {
        // a path lying in a 2D affine plane: the PCA plane spans it, and the projections rebuild every row
        double[] o = {0.2, -0.1, 0.4, 0.3, 0.9, -0.6, 0.5};
        double[] u = {1, 0, 0.5, 0, -1, 0.2, 0.1}, v = {0, 1, 0, -0.5, 0.3, 0, 0.4};
        double[][] rows = new double[6][7];
        double[][] coeff = {{3, 1}, {2, 1.5}, {1.4, 0.2}, {0.5, -0.4}, {0.2, 0.1}, {0, 0}};
        for (int r = 0; r < 6; r++) for (int i = 0; i < 7; i++) rows[r][i] = o[i] + coeff[r][0] * u[i] + coeff[r][1] * v[i];
        RecordedPath p = new RecordedPath(new long[] {0, 1, 2, 3, 4, 5}, rows);
        double[] al = SliceGrid.symmetric(3, 7).values();
        Slice2D s = Landscape.plane(LandscapeSampler.of(q), p, 2, DirectionKind.PCA, Scaling.RAW, al, al, 0);
        assertEquals(1.0, s.firstRatio() + s.secondRatio(), 1e-9);
        double far = 0;
        for (int k = 0; k < 6; k++) far = Math.max(far, Math.hypot(s.pathAlpha()[k], s.pathBeta()[k]));
        assertEquals(Landscape.PCA_PATH_RADIUS, far, 1e-9);
        Landscape.Plane pl = Landscape.planeDirections(p, 2, DirectionKind.PCA, Scaling.RAW, q.blocks(), 0);
        for (int k = 0; k < 6; k++) {
            SliceValues at = LandscapeSampler.of(q).plane(p.row(2), pl.delta(), pl.eta(),
                    new double[] {s.pathAlpha()[k]}, new double[] {s.pathBeta()[k]});
            assertEquals(q.trainLoss(rows[k]), at.trainLoss()[0], 1e-9, "row " + k);
        }
    }

    @Test
    void stackSlicesTowardTheFinalPointFromEveryPickedRow() {
        RecordedPath p = path();
        int[] rows = p.evenlySpacedRows(5);
        assertArrayEquals(new int[] {0, 1, 2, 3}, rows);   // steps 0, 10, 20, 30→20 dropped, 40
        double[] alphas = SliceGrid.DEFAULT.values();
        SliceStack st = Landscape.stack(LandscapeSampler.of(q), p, rows, DirectionKind.FINAL, Scaling.RAW, alphas, 0);
        assertArrayEquals(new long[] {0, 10, 20, 40}, st.steps());
        int one = st.slices().get(0).indexOf(1);
        for (Slice1D s : st.slices().subList(0, 3)) assertEquals(q.trainLoss(p.last()), s.values().trainLoss()[one], 1e-12);
        assertFalse(st.slices().isEmpty());
    }

    @Test
    void gridValidatesItsRange() {
        assertThrowsMessage(() -> new SliceGrid(1, 1, 11), "lo < hi");
        assertThrowsMessage(() -> new SliceGrid(-1, 1, 2), "points must be in [3, 2001]");
        assertEquals(0.05, SliceGrid.DEFAULT.values()[1] - SliceGrid.DEFAULT.values()[0], 1e-12);
    }

    private static void assertThrowsMessage(org.junit.jupiter.api.function.Executable e, String part) {
        IllegalArgumentException ex = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(part), ex.getMessage());
    }
}
