package org.grokbench.math;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** Test reference, independent of the code under test: projections computed by EJML's SVD. */
public final class ReferenceProjection {
    private ReferenceProjection() {}

    /**
     * (I − VVᵀ)v: the part of {@code v} in the null space of the rows × d matrix {@code j}
     * (row-major), V its right singular vectors above EJML's rank threshold.
     */
    public static double[] nullSpaceComponent(double[] j, int rows, int d, double[] v) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, d, false, true, true);
        svd.decompose(new DMatrixRMaj(rows, d, true, j.clone()));
        double tol = SingularOps_DDRM.singularThreshold(svd);
        DMatrixRMaj vt = svd.getV(null, true);
        double[] s = svd.getSingularValues();
        double[] out = v.clone();
        for (int t = 0; t < svd.numberOfSingularValues(); t++) {
            if (s[t] <= tol) continue;
            double dot = 0;
            for (int c = 0; c < d; c++) dot += vt.get(t, c) * v[c];
            for (int c = 0; c < d; c++) out[c] -= dot * vt.get(t, c);
        }
        return out;
    }
}
