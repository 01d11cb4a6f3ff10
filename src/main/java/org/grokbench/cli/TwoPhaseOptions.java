package org.grokbench.cli;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.TwoPhaseSpec;
import picocli.CommandLine.Option;

/** Options shared by {@code drop-times} and {@code slow-flow}: which run, and how the phases are timed (a picocli mixin). */
final class TwoPhaseOptions {
    @Option(names = "--run", paramLabel = "I", converter = RunIndex.class,
            description = "Index (from 0) of the preset's run to use (default: the first with λ > 0).")
    Long run;

    @Option(names = "--threshold", paramLabel = "X", converter = Threshold.class,
            description = "Training loss below which the run has interpolated, in (0, 1] (default: the preset's, else 1e-5).")
    Double threshold;

    @Option(names = "--drop-fraction", paramLabel = "F", converter = Fraction.class,
            description = "The test loss has dropped at the first step where it is <= F x its value at interpolation,"
                    + " F in (0, 1) (default: the preset's, else 0.5).")
    Double dropFraction;

    static final class RunIndex extends Bounded.LongIn { RunIndex() { super("--run", 0, 7); } }

    static final class Threshold extends Bounded.DoubleIn { Threshold() { super("--threshold", 0, 1, true); } }

    static final class Fraction extends Bounded.DoubleIn {
        Fraction() { super("--drop-fraction", 0, 1, true); }

        @Override
        public Double convert(String text) {
            Double v = super.convert(text);
            if (v >= 1) throw new OptionValueException("--drop-fraction must be a number in (0, 1), got " + Bounded.quoted(text));
            return v;
        }
    }

    /** The chosen run's index; a {@link UserError} naming the runs when it has none with λ > 0 or the index is too large. */
    int runIndex(ExperimentSpec s) {
        if (run != null) {
            if (run >= s.runs().size())
                throw new UserError("--run must be an index in [0, " + (s.runs().size() - 1) + "] (" + s.id() + " has "
                        + s.runs().size() + " runs), got " + run);
            return run.intValue();
        }
        for (int i = 0; i < s.runs().size(); i++) if (s.runs().get(i).lambda() > 0) return i;
        throw new UserError(s.id() + " has no run with λ > 0; give --run and --lambdas");
    }

    TwoPhaseSpec phases(Experiment e) {
        TwoPhaseSpec d = e.twoPhase();
        return new TwoPhaseSpec(threshold != null ? threshold : d.interpolationThreshold(),
                dropFraction != null ? dropFraction : d.dropFraction());
    }

    static void requireTrainable(ExperimentSpec s) {
        if (!s.model().isTask() && s.model().isModular() && "modular-eq20".equals(s.model().kind()))
            throw new UserError(s.id() + ": the Eq. (20) dynamics have no weight decay to sweep");
    }
}
