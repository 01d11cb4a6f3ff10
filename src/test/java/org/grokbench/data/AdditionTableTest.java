package org.grokbench.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class AdditionTableTest {
    @Test
    void additionWithoutModuloHas55SamplesAnd19Classes() {
        AdditionTable t = AdditionTable.addition(10);
        assertEquals(55, t.size());
        assertEquals(19, t.classes());
        for (int s = 0; s < t.size(); s++) {
            assertTrue(t.first(s) <= t.second(s));
            assertEquals(t.first(s) + t.second(s), t.label(s));
            assertEquals(s, t.indexOf(t.first(s), t.second(s)));
            assertEquals(s, t.indexOf(t.second(s), t.first(s)));
        }
    }

    @Test
    void modularLabelsWrap() {
        AdditionTable t = AdditionTable.modular(7);
        assertEquals(28, t.size());
        assertEquals(7, t.classes());
        assertEquals((5 + 6) % 7, t.label(t.indexOf(5, 6)));
    }

    @Test
    void splitIsSeededDisjointAndComplete() {
        AdditionTable t = AdditionTable.addition(10);
        AdditionTable.Split a = t.split(45, 3), b = t.split(45, 3), c = t.split(45, 4);
        assertArrayEquals(a.train(), b.train());
        assertFalse(Arrays.equals(a.train(), c.train()));
        assertEquals(45, a.train().length);
        assertEquals(10, a.validation().length);
        boolean[] seen = new boolean[55];
        for (int s : a.train()) seen[s] = true;
        for (int s : a.validation()) {
            assertFalse(seen[s]);
            seen[s] = true;
        }
        for (boolean x : seen) assertTrue(x);
        assertEquals(45 / 55.0, a.trainFraction(), 1e-15);
        assertArrayEquals(a.validation(), t.splitOf(a.train()).validation());
        assertThrows(IllegalArgumentException.class, () -> t.split(56, 1));
    }
}
