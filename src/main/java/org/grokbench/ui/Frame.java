package org.grokbench.ui;

import org.grokbench.experiment.Experiment;
import org.grokbench.experiment.HistoryView;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.TrajectorySnapshot;
import org.grokbench.plot.FigureOptions;

import java.util.List;

/**
 * What every panel draws in one pulse: the experiment, the latest snapshot of its run, and the
 * timeline position. While the timeline is live the panels show the latest step; once the user
 * drags it they show {@code viewStep} while the run keeps recording.
 *
 * @param experiment the experiment the snapshot belongs to
 * @param snapshot   the latest published snapshot (immutable)
 * @param viewStep   the step the timeline points at (ignored while live)
 * @param live       whether the timeline follows the run
 */
public record Frame(Experiment experiment, Snapshot snapshot, long viewStep, boolean live) {

    /** The step every panel shows. */
    public long step() {
        return live ? snapshot.step() : Math.min(viewStep, snapshot.step());
    }

    /** The step for {@link FigureOptions#step()}: {@link FigureOptions#LATEST} while live. */
    public long figureStep() {
        return live ? FigureOptions.LATEST : step();
    }

    public List<TrajectorySnapshot> trajectories() {
        return snapshot.trajectories();
    }

    /** The history row of trajectory {@code i} at the shown step; -1 when nothing is recorded yet. */
    public int row(int i) {
        HistoryView h = snapshot.trajectories().get(i).history();
        return h.size() == 0 ? -1 : h.rowAtOrBefore(step());
    }
}
