package org.grokbench.experiment;

/**
 * The per-step metrics a run records, in CSV column order. Geometry metrics are NaN on steps
 * where the probe did not run (see {@code ProbeSpec.geometryEvery}).
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
    UPDATE_TANGENT("update_tangent");

    private final String column;

    Metric(String column) { this.column = column; }

    public String column() { return column; }

    public static final int COUNT = values().length;
}
