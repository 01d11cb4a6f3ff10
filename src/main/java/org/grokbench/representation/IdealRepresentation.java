package org.grokbench.representation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.grokbench.data.OperationTable;

/**
 * What an ideal model M* (zero training loss, injective decoder) learns from a training set D
 * (Liu et al. 2022, §3.2 and App. E). Its representation satisfies every equation of
 * A(P₀(D)) (Eq. 7) and hence every parallelogram that is a linear consequence of them: the rank
 * test of Eq. (14) adds q ∈ P₀ to P(D) when rank A(P₀(D) ∪ q) = rank A(P₀(D)). We test the
 * equivalent condition that q's row is orthogonal to the null space of A(P₀(D)), computed once
 * from the eigenvectors of AᵀA with eigenvalue below a relative tolerance.
 *
 * <p>Bounds (Alexander principle, Eqs. 16-17): RQI(R) ≤ RQI-bar = |P(D)|/|P₀| and
 * Acc-hat ≤ Acc-bar = Acc-hat(D, P(D)). The nullity n₀ of A(P₀(D)) is at least 2 (translation and
 * scale); n₀ = 2 means D determines the linear structure E_k = a + k·b uniquely.
 */
public final class IdealRepresentation {
    /** Eigenvalues of AᵀA below this times max(1, largest) count as zero. */
    static final double RELATIVE_TOLERANCE = 1e-9;

    private final Parallelograms permissible, implied;
    private final int nullity;
    private final double rqiBar, accBar, validationAccBar;

    private IdealRepresentation(Parallelograms permissible, Parallelograms implied, int nullity, double rqiBar, double accBar,
                                double validationAccBar) {
        this.validationAccBar = validationAccBar;
        this.permissible = permissible;
        this.implied = implied;
        this.nullity = nullity;
        this.rqiBar = rqiBar;
        this.accBar = accBar;
    }

    /**
     * The ideal model's parallelograms and bounds for the training set of {@code split}: the linear
     * (additive, {@link Composition#SUM}) theory; App. H's matrix product has no such rank test.
     */
    public static IdealRepresentation of(OperationTable table, OperationTable.Split split) {
        Parallelograms all = Parallelograms.all(table);
        Parallelograms p0d = Parallelograms.of(table, split.train());
        int p = table.symbols();
        double[][] nullBasis = nullSpace(p0d.equations(), p);
        boolean[] keep = new boolean[all.size()];
        double[] row = new double[p];
        for (int q = 0; q < all.size(); q++) {
            all.row(q, row);
            boolean inRowSpace = true;
            for (double[] v : nullBasis) {
                double s = 0;
                for (int k = 0; k < p; k++) s += v[k] * row[k];
                if (Math.abs(s) > 1e-7) {
                    inRowSpace = false;
                    break;
                }
            }
            keep[q] = inRowSpace;
        }
        Parallelograms implied = all.subset(keep);
        double rqiBar = all.size() == 0 ? Double.NaN : implied.size() / (double) all.size();
        double accBar = RepresentationQuality.predictedAccuracy(split, implied);
        return new IdealRepresentation(p0d, implied, nullBasis.length, rqiBar, accBar,
                RepresentationQuality.predictedValidationAccuracy(split, implied));
    }

    /** Ascending eigenvalues and the matching unit eigenvectors (rows) of AᵀA for A with p columns. */
    static double[][][] gramEigen(double[][] a, int p) {
        DMatrixRMaj g = new DMatrixRMaj(p, p);
        for (double[] r : a)
            for (int i = 0; i < p; i++) {
                if (r[i] == 0) continue;
                for (int j = 0; j < p; j++) g.add(i, j, r[i] * r[j]);
            }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
        if (!eig.decompose(g)) throw new IllegalStateException("eigendecomposition of AᵀA failed");
        Integer[] order = new Integer[p];
        double[] values = new double[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
            values[i] = eig.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[][] vals = new double[1][p];
        double[][] vecs = new double[p][p];
        for (int r = 0; r < p; r++) {
            vals[0][r] = values[order[r]];
            DMatrixRMaj v = eig.getEigenVector(order[r]);
            double n = 0;
            for (int k = 0; k < p; k++) n += v.get(k) * v.get(k);
            n = Math.sqrt(n);
            for (int k = 0; k < p; k++) vecs[r][k] = v.get(k) / n;
        }
        return new double[][][] {vals, vecs};
    }

    /** Count of eigenvalues that are zero up to {@link #RELATIVE_TOLERANCE}. */
    static int zeroCount(double[] ascending) {
        double top = Math.max(1, ascending[ascending.length - 1]);
        int n = 0;
        for (double v : ascending) if (v < RELATIVE_TOLERANCE * top) n++;
        return n;
    }

    /** Rows spanning the null space of A (p columns). */
    static double[][] nullSpace(double[][] a, int p) {
        double[][][] e = gramEigen(a, p);
        int n = zeroCount(e[0][0]);
        double[][] basis = new double[n][];
        for (int r = 0; r < n; r++) basis[r] = e[1][r];
        return basis;
    }

    /** P₀(D), the parallelograms the training set states explicitly. */
    public Parallelograms permissible() { return permissible; }

    /** P(D) of Eq. (14): P₀(D) and every parallelogram implied by it. */
    public Parallelograms implied() { return implied; }

    /** n₀ = nullity of A(P₀(D)): the ground states' degrees of freedom (2 = unique linear structure). */
    public int nullity() { return nullity; }

    /** RQI-bar = |P(D)| / |P₀| (Eq. 16). */
    public double rqiBar() { return rqiBar; }

    /** Acc-bar = Acc-hat(D, P(D)) (Eq. 17). */
    public double accBar() { return accBar; }

    /**
     * The validation accuracy an ideal model reaches: the share of D′ in D̄(D, P(D)). A validation
     * sample whose label no training sample has (e.g. (9, 9), label 18) can never be predicted.
     */
    public double validationAccBar() { return validationAccBar; }
}
