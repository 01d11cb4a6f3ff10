package org.grokbench.experiment.preset;

/**
 * What a preset picker shows: the preset's id (its file name without {@code .json}), title,
 * paper and figure it reproduces, and its classroom story.
 */
public record PresetInfo(String id, String title, String paper, String figure, String story) {
}
