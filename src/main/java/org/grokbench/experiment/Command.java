package org.grokbench.experiment;

/**
 * What a viewer may ask of a running {@link Run}. Commands go through a thread-safe queue that the
 * run loop drains between steps, so the engine's state is only ever touched by its own thread.
 */
public sealed interface Command {
    /** Applies to every trajectory. */
    int ALL = -1;

    record Pause() implements Command {}

    record Resume() implements Command {}

    /** Advance {@code steps} steps, then pause (single-stepping from a paused run). */
    record Step(int steps) implements Command {}

    record Stop() implements Command {}

    /** Set the learning rate of trajectory {@code run} (or {@link #ALL}). */
    record SetLearningRate(int run, double value) implements Command {}

    /** Set the weight decay λ of trajectory {@code run} (or {@link #ALL}). */
    record SetWeightDecay(int run, double value) implements Command {}

    /**
     * Set the decoder's learning rate of representation trajectory {@code run} (or {@link #ALL});
     * {@link SetLearningRate} sets the representation's. Ignored by other models.
     */
    record SetDecoderLearningRate(int run, double value) implements Command {}

    /** Set the decoder's weight decay λ (engine convention, PyTorch's weight_decay / 2); ignored by other models. */
    record SetDecoderWeightDecay(int run, double value) implements Command {}

    /** Limit the step rate; 0 or less means as fast as possible. */
    record SetSpeed(double stepsPerSecond) implements Command {}
}
