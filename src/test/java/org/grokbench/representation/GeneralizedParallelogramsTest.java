package org.grokbench.representation;

import org.ejml.simple.SimpleMatrix;
import org.grokbench.data.GroupTable;
import org.grokbench.data.OperationTable;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * App. H's generalized parallelograms and RQI on S₃'s matrix embeddings: exact representations
 * (the permutation matrices, the standard 2-dim irreducible one) have RQI = 1, random matrices far
 * less; RQI is invariant under scaling and orthogonal change of basis; the 3P → P deduction.
 */
public class GeneralizedParallelogramsTest {
    private static final GroupTable S3 = GroupTable.s3();
    private static final Composition M = Composition.MATRIX_PRODUCT;
    private static final double DELTA = RepresentationQuality.DEFAULT_GROUP_DELTA;

    /** P_g with P_g e_x = e_{g(x)}, rows of 9 numbers. */
    public static double[] permutationMatrices() {
        double[] e = new double[6 * 9];
        for (int g = 0; g < 6; g++) {
            int[] p = S3.permutation(g);
            for (int x = 0; x < 3; x++) e[g * 9 + p[x] * 3 + x] = 1;
        }
        return e;
    }

    /** The standard representation: P_g restricted to the plane x + y + z = 0, in an orthonormal basis. */
    static double[] standardIrrep() {
        SimpleMatrix u = new SimpleMatrix(new double[][] {
                {1 / Math.sqrt(2), 1 / Math.sqrt(6)}, {-1 / Math.sqrt(2), 1 / Math.sqrt(6)}, {0, -2 / Math.sqrt(6)}});
        double[] pm = permutationMatrices(), e = new double[6 * 4];
        for (int g = 0; g < 6; g++) {
            SimpleMatrix p = new SimpleMatrix(3, 3);
            for (int k = 0; k < 9; k++) p.set(k / 3, k % 3, pm[g * 9 + k]);
            SimpleMatrix r = u.transpose().mult(p).mult(u);
            for (int k = 0; k < 4; k++) e[g * 4 + k] = r.get(k / 2, k % 2);
        }
        return e;
    }

    private static double rqi(double[] e, int d) {
        return RepresentationQuality.rqi(Parallelograms.all(S3), e, d, DELTA, M);
    }

    @Test
    void s3HasNinetyGeneralizedParallelograms() {
        Parallelograms all = Parallelograms.all(S3);
        assertEquals(90, all.size());   // 6 labels, C(6, 2) pairs of the 6 samples of each
        for (int q = 0; q < all.size(); q++) {
            int[] s = all.symbols(q);
            assertEquals(S3.compose(s[0], s[1]), S3.compose(s[2], s[3]));
        }
        // the same pairs on an abelian group of the same order: (a, b) and (b, a) now form one too
        assertEquals(90, Parallelograms.all(GroupTable.cyclic(6)).size());
    }

    @Test
    void exactRepresentationsHaveRqiOne() {
        assertEquals(1, rqi(permutationMatrices(), 3));
        double[] rho = standardIrrep();
        assertEquals(1, rqi(rho, 2));
        // a homomorphism: rho(a) rho(b) = rho(a∘b), and injective (distinct matrices)
        double[] x = new double[4];
        for (int a = 0; a < 6; a++)
            for (int b = 0; b < 6; b++) {
                M.combine(rho, a, b, 2, x);
                for (int k = 0; k < 4; k++) assertEquals(rho[S3.compose(a, b) * 4 + k], x[k], 1e-12);
            }
    }

    @Test
    void randomMatricesHaveRqiFarBelowOne() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int d = 2; d <= 3; d++) {
            double[] e = new double[6 * d * d];
            for (int trial = 0; trial < 5; trial++) {
                for (int i = 0; i < e.length; i++) e[i] = rng.nextGaussian();
                assertTrue(rqi(e, d) < 0.2, "d = " + d + ": RQI " + rqi(e, d));
            }
        }
    }

    @Test
    void aRelabellingBreaksParallelogramsUnlessItIsAnAutomorphism() {
        double[] p = permutationMatrices();
        // conjugation by the transposition 2 is an automorphism: E'_g = P_{t g t}
        int t = 2;
        double[] conj = new double[p.length], swapped = p.clone();
        for (int g = 0; g < 6; g++)
            System.arraycopy(p, S3.compose(S3.compose(t, g), t) * 9, conj, g * 9, 9);
        assertEquals(1, rqi(conj, 3));
        // exchanging the identity's matrix with a transposition's is not
        System.arraycopy(p, t * 9, swapped, 0, 9);
        System.arraycopy(p, 0, swapped, t * 9, 9);
        double r = rqi(swapped, 3);
        assertTrue(r > 0 && r < 1, "RQI " + r);
    }

    @Test
    void rqiIsInvariantUnderScalingAndOrthogonalChangeOfBasis() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] p = permutationMatrices();
        double[] noisy = p.clone();
        for (int i = 0; i < noisy.length; i++) noisy[i] += 0.25 * rng.nextGaussian();
        double r = rqi(noisy, 3);
        assertTrue(r > 0 && r < 1, "a partly broken representation, RQI " + r);
        // a random rotation Q (Gram-Schmidt of a Gaussian matrix)
        SimpleMatrix q = SimpleMatrix.random_DDRM(3, 3, -1, 1, new java.util.Random(9)).svd().getU();
        double[] rotated = new double[noisy.length];
        for (int g = 0; g < 6; g++) {
            SimpleMatrix e = new SimpleMatrix(3, 3);
            for (int k = 0; k < 9; k++) e.set(k / 3, k % 3, noisy[g * 9 + k]);
            SimpleMatrix c = q.mult(e).mult(q.transpose());
            for (int k = 0; k < 9; k++) rotated[g * 9 + k] = c.get(k / 3, k % 3);
        }
        assertEquals(r, rqi(rotated, 3));
        for (double c : new double[] {1e-3, 0.5, -2, 40}) {
            double[] scaled = noisy.clone();
            for (int i = 0; i < scaled.length; i++) scaled[i] *= c;
            assertEquals(r, rqi(scaled, 3), "scale " + c);
        }
        // normalization: unit mean squared entry, idempotent
        double[] n = RepresentationQuality.normalized(noisy, 6, 3, M);
        double sq = 0;
        for (double v : n) sq += v * v;
        assertEquals(1, sq / n.length, 1e-12);
        assertArrayEquals(n, RepresentationQuality.normalized(n, 6, 3, M), 1e-12);
    }

    @Test
    void threeParallelogramsDeduceAFourthTwoDoNot() {
        // Eqs. (30)-(31): E_a E_d = E_b E_c, E_f E_c = E_e E_d, E_e E_h = E_f E_g  =>  E_a E_h = E_b E_g
        java.util.Random rng = new java.util.Random(11);
        SimpleMatrix a = SimpleMatrix.random_DDRM(3, 3, -1, 1, rng), b = SimpleMatrix.random_DDRM(3, 3, -1, 1, rng),
                c = SimpleMatrix.random_DDRM(3, 3, -1, 1, rng), e = SimpleMatrix.random_DDRM(3, 3, -1, 1, rng),
                g = SimpleMatrix.random_DDRM(3, 3, -1, 1, rng);
        SimpleMatrix d = a.invert().mult(b).mult(c);
        SimpleMatrix f = e.mult(d).mult(c.invert());
        SimpleMatrix h = e.invert().mult(f).mult(g);
        assertTrue(a.mult(d).minus(b.mult(c)).normF() < 1e-9);
        assertTrue(f.mult(c).minus(e.mult(d)).normF() < 1e-9);
        assertTrue(e.mult(h).minus(f.mult(g)).normF() < 1e-9);
        assertTrue(a.mult(h).minus(b.mult(g)).normF() < 1e-8, "the deduced parallelogram (a, h, b, g)");
        // with only the first two, h is free and (a, h, b, g) fails
        SimpleMatrix free = SimpleMatrix.random_DDRM(3, 3, -1, 1, rng);
        assertTrue(a.mult(free).minus(b.mult(g)).normF() > 1e-3);
    }

    @Test
    void predictedAccuracyOfAnExactRepresentationCoversEveryLabelSeenInTraining() {
        OperationTable.Split split = S3.split(24, 0);
        Parallelograms held = RepresentationQuality.held(Parallelograms.all(S3), permutationMatrices(), 3, DELTA, M);
        boolean[] seen = new boolean[6];
        for (int s : split.train()) seen[S3.label(s)] = true;
        int covered = split.train().length;
        for (int s : split.validation()) if (seen[S3.label(s)]) covered++;
        assertEquals(covered / 36.0, RepresentationQuality.predictedAccuracy(split, held), 1e-15);
    }
}
