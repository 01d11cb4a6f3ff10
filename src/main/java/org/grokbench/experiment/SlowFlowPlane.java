package org.grokbench.experiment;

import org.grokbench.analysis.TrajectoryPca;

import java.util.List;

/**
 * The run and its predicted slow flow in one plane (riemannian-norm-minimisation, issue 8): the PCA
 * of the run's θ at the comparison rows ({@link TrajectoryPca}, the slow phase from t_int on), with
 * the flow's points projected onto the same two components. Both paths then share axes, and a
 * flow that tracks the run lies on top of it. The plane shows only the part of the gap that lies
 * in these two directions; the full distance ‖θ_t − θ_flow‖ is in the rows.
 *
 * @param runPc1 (θ_t − θ_T)·v₁ for every row, {@code runPc2} along v₂
 * @param flowPc1 (θ_flow − θ_T)·v₁ for every row, {@code flowPc2} along v₂
 * @param firstRatio the variance share of v₁ in the run's slow phase, {@code secondRatio} of v₂
 */
public record SlowFlowPlane(double[] runPc1, double[] runPc2, double[] flowPc1, double[] flowPc2,
                            double firstRatio, double secondRatio) {

    /** The plane of these comparison rows; null with fewer than 2 rows (no plane yet). */
    public static SlowFlowPlane of(List<SlowFlowComparison.Row> rows) {
        int n = rows.size();
        if (n < 2) return null;
        double[][] thetas = new double[n][];
        for (int i = 0; i < n; i++) thetas[i] = rows.get(i).theta();
        TrajectoryPca pca = new TrajectoryPca(thetas);
        double[] f1 = new double[n], f2 = new double[n];
        for (int i = 0; i < n; i++) {
            double[] ab = pca.project(rows.get(i).flowTheta());
            f1[i] = ab[0];
            f2[i] = ab[1];
        }
        return new SlowFlowPlane(pca.alpha(), pca.beta(), f1, f2, pca.firstRatio(), pca.secondRatio());
    }

    /** The largest in-plane gap between run and flow at one step (≤ the full distance of that row). */
    public double maxGap() {
        double max = 0;
        for (int i = 0; i < runPc1.length; i++) max = Math.max(max, Math.hypot(runPc1[i] - flowPc1[i], runPc2[i] - flowPc2[i]));
        return max;
    }
}
