package org.grokbench.race;

import org.grokbench.experiment.OptimizerSpec;
import org.grokbench.optim.Optimizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The race of App. I: sgd, momentum, rmsprop, rprop, adam and adamax (the paper's acronyms) start
 * from one point and take N full-batch steps on a test function with one learning rate, no weight
 * decay. Hyperparameters other than η are PyTorch's defaults (momentum 0.9). Nothing is random:
 * the same function, start, η and N give the same paths bit for bit.
 */
public final class OptimizerRace {
    /** Largest N: six paths of N + 1 points (x, y, distance) stay under ~30 MB. */
    public static final int MAX_STEPS = 200_000;

    /** An entrant: the paper's acronym and the optimizer behind it. */
    public record Entrant(String label, OptimizerSpec optimizer) {}

    /** The six optimizers of App. I, in the paper's order. */
    public static final List<Entrant> PAPER_ENTRANTS = List.of(
            new Entrant("sgd", OptimizerSpec.named("gd")),
            new Entrant("momentum", OptimizerSpec.named("momentum")),
            new Entrant("rmsprop", OptimizerSpec.named("rmsprop")),
            new Entrant("rprop", OptimizerSpec.named("rprop")),
            new Entrant("adam", OptimizerSpec.named("adam")),
            new Entrant("adamax", OptimizerSpec.named("adamax")));

    private final List<Entrant> entrants;

    public OptimizerRace() {
        this(PAPER_ENTRANTS);
    }

    public OptimizerRace(List<Entrant> entrants) {
        if (entrants.isEmpty()) throw new IllegalArgumentException("a race needs at least one entrant");
        this.entrants = List.copyOf(entrants);
    }

    public List<Entrant> entrants() { return entrants; }

    /**
     * Runs every entrant for {@code steps} steps from {@code start}.
     *
     * @param lr    learning rate, &gt; 0 and finite
     * @param steps N in [1, {@value #MAX_STEPS}]
     */
    public RaceResult run(TestFunction f, double[] start, double lr, int steps) {
        if (f.dimension() != 2) throw new IllegalArgumentException("the race is drawn in the plane: dimension must be 2");
        if (start.length != 2 || !Double.isFinite(start[0]) || !Double.isFinite(start[1]))
            throw new IllegalArgumentException("start must be 2 finite numbers");
        if (!(lr > 0 && Double.isFinite(lr))) throw new IllegalArgumentException("lr must be > 0, got " + lr);
        if (steps < 1 || steps > MAX_STEPS)
            throw new IllegalArgumentException("steps must be in [1, " + MAX_STEPS + "], got " + steps);
        List<RaceResult.Racer> racers = new ArrayList<>();
        for (Entrant e : entrants) racers.add(race(e, f, start, lr, steps));
        return new RaceResult(f, start.clone(), lr, steps, List.copyOf(racers));
    }

    private static RaceResult.Racer race(Entrant e, TestFunction f, double[] start, double lr, int steps) {
        Optimizer opt = e.optimizer().create();
        double[] opt0 = f.optimum();
        double[] theta = start.clone(), g = new double[2];
        double[] xs = new double[steps + 1], ys = new double[steps + 1], dist = new double[steps + 1];
        java.util.Arrays.fill(xs, Double.NaN);
        java.util.Arrays.fill(ys, Double.NaN);
        java.util.Arrays.fill(dist, Double.NaN);
        int diverged = -1;
        for (int t = 0; ; t++) {
            if (!Double.isFinite(theta[0]) || !Double.isFinite(theta[1])) {
                diverged = t;
                break;
            }
            xs[t] = theta[0];
            ys[t] = theta[1];
            dist[t] = Math.hypot(theta[0] - opt0[0], theta[1] - opt0[1]);
            if (t == steps) break;
            f.gradient(theta, g);
            opt.step(theta, g, lr, 0);
        }
        return new RaceResult.Racer(e.label(), xs, ys, dist, diverged);
    }
}
