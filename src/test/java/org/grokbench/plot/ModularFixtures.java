package org.grokbench.plot;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.ModelSpec;
import org.grokbench.experiment.ModularDataSpec;
import org.grokbench.experiment.OptimizerSpec;
import org.grokbench.experiment.ProbeSpec;
import org.grokbench.experiment.Run;
import org.grokbench.experiment.RunSpec;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.ViewSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Embeddings with planted circles, and short modular-addition runs (computed once per test JVM). */
final class ModularFixtures {
    private static final Map<String, FigureFixtures.Finished> CACHE = new HashMap<>();

    private ModularFixtures() {}

    /**
     * E ∈ ℝ^{p×d_h} (row-major) holding perfect circles of the given frequencies, circle i on its own
     * block of hidden units with radius {@code radius[i]}, plus Gaussian noise of standard deviation
     * {@code noise}: E_j = Σ_i r_i (cos(2πjk_i/p) a_i + sin(2πjk_i/p) b_i) + ε_j, a_i ⊥ b_i unit vectors.
     */
    static double[] plantedCircles(int p, int hidden, int[] frequencies, double[] radius, double noise, long seed) {
        Random rnd = new Random(seed);
        double[] e = new double[p * hidden];
        int block = hidden / frequencies.length;
        for (int i = 0; i < frequencies.length; i++) {
            double[] a = new double[hidden], b = new double[hidden];
            for (int h = i * block; h < (i + 1) * block; h++) {
                a[h] = rnd.nextGaussian();
                b[h] = rnd.nextGaussian();
            }
            normalize(a);
            double d = 0;
            for (int h = 0; h < hidden; h++) d += a[h] * b[h];
            for (int h = 0; h < hidden; h++) b[h] -= d * a[h];
            normalize(b);
            for (int j = 0; j < p; j++) {
                double ang = 2 * Math.PI * ((long) j * frequencies[i] % p) / p;
                for (int h = 0; h < hidden; h++)
                    e[j * hidden + h] += radius[i] * (Math.cos(ang) * a[h] + Math.sin(ang) * b[h]);
            }
        }
        for (int n = 0; n < e.length; n++) e[n] += noise * rnd.nextGaussian();
        return e;
    }

    /** Gaussian E with standard deviation 1/√p, as the runs start. */
    static double[] random(int p, int hidden, long seed) {
        Random rnd = new Random(seed);
        double[] e = new double[p * hidden];
        for (int n = 0; n < e.length; n++) e[n] = rnd.nextGaussian() / Math.sqrt(p);
        return e;
    }

    private static void normalize(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        s = Math.sqrt(s);
        for (int i = 0; i < v.length; i++) v[i] /= s;
    }

    static ExperimentSpec spec(String kind, int p, int hidden, String reduction, double lr, double lambda, long steps,
                               int runs, ModularDataSpec data, int probeEvery) {
        List<RunSpec> rs = new ArrayList<>();
        for (int i = 0; i < runs; i++)
            rs.add(new RunSpec("seed " + i, lr, lambda, steps, new double[0], OptimizerSpec.gd(), i, Double.NaN));
        return new ExperimentSpec("test-" + kind, kind + " p=" + p, "", "geometry-of-grokking",
                kind.equals("modular-eq20") ? "Figure 6" : "Figure 5",
                new ModelSpec(kind, 0, p, hidden, "relu", reduction), List.of(), null, rs, 0L,
                new ProbeSpec(probeEvery, 20_000), ViewSpec.defaults(), data);
    }

    /** Eq. (20) on p = 11, d_h = 128: generalizes within a few hundred steps. */
    static synchronized FigureFixtures.Finished eq20(int runs, long steps) {
        return run("eq20-" + runs + "-" + steps, spec("modular-eq20", 11, 128, "sum", 1e-2, 0, steps, runs,
                new ModularDataSpec("unordered", 0.7, 0), 1));
    }

    /** The App. D MLP (n = 11, h = 128, 7 test pairs), probed every 10 steps. */
    static synchronized FigureFixtures.Finished mlp(int runs, long steps) {
        return run("mlp-" + runs + "-" + steps, spec("modular-mlp", 11, 128, "mean", 1.0, 5e-5, steps, runs,
                new ModularDataSpec("unordered", 0, 7), 10));
    }

    private static FigureFixtures.Finished run(String key, ExperimentSpec s) {
        FigureFixtures.Finished hit = CACHE.get(key);
        if (hit != null) return hit;
        Experiment e = Experiment.build(s);
        Snapshot end = new Run(e).runBlocking();
        FigureFixtures.Finished f = new FigureFixtures.Finished(e, end);
        CACHE.put(key, f);
        return f;
    }
}
