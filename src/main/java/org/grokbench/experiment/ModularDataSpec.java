package org.grokbench.experiment;

/**
 * The modular-addition data set of geometry-of-grokking §7.1: {@code pairs} "unordered" (all
 * 0 ≤ a ≤ b &lt; p, k = p(p+1)/2) or "ordered" (all p² pairs), split with the experiment's seed into
 * a training fraction {@code trainFraction} f_s, or, when {@code testCount} &gt; 0, exactly that many
 * test pairs (App. D: 7 of 77).
 */
public record ModularDataSpec(String pairs, double trainFraction, int testCount) {}
