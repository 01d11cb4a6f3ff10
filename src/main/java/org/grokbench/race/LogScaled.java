package org.grokbench.race;

/**
 * A test function in log scale, as App. I optimizes it: f = ln(g + ε), ∇f = ∇g / (g + ε). The
 * logarithm makes the minimum of g sharp (f → ln ε there) and its gradient large near it (about
 * 2/‖x − x*‖ where g is quadratic and far above ε), which is what lets "many optimizers fail to
 * reach it" (Fig. 24's caption) while the rest of the landscape stays well conditioned. The paper
 * does not state how it handles g = 0 at x*; we add {@value #EPSILON} so that f and ∇f stay finite
 * there (see docs/decisions/0009).
 */
public final class LogScaled implements TestFunction {
    /** ε of f = ln(g + ε): f(x*) = ln ε ≈ −9.21. With it our race reproduces the final distances a previous implementation measured (sgd 0.346, rprop 6.8e-4, adam 3.8e-5, adamax 6.6e-10 on log-Rosenbrock from (−1.5, 2.5), η = 1e-3, 10k steps). */
    public static final double EPSILON = 1e-4;

    private final TestFunction g;
    private final double epsilon;

    public LogScaled(TestFunction g) {
        this(g, EPSILON);
    }

    /** @param epsilon ε of ln(g + ε), &gt;= 0 (0: the plain logarithm, infinite at x*) */
    public LogScaled(TestFunction g, double epsilon) {
        if (!(epsilon >= 0 && Double.isFinite(epsilon))) throw new IllegalArgumentException("epsilon must be >= 0, got " + epsilon);
        this.g = g;
        this.epsilon = epsilon;
    }

    public double epsilon() { return epsilon; }

    public static LogScaled rosenbrock() { return new LogScaled(new Rosenbrock()); }
    public static LogScaled rastrigin() { return new LogScaled(new Rastrigin()); }

    /** The log-scaled function named {@code id} (rosenbrock, rastrigin). */
    public static LogScaled byId(String id) {
        return switch (id) {
            case "rosenbrock" -> rosenbrock();
            case "rastrigin" -> rastrigin();
            default -> throw new IllegalArgumentException("function must be rosenbrock or rastrigin, got '" + id + "'");
        };
    }

    /** The function before the logarithm. */
    public TestFunction base() { return g; }

    @Override public String id() { return g.id(); }
    @Override public String title() { return "log-" + g.title(); }
    @Override public int dimension() { return g.dimension(); }

    @Override
    public double value(double[] x) {
        return Math.log(g.value(x) + epsilon);
    }

    @Override
    public void gradient(double[] x, double[] out) {
        g.gradient(x, out);
        double s = 1 / (g.value(x) + epsilon);
        for (int i = 0; i < out.length; i++) out[i] *= s;
    }

    @Override public double[] optimum() { return g.optimum(); }
    @Override public double[] view() { return g.view(); }
}
