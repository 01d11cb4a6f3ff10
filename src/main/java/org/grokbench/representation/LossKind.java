package org.grokbench.representation;

/**
 * The two tasks of the toy model (Liu et al. 2022, §2): regression to fixed random target vectors
 * Y_c with mean squared error, the prediction being the nearest target; or classification with
 * cross-entropy over one logit per class, the prediction being the largest logit.
 */
public enum LossKind {
    /** MSE to Y_c (mean over the batch and the output dimensions, as PyTorch's {@code mean}). */
    REGRESSION,
    /** Cross-entropy of the softmax of the logits (mean over the batch). */
    CLASSIFICATION
}
