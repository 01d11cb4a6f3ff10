package org.grokbench.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RangeParallelTest {
    private static ForkJoinPool pool;

    @BeforeAll
    static void start() {
        pool = new ForkJoinPool(3);
    }

    @AfterAll
    static void stop() {
        pool.shutdown();
    }

    @Test
    void uniformBoundsCoverTheRangeInOrder() {
        int[] b = RangeParallel.uniformBounds(5, 105, 4);
        assertArrayEquals(new int[] {5, 30, 55, 80, 105}, b);
        assertArrayEquals(new int[] {0, 0}, RangeParallel.uniformBounds(0, 0, 4));
        assertEquals(3, RangeParallel.uniformBounds(0, 2, 8).length, "no more ranges than indices");
    }

    @Test
    void triangularBoundsBalanceTheCostOfAnUpperTriangle() {
        int n = 492;
        int[] b = RangeParallel.triangularBounds(0, n, n, 2);
        assertEquals(0, b[0]);
        assertEquals(n, b[2]);
        double first = 0, second = 0;
        for (int i = 0; i < n; i++) {
            if (i < b[1]) first += n - i;
            else second += n - i;
        }
        assertTrue(Math.abs(first - second) <= n, "halves of equal cost, got " + first + " vs " + second);
        assertTrue(b[1] < n / 2, "the heavy first rows get a shorter range");
        int[] sub = RangeParallel.triangularBounds(100, 300, n, 3);
        assertEquals(100, sub[0]);
        assertEquals(300, sub[3]);
        for (int t = 0; t < 3; t++) assertTrue(sub[t] <= sub[t + 1]);
    }

    @Test
    void everyIndexRunsExactlyOnceOnThePool() {
        int n = 1000;
        AtomicIntegerArray hits = new AtomicIntegerArray(n);
        RangeParallel.forRanges(pool, RangeParallel.uniformBounds(0, n, 3), (a, b) -> {
            for (int i = a; i < b; i++) hits.incrementAndGet(i);
        });
        for (int i = 0; i < n; i++) assertEquals(1, hits.get(i));
        AtomicIntegerArray seq = new AtomicIntegerArray(n);
        RangeParallel.forRanges(null, RangeParallel.uniformBounds(0, n, 3), (a, b) -> {
            for (int i = a; i < b; i++) seq.incrementAndGet(i);
        });
        for (int i = 0; i < n; i++) assertEquals(1, seq.get(i));
    }

    @Test
    void anExceptionInATaskReachesTheCaller() {
        int[] bounds = RangeParallel.uniformBounds(0, 30, 3);
        assertThrows(IllegalStateException.class, () -> RangeParallel.forRanges(pool, bounds, (a, b) -> {
            if (a > 0) throw new IllegalStateException("boom");
        }));
    }
}
