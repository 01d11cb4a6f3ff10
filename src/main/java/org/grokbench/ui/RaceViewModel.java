package org.grokbench.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.grokbench.race.OptimizerRace;

import java.util.Optional;

/**
 * The settings of the optimizer race tab as the user types them: the function, the common start,
 * the learning rate and the number of steps, each validated with its allowed range (the same
 * ranges as {@code grokbench race}). No toolkit needed.
 */
public final class RaceViewModel {
    /** The functions of App. I, in log scale. */
    public enum Function {
        ROSENBROCK("rosenbrock", "log-Rosenbrock"),
        RASTRIGIN("rastrigin", "log-Rastrigin");

        final String id;
        final String label;

        Function(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() { return id; }

        @Override public String toString() { return label; }
    }

    /** A valid request: what to race. */
    public record Request(Function function, double[] start, double lr, int steps) {}

    private final ObjectProperty<Function> function = new SimpleObjectProperty<>(this, "function", Function.ROSENBROCK);
    private final ValidatedValue<double[]> start = ValidatedValue.vector("start", 2, -100, 100);
    private final ValidatedValue<Double> lr = ValidatedValue.decimal("lr", 0, true, 10, false);
    private final ValidatedValue<Long> steps = ValidatedValue.integer("steps", 1, OptimizerRace.MAX_STEPS);
    private final BooleanBinding valid = Bindings.createBooleanBinding(
            () -> start.isValid() && lr.isValid() && steps.isValid(),
            start.validProperty(), lr.validProperty(), steps.validProperty());

    /** App. I's setting: log-Rosenbrock from (−1.5, 2.5), η = 1e-3, 10 000 steps. */
    public RaceViewModel() {
        start.show(new double[] {-1.5, 2.5});
        lr.show(1e-3);
        steps.show(10_000L);
    }

    public ObjectProperty<Function> functionProperty() { return function; }
    public ValidatedValue<double[]> start() { return start; }
    public ValidatedValue<Double> lr() { return lr; }
    public ValidatedValue<Long> steps() { return steps; }
    public BooleanBinding validBinding() { return valid; }

    /** The race to run, or empty while a field is invalid (its error names the field and range). */
    public Optional<Request> request() {
        Optional<double[]> s = start.parse();
        Optional<Double> l = lr.parse();
        Optional<Long> n = steps.parse();
        if (s.isEmpty() || l.isEmpty() || n.isEmpty() || function.get() == null) return Optional.empty();
        return Optional.of(new Request(function.get(), s.get(), l.get(), n.get().intValue()));
    }
}
