package org.grokbench.analysis;

/**
 * What the geometry probe measures for one step: dist_Z(θ_t); the cosine between the update
 * Δθ_t and the norm-minimizing direction on Z (App. D eq. 29); and the lengths of the update's
 * parts normal and tangent to Z at proj_Z(θ_t).
 */
public record GeometryReading(double distance, double cosNormMin, double normalPart, double tangentPart) {
    public static final GeometryReading NONE = new GeometryReading(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
