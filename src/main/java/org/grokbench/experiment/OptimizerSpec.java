package org.grokbench.experiment;

import org.grokbench.optim.Adam;
import org.grokbench.optim.Adamax;
import org.grokbench.optim.GradientDescent;
import org.grokbench.optim.Momentum;
import org.grokbench.optim.Optimizer;
import org.grokbench.optim.Rprop;
import org.grokbench.optim.RmsProp;

import java.util.List;

/**
 * An optimizer and its fixed hyperparameters (PyTorch's defaults where the preset gives none).
 * Which optimizer reads which field: {@code momentum} by "momentum"; {@code beta1, beta2, eps} by
 * "adam", "adamw" and "adamax"; {@code alpha, eps} by "rmsprop"; {@code etaMinus, etaPlus, stepMin,
 * stepMax} by "rprop". The preset reader checks each field's range and names the field when it is
 * out of range; {@link #create()} checks again (the optimizers' constructors).
 */
public record OptimizerSpec(String name, double momentum, double beta1, double beta2, double eps, double alpha,
                            double etaMinus, double etaPlus, double stepMin, double stepMax) {
    public static final List<String> NAMES = List.of("gd", "momentum", "rmsprop", "rprop", "adam", "adamw", "adamax");

    public static final double DEFAULT_ALPHA = 0.99;
    public static final double DEFAULT_ETA_MINUS = 0.5, DEFAULT_ETA_PLUS = 1.2;
    public static final double DEFAULT_STEP_MIN = 1e-6, DEFAULT_STEP_MAX = 50;

    /** The fields of the first optimizers; the RMSprop and Rprop fields take PyTorch's defaults. */
    public OptimizerSpec(String name, double momentum, double beta1, double beta2, double eps) {
        this(name, momentum, beta1, beta2, eps, DEFAULT_ALPHA, DEFAULT_ETA_MINUS, DEFAULT_ETA_PLUS, DEFAULT_STEP_MIN,
                DEFAULT_STEP_MAX);
    }

    public static OptimizerSpec gd() { return named("gd"); }

    /** The named optimizer with every hyperparameter at its default (momentum 0.9, β 0.9/0.999, ε 1e-8, ...). */
    public static OptimizerSpec named(String name) { return new OptimizerSpec(name, 0.9, 0.9, 0.999, 1e-8); }

    public Optimizer create() {
        return switch (name) {
            case "gd" -> new GradientDescent();
            case "momentum" -> new Momentum(momentum);
            case "rmsprop" -> new RmsProp(alpha, eps);
            case "rprop" -> new Rprop(etaMinus, etaPlus, stepMin, stepMax);
            case "adam" -> new Adam(beta1, beta2, eps, false);
            case "adamw" -> new Adam(beta1, beta2, eps, true);
            case "adamax" -> new Adamax(beta1, beta2, eps);
            default -> throw new IllegalArgumentException("optimizer.name must be one of " + NAMES + ", got '" + name + "'");
        };
    }
}
