package org.grokbench.race;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * What an {@link OptimizerRace} recorded: for each optimizer its path x_0 … x_N and the Euclidean
 * distance ‖x_t − x*‖ to the optimum at every step (the "error" of App. I's Figs. 25 and 28).
 *
 * @param function the function raced on
 * @param start    the common start x_0
 * @param lr       the learning rate every optimizer used
 * @param steps    the number of steps N
 * @param racers   one entry per optimizer, in race order
 */
public record RaceResult(TestFunction function, double[] start, double lr, int steps, List<Racer> racers) {

    /**
     * One optimizer's run. Arrays have N + 1 entries (step 0 is the start). A racer whose iterate
     * became NaN or infinite stops there: {@code divergedAt} is that step and later entries are NaN;
     * −1 when it never diverged.
     */
    public record Racer(String label, double[] x, double[] y, double[] distance, int divergedAt) {
        /** Distance to the optimum at the last finite step. */
        public double finalDistance() {
            for (int t = distance.length - 1; t >= 0; t--) if (Double.isFinite(distance[t])) return distance[t];
            return Double.NaN;
        }

        /** Smallest distance to the optimum over the race. */
        public double bestDistance() {
            double best = Double.POSITIVE_INFINITY;
            for (double d : distance) if (d < best) best = d;
            return best;
        }

        public boolean diverged() { return divergedAt >= 0; }
    }

    /** The settings in one line, for figures and tables: "from (-1.5, 2.5) · η = 0.001 · 10000 steps · ε = 1e-04". */
    public String describe() {
        String eps = function instanceof LogScaled l ? String.format(Locale.ROOT, " · ε = %.0e", l.epsilon()) : "";
        return String.format(Locale.ROOT, "from (%s, %s) · η = %s · %d steps%s", num(start[0]), num(start[1]), num(lr),
                steps, eps);
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString()
                : String.format(Locale.ROOT, "%.3g", v);
    }

    public Racer racer(String label) {
        for (Racer r : racers) if (r.label().equals(label)) return r;
        throw new IllegalArgumentException("no racer '" + label + "'; racers: "
                + racers.stream().map(Racer::label).toList());
    }
}
