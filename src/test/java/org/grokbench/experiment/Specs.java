package org.grokbench.experiment;

import java.util.ArrayList;
import java.util.List;

/** Hand-built specs for engine tests (independent of the preset files). */
final class Specs {
    private Specs() {}

    /** 1 + 1 = 2 on ŷ = w1x1 + w2x2 from (−1, 1), one run per λ. */
    static ExperimentSpec onePlusOne(double lr, long steps, double... lambdas) {
        List<RunSpec> runs = new ArrayList<>();
        for (double l : lambdas) {
            runs.add(new RunSpec("λ=" + l, lr, l, steps, new double[] {-1, 1}, OptimizerSpec.gd()));
        }
        return new ExperimentSpec("test-1+1", "1 + 1 = 2", "", "geometry-of-grokking", "Figure 1",
                new ModelSpec("linear", 2),
                List.of(new Sample(new double[] {1, 1}, new double[] {2})),
                new TestSetSpec(100, 1.0, new double[] {1, 1}, 0.1),
                runs, 0L, ProbeSpec.defaults(), ViewSpec.defaults());
    }
}
