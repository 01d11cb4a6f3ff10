/**
 * The optimizer race of predicting-grokking App. I: the Rosenbrock and Rastrigin functions in log
 * scale ({@link org.grokbench.race.LogScaled}), six optimizers started from one point
 * ({@link org.grokbench.race.OptimizerRace}), and their paths and distances to the optimum
 * ({@link org.grokbench.race.RaceResult}). Engine code: no JavaFX.
 */
package org.grokbench.race;
