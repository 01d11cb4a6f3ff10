package org.grokbench.experiment;

import org.grokbench.model.DiagonalLinearNetwork;
import org.grokbench.model.FactorizedMatrix;
import org.grokbench.model.LeakyReluUnit;
import org.grokbench.model.LinearModel;
import org.grokbench.model.Model;
import org.grokbench.model.ParabolaModel;
import org.grokbench.model.ReluStudent;
import org.grokbench.model.TwoLayerLinearScalar;

import java.util.List;

/**
 * Which network to train. Toy models ({@link #TOY_KINDS}, geometry-of-grokking §3) use
 * {@code inputs}; the modular-addition networks ({@link #MODULAR_KINDS}, §6-7) use {@code modulus}
 * p, {@code hidden} d_h, {@code activation} σ and the loss {@code reduction} ("sum" is Eq. (12),
 * "mean" is PyTorch's mse_loss as App. D trained with). {@code modular-mlp} trains Ŷ = σ(XE)W by an
 * optimizer; {@code modular-eq20} simulates the first-layer dynamics of Eq. (20).
 */
public record ModelSpec(String kind, int inputs, int modulus, int hidden, String activation, String reduction) {
    public static final List<String> TOY_KINDS = List.of("linear", "two-layer-linear", "leaky-relu", "parabola");
    public static final List<String> MODULAR_KINDS = List.of("modular-mlp", "modular-eq20");
    /**
     * The synthetic regression tasks of riemannian-norm-minimisation §5 ({@link RegressionTask}):
     * {@code inputs} n and, for the ReLU student, {@code hidden} m; for matrix completion
     * {@code inputs} is the side s of the s × s matrix and {@code hidden} the inner width h of U Vᵀ.
     */
    public static final List<String> TASK_KINDS = List.of("diagonal-linear", "relu-student", "matrix-completion");
    /**
     * The toy model of the effective theory of representation learning (Liu et al. 2022): its
     * settings are the experiment's {@code ToySpec} ({@link ExperimentSpec#representation()}).
     */
    public static final String REPRESENTATION = "representation";
    public static final List<String> KINDS = List.of("linear", "two-layer-linear", "leaky-relu", "parabola",
            "modular-mlp", "modular-eq20", "diagonal-linear", "relu-student", "matrix-completion", REPRESENTATION);

    /** The representation toy ({@link #REPRESENTATION}). */
    public static ModelSpec representation() {
        return new ModelSpec(REPRESENTATION, 0, 0, 0, "tanh", "mean");
    }

    public boolean isRepresentation() {
        return REPRESENTATION.equals(kind);
    }

    /** A toy model. */
    public ModelSpec(String kind, int inputs) {
        this(kind, inputs, 0, 0, "relu", "sum");
    }

    public boolean isModular() {
        return MODULAR_KINDS.contains(kind);
    }

    /** One of the generated regression tasks ({@link #TASK_KINDS}). */
    public boolean isTask() {
        return TASK_KINDS.contains(kind);
    }

    /** A regression-task model (inputs n or side s, hidden m or width h). */
    public static ModelSpec task(String kind, int inputs, int hidden) {
        return new ModelSpec(kind, inputs, 0, hidden, "relu", "sum");
    }

    /** The toy or regression-task model (not for modular kinds, which {@link Experiment} builds from the modular package). */
    public Model create() {
        return switch (kind) {
            case "linear" -> new LinearModel(inputs);
            case "two-layer-linear" -> new TwoLayerLinearScalar();
            case "leaky-relu" -> new LeakyReluUnit(inputs);
            case "parabola" -> new ParabolaModel();
            case "diagonal-linear" -> new DiagonalLinearNetwork(inputs);
            case "relu-student" -> new ReluStudent(inputs, hidden);
            case "matrix-completion" -> new FactorizedMatrix(inputs, hidden);
            default -> throw new IllegalArgumentException("model.kind must be one of " + TOY_KINDS + " or " + TASK_KINDS
                    + ", got '" + kind + "'");
        };
    }
}
