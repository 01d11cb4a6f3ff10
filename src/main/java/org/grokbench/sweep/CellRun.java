package org.grokbench.sweep;

import org.grokbench.experiment.ExperimentSpec;
import org.grokbench.experiment.Snapshot;
import org.grokbench.experiment.TrajectorySnapshot;

/**
 * A finished cell run as {@link CellMeasure}s see it: the spec it ran (one run, the swept values
 * applied), the run's final snapshot and its one trajectory (final metrics, exact milestones and
 * history).
 */
public record CellRun(ExperimentSpec spec, Snapshot result, TrajectorySnapshot trajectory) {}
