/**
 * Loss-landscape slices (predicting-grokking §4, App. G.1; Li et al. 2018): the training and test
 * loss and accuracy along a line f(α) = L(θ_t + αδ) or over a plane f(α, β) = L(θ_t + αδ + βη)
 * through a point of a recorded trajectory, for the paper's directions (toward the final point,
 * toward the start, the step, random, the trajectory's principal components), raw or filter
 * normalized; and the "per epoch" stack of slices along the whole trajectory (Figs. 4 and 8).
 * Engine code: no JavaFX.
 */
package org.grokbench.landscape;
