package org.grokbench.experiment;

/**
 * The per-step metrics a run records, in CSV column order. The loss, accuracy and norm columns
 * describe θ_t; the geometry columns describe the update that arrived at step t,
 * Δθ_{t−1} = θ_t − θ_{t−1}, measured at θ_t (NaN at step 0 and on steps where the probe did not
 * run, see {@code ProbeSpec.geometryEvery}).
 *
 * <p>The trajectory columns of predicting-grokking App. G: ‖G_t‖² = ‖∇L_train(θ_t)‖² (NaN where
 * the learner does not follow a gradient), cos(θ_{t−1}, θ_t) (NaN at step 0), cos(θ_t, θ_0); and
 * the Hessian extremes λ_max, λ_min of L_train at θ_t, on the steps the curvature probe ran
 * ({@code ProbeSpec.curvatureEvery}), NaN elsewhere.
 *
 * <p>The representation columns of the effective-theory paper (Liu et al. 2022): RQI and Acc-hat of
 * the toy model's embeddings (δ of the preset), NaN for every other model.
 */
public enum Metric {
    TRAIN_LOSS("train_loss"),
    TEST_LOSS("test_loss"),
    WEIGHT_NORM("weight_norm"),
    TRAIN_ACC("train_acc"),
    TEST_ACC("test_acc"),
    DIST_TO_ZERO_LOSS("dist_to_zero_loss"),
    COS_NORM_MIN("cos_norm_min"),
    UPDATE_NORMAL("update_normal"),
    UPDATE_TANGENT("update_tangent"),
    GRAD_NORM_SQ("grad_norm_sq"),
    COS_STEP("cos_step"),
    COS_INIT("cos_init"),
    HESSIAN_MAX("hessian_max"),
    HESSIAN_MIN("hessian_min"),
    /** Representation runs (Liu et al. 2022, Eq. 3): RQI of the embeddings; NaN for other models. */
    RQI("rqi"),
    /** Representation runs (Eq. 13): Acc-hat, the accuracy the holding parallelograms explain; NaN otherwise. */
    ACC_HAT("acc_hat");

    private final String column;

    Metric(String column) { this.column = column; }

    public String column() { return column; }

    public static final int COUNT = values().length;
}
