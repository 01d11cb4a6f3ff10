package org.grokbench.experiment;

import java.util.List;

/**
 * An immutable picture of a whole {@link Run} for viewers: status, a message (why it stopped,
 * what diverged), the measured step rate, and each trajectory. {@code version} grows with every
 * publication, so a viewer can skip a snapshot it has already applied.
 */
public record Snapshot(long version, RunStatus status, String message, double stepsPerSecond,
                       List<TrajectorySnapshot> trajectories) {
    public Snapshot {
        trajectories = List.copyOf(trajectories);
    }

    /** The shared timeline position: the furthest step any trajectory has reached. */
    public long step() {
        return trajectories.stream().mapToLong(TrajectorySnapshot::step).max().orElse(0);
    }
}
