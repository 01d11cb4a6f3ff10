package org.grokbench.experiment;

import org.grokbench.model.LeakyReluUnit;
import org.grokbench.model.LinearModel;
import org.grokbench.model.Model;
import org.grokbench.model.ParabolaModel;
import org.grokbench.model.TwoLayerLinearScalar;

import java.util.List;

/** Which toy network to train: {@code kind} one of {@link #KINDS}; {@code inputs} for linear and leaky-relu. */
public record ModelSpec(String kind, int inputs) {
    public static final List<String> KINDS = List.of("linear", "two-layer-linear", "leaky-relu", "parabola");

    public Model create() {
        return switch (kind) {
            case "linear" -> new LinearModel(inputs);
            case "two-layer-linear" -> new TwoLayerLinearScalar();
            case "leaky-relu" -> new LeakyReluUnit(inputs);
            case "parabola" -> new ParabolaModel();
            default -> throw new IllegalArgumentException("model.kind must be one of " + KINDS + ", got '" + kind + "'");
        };
    }
}
