package org.grokbench.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** S₃'s operation table: the group axioms, non-commutativity, the sample layout and the split. */
class GroupTableTest {
    private static final GroupTable S3 = GroupTable.s3();

    @Test
    void s3SatisfiesTheGroupAxioms() {
        assertEquals(6, S3.order());
        assertEquals(0, S3.identity());
        assertArrayEquals(new int[] {0, 1, 2}, S3.permutation(S3.identity()));
        for (int a = 0; a < 6; a++) {
            assertEquals(a, S3.compose(a, S3.identity()));
            assertEquals(a, S3.compose(S3.identity(), a));
            assertEquals(S3.identity(), S3.compose(a, S3.inverse(a)));
            assertEquals(S3.identity(), S3.compose(S3.inverse(a), a));
            for (int b = 0; b < 6; b++)
                for (int c = 0; c < 6; c++)
                    assertEquals(S3.compose(S3.compose(a, b), c), S3.compose(a, S3.compose(b, c)));
        }
        // each row and column of a Cayley table is a permutation of the group (Latin square)
        for (int a = 0; a < 6; a++) {
            boolean[] row = new boolean[6], col = new boolean[6];
            for (int b = 0; b < 6; b++) {
                row[S3.compose(a, b)] = true;
                col[S3.compose(b, a)] = true;
            }
            for (int c = 0; c < 6; c++) assertTrue(row[c] && col[c]);
        }
    }

    @Test
    void compositionIsPermutationCompositionAndS3IsNotAbelian() {
        for (int a = 0; a < 6; a++)
            for (int b = 0; b < 6; b++) {
                int[] pa = S3.permutation(a), pb = S3.permutation(b), c = new int[3];
                for (int x = 0; x < 3; x++) c[x] = pa[pb[x]];
                assertArrayEquals(c, S3.permutation(S3.compose(a, b)));
            }
        assertFalse(S3.isAbelian());
        assertTrue(GroupTable.cyclic(6).isAbelian());
        assertTrue(GroupTable.symmetric(2).isAbelian());
        assertEquals(24, GroupTable.symmetric(4).order());
        // the three transpositions are their own inverses, the two 3-cycles each other's
        int involutions = 0;
        for (int a = 1; a < 6; a++) if (S3.inverse(a) == a) involutions++;
        assertEquals(3, involutions);
    }

    @Test
    void tableListsEveryOrderedPairOnceWithSixSamplesPerLabel() {
        assertEquals(36, S3.size());
        assertEquals(6, S3.classes());
        assertEquals(6, S3.symbols());
        int[] perLabel = new int[6];
        for (int s = 0; s < S3.size(); s++) {
            assertEquals(s, S3.indexOf(S3.first(s), S3.second(s)));
            assertEquals(S3.compose(S3.first(s), S3.second(s)), S3.label(s));
            perLabel[S3.label(s)]++;
        }
        for (int n : perLabel) assertEquals(6, n);
        assertNotEquals(S3.label(S3.indexOf(1, 3)), S3.label(S3.indexOf(3, 1)));
    }

    @Test
    void notAGroupIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GroupTable("no identity", new int[][] {{1, 0}, {0, 0}}));
        assertThrows(IllegalArgumentException.class, () -> new GroupTable("not closed", new int[][] {{0, 2}, {1, 0}}));
        // subtraction mod 3 has a right identity 0 but is not associative
        assertThrows(IllegalArgumentException.class, () -> new GroupTable("a-b", new int[][] {{0, 2, 1}, {1, 0, 2}, {2, 1, 0}}));
        assertThrows(IllegalArgumentException.class, () -> GroupTable.symmetric(5));
    }

    @Test
    void splitIsTheSharedSeededOneOverOrderedPairs() {
        // OperationTable.split (tested on AdditionTable) over S3's 36 samples: the paper's 24 / 12
        OperationTable.Split a = S3.split(24, 7);
        assertArrayEquals(a.train(), S3.split(24, 7).train());
        assertEquals(12, a.validation().length);
        assertEquals(2.0 / 3, a.trainFraction(), 1e-15);
        assertArrayEquals(a.validation(), S3.splitOf(a.train()).validation());
        assertThrows(IllegalArgumentException.class, () -> S3.split(37, 1));
    }
}
