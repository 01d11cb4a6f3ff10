package org.grokbench.experiment;

import org.grokbench.optim.Adam;
import org.grokbench.optim.GradientDescent;
import org.grokbench.optim.Momentum;
import org.grokbench.optim.Optimizer;

import java.util.List;

/**
 * An optimizer and its fixed hyperparameters. {@code momentum} is used by "momentum";
 * {@code beta1, beta2, eps} by "adam" and "adamw".
 */
public record OptimizerSpec(String name, double momentum, double beta1, double beta2, double eps) {
    public static final List<String> NAMES = List.of("gd", "momentum", "adam", "adamw");

    public static OptimizerSpec gd() { return new OptimizerSpec("gd", 0.9, 0.9, 0.999, 1e-8); }

    public Optimizer create() {
        return switch (name) {
            case "gd" -> new GradientDescent();
            case "momentum" -> new Momentum(momentum);
            case "adam" -> new Adam(beta1, beta2, eps, false);
            case "adamw" -> new Adam(beta1, beta2, eps, true);
            default -> throw new IllegalArgumentException("optimizer.name must be one of " + NAMES + ", got '" + name + "'");
        };
    }
}
