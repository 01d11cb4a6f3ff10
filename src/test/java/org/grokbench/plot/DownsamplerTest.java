package org.grokbench.plot;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DownsamplerTest {
    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i;
        return x;
    }

    @Test
    void minMaxKeepsEndsAndExtremesAndBoundsTheCount() {
        int n = 100_000;
        double[] x = steps(n);
        double[] y = new double[n];
        Random rng = new Random(7);
        for (int i = 0; i < n; i++) y[i] = Math.sin(i / 500.0) + 0.1 * rng.nextGaussian();
        y[31_337] = 50;    // a spike
        y[77_777] = -40;   // a dip
        double[] xCopy = x.clone(), yCopy = y.clone();

        Downsampler.Points p = Downsampler.minMax(x, y, 500, false);

        assertArrayEquals(xCopy, x, "input x untouched");
        assertArrayEquals(yCopy, y, "input y untouched");
        assertTrue(p.size() <= 4 * 500, "at most 4 points per bucket, got " + p.size());
        assertTrue(p.size() >= 500, "at least one point per bucket, got " + p.size());
        assertEquals(0.0, p.x()[0]);
        assertEquals(y[0], p.y()[0]);
        assertEquals(n - 1.0, p.x()[p.size() - 1]);
        assertEquals(y[n - 1], p.y()[p.size() - 1]);
        assertEquals(50.0, Arrays.stream(p.y()).max().orElseThrow());
        assertEquals(-40.0, Arrays.stream(p.y()).min().orElseThrow());
        for (int i = 1; i < p.size(); i++) assertTrue(p.x()[i] > p.x()[i - 1], "order kept, no duplicates");
    }

    @Test
    void minMaxInLogSpaceKeepsEarlyDetail() {
        int n = 100_000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = 1.0 / (i + 1);
        }
        Downsampler.Points p = Downsampler.minMax(x, y, 200, true);
        // the first 10 steps span a fifth of the log axis: they must all survive
        for (int s = 1; s <= 10; s++) {
            final double step = s;
            assertTrue(Arrays.stream(p.x()).anyMatch(v -> v == step), "step " + s + " kept");
        }
        assertTrue(p.size() <= 800);
    }

    @Test
    void shortSeriesAreCopiedUnchanged() {
        double[] x = {0, 1, 2}, y = {3, 1, 2};
        Downsampler.Points p = Downsampler.minMax(x, y, 10, false);
        assertArrayEquals(x, p.x());
        assertArrayEquals(y, p.y());
        assertTrue(p.x() != x, "a copy, not the caller's array");
    }

    @Test
    void usableDropsNaNAndNonPositiveOnLogAxes() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {1, Double.NaN, 0, -1, 2};
        Downsampler.Points linear = Downsampler.usable(x, y, false, false);
        assertArrayEquals(new double[] {0, 2, 3, 4}, linear.x());
        Downsampler.Points logY = Downsampler.usable(x, y, false, true);
        assertArrayEquals(new double[] {0, 4}, logY.x());
        Downsampler.Points logXY = Downsampler.usable(x, y, true, true);
        assertArrayEquals(new double[] {4}, logXY.x());
    }

    @Test
    void pathThinningKeepsEndsAndSharpTurns() {
        int n = 10_000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            // a fast drop then a slow crawl along y = 2 - x
            x[i] = i < 10 ? -1 + 0.1 * i : i / (double) n;
            y[i] = i < 10 ? 1 + 0.1 * i : 2 - x[i];
        }
        Downsampler.Points p = Downsampler.path(x, y, 0.01);
        assertEquals(x[0], p.x()[0]);
        assertEquals(y[n - 1], p.y()[p.size() - 1]);
        assertTrue(p.size() < 200, "thinned to " + p.size());
        assertTrue(p.size() > 10, "kept the early jumps");
    }
}
