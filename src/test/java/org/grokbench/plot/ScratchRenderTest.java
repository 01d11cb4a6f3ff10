package org.grokbench.plot;

import org.grokbench.experiment.*;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class ScratchRenderTest {
    static ExperimentSpec spec(String kind, int p, int hidden, String reduction, double lr, double lambda,
                               long steps, int runs, ModularDataSpec data, int probeEvery) {
        List<RunSpec> rs = new ArrayList<>();
        for (int i = 0; i < runs; i++)
            rs.add(new RunSpec("seed " + i, lr, lambda, steps, new double[0], OptimizerSpec.gd(), i, Double.NaN));
        return new ExperimentSpec("test-" + kind, kind, "", "geometry-of-grokking", "Figure 6",
                new ModelSpec(kind, 0, p, hidden, "relu", reduction), List.of(), null, rs, 0L,
                new ProbeSpec(probeEvery, 20_000), ViewSpec.defaults(), data);
    }

    @Test
    void render() throws Exception {
        int p = Integer.getInteger("scratch.p", 23), dh = Integer.getInteger("scratch.dh", 256);
        long steps = Long.getLong("scratch.steps", 600);
        double lr = Double.parseDouble(System.getProperty("scratch.lr", "1e-2"));
        ExperimentSpec s = spec("modular-eq20", p, dh, "sum", lr, 0, steps, Integer.getInteger("scratch.runs", 2),
                new ModularDataSpec("unordered", 0.7, 0), 1);
        Experiment e = Experiment.build(s);
        Snapshot end = new Run(e).runBlocking();
        List<TrajectorySnapshot> runs = end.trajectories();
        Path dir = Path.of("/tmp/gb/p" + p);
        FigureOptions o = FigureOptions.defaults().withCaption("scratch p=" + p);
        FigureExport.save(FourierCirclesFigure.create(e, runs, o), dir.resolve("circles-end.png"), 1600, 1000);
        FigureExport.save(FourierCirclesFigure.create(e, runs, o.withStep(0)), dir.resolve("circles-0.png"), 1600, 1000);
        FigureExport.save(FourierFeaturesFigure.create(e, runs, o), dir.resolve("features.png"), 1600, 1000);
        FigureExport.save(EmbeddingPcaFigure.create(e, runs, o), dir.resolve("pca.png"), 1600, 1000);
        FigureExport.save(LossCurvesFigure.loss(runs, o), dir.resolve("loss.png"), 1600, 1000);
        FigureExport.save(LossCurvesFigure.accuracy(runs, o), dir.resolve("acc.png"), 1600, 1000);
    }
}
