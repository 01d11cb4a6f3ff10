package org.grokbench.experiment;

/**
 * A synthetic regression task of riemannian-norm-minimisation §5, generated from the experiment's
 * seed (see {@link RegressionTask}): {@code samples} training samples (observed entries for matrix
 * completion), the structure of the ground truth ({@code sparsity} nonzeros of the sparse regressor,
 * {@code teacherHidden} units of the ReLU teacher, {@code rank} of the matrix; 0 where unused),
 * {@code testCount} held-out samples (matrix completion: every unobserved entry, so 0), the
 * accuracy tolerance |ŷ − y| &lt; tol, and how the two phases are timed ({@link TwoPhaseSpec}).
 */
public record TaskSpec(int samples, int sparsity, int teacherHidden, int rank, int testCount,
                       double accuracyTolerance, TwoPhaseSpec twoPhase) {}
