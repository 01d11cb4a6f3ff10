package org.grokbench.representation;

import org.grokbench.data.OperationTable;
import org.grokbench.optim.Optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One training run of the toy model (Liu et al. 2022, §2-4) with the effective theory run beside
 * it. Each {@link #step} draws a minibatch from D (without replacement; the whole of D when the
 * batch size is at least |D|), computes the mean loss and its gradient, and updates the
 * embeddings with the representation optimizer and the decoder with the decoder optimizer.
 *
 * <p>Beside the network, the theory's representation starts at the normalized initial embeddings
 * and follows the flow of ℓ_eff for the same training set ({@link EffectiveTheory}); one network
 * step advances it by time η·|P₀(D)| ({@link #theoryTimePerStep}), η the representation learning
 * rate. That is the authors' comparison (Fig. 4 c-d): their code takes Euler steps of size η on
 * ℓ₀/Z₀ with ℓ₀ summed, not averaged, over P₀(D), which is the flow of Eq. (5) sped up by |P₀(D)|.
 *
 * <p>For S₃ (App. H, {@link ToyTask#S3}) the embeddings are d × d matrices multiplied before the
 * decoder and RQI counts the generalized parallelograms; the effective theory is the additive
 * one, so there is none beside the network ({@link #theory()} is null, the theory's RQI NaN).
 *
 * <p>The seed is split in a fixed order: the training set ({@link OperationTable#split} with the seed
 * itself), then targets, initialization and minibatches from {@code SplittableRandom(seed)}.
 * Not thread-safe: one thread drives a run.
 */
public final class ToyTraining {
    /** The state of a run after {@code step} updates. */
    public record Reading(long step, double trainLoss, double trainAccuracy, double validationAccuracy,
                          double rqi, double predictedAccuracy, double theoryRqi) {}

    private final ToySpec spec;
    private final OperationTable table;
    private final OperationTable.Split split;
    private final ToyModel model;
    private final Parallelograms all, permissible;
    private final EffectiveTheory theory;
    private final double[] emb, dec, gEmb, gDec, theoryR;
    private final Optimizer reprOpt, decOpt;
    private final SplittableRandom batchRng;
    private final int[] train, batch;
    private final ToyModel.Workspace work;
    private long step;
    private double lastLoss = Double.NaN;

    public ToyTraining(ToySpec spec) {
        this.spec = spec;
        table = spec.table();
        split = table.split(spec.trainCount(), spec.seed());
        SplittableRandom root = new SplittableRandom(spec.seed());
        model = ToyModel.forTable(table, spec.embeddingDim(), spec.composition(), spec.hiddenWidths(), spec.outputDim(), spec.loss(),
                root.nextLong());
        emb = new double[model.embeddingSize()];
        dec = new double[model.decoderSize()];
        model.initialize(emb, dec, spec.initScale(), spec.decoderInitScale(), root.split());
        batchRng = root.split();
        gEmb = new double[emb.length];
        gDec = new double[dec.length];
        reprOpt = spec.representation().create();
        decOpt = spec.decoder().create();
        all = Parallelograms.all(table);
        train = split.train();
        permissible = Parallelograms.of(table, train);
        boolean additive = spec.composition() == Composition.SUM;
        theory = additive ? EffectiveTheory.forTrainingSet(permissible) : null;
        theoryR = additive ? RepresentationQuality.normalized(emb, table.symbols(), spec.embeddingDim()) : new double[0];
        batch = spec.batchSize() >= train.length ? train : new int[spec.batchSize()];
        work = model.workspace(table);
    }

    public ToySpec spec() { return spec; }

    public OperationTable table() { return table; }

    public OperationTable.Split split() { return split; }

    public ToyModel model() { return model; }

    /** P₀ of the full table. */
    public Parallelograms allParallelograms() { return all; }

    /** P₀(D) of the training set. */
    public Parallelograms permissibleParallelograms() { return permissible; }

    /** The effective theory of the training set; null for S₃, whose matrix product has no linear theory. */
    public EffectiveTheory theory() { return theory; }

    public long stepCount() { return step; }

    /** Effective-theory time per network step: η·|P₀(D)| (see the class comment). */
    public double theoryTimePerStep() { return theory == null ? 0 : spec.representation().lr() * permissible.size(); }

    /** Current embeddings (a copy, p·d row-major; p·d² for S₃, row k = E_k row-major). */
    public double[] embeddings() { return emb.clone(); }

    /** Current decoder parameters (a copy). */
    public double[] decoder() { return dec.clone(); }

    /** The effective theory's representation at the same step (a copy; empty for S₃). */
    public double[] theoryRepresentation() { return theoryR.clone(); }

    /** One update of both parts; returns the minibatch loss before the update. */
    public double step() {
        double loss = computeGradient();
        applyGradient(spec.representation().lr(), spec.representation().lambda(), spec.decoder().lr(), spec.decoder().lambda());
        return loss;
    }

    /**
     * The first half of {@link #step}: draws the next minibatch and computes the loss and its gradient
     * at the current parameters (kept for {@link #applyGradient}). Returns the minibatch loss; with a
     * full batch that is the training loss. A learner that measures before it updates calls this,
     * then {@link #applyGradient}: the minibatches come in the same order as {@link #step}'s.
     */
    public double computeGradient() {
        int[] b = batch;
        if (b != train) {
            int[] pool = train.clone();
            for (int i = 0; i < b.length; i++) {
                int j = i + batchRng.nextInt(pool.length - i);
                int t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
                b[i] = pool[i];
            }
        }
        lastLoss = model.lossAndGradient(emb, dec, table, b, gEmb, gDec, work);
        return lastLoss;
    }

    /**
     * The second half of {@link #step}: the representation optimizer moves the embeddings and the
     * decoder optimizer the decoder along the last computed gradient, with these learning rates
     * and engine weight decays λ (= PyTorch's weight_decay / 2, see {@link OptimizerChoice#lambda()});
     * the theory advances η·|P₀(D)| with η = {@code reprLr}.
     */
    public void applyGradient(double reprLr, double reprLambda, double decLr, double decLambda) {
        reprOpt.step(emb, gEmb, reprLr, reprLambda);
        decOpt.step(dec, gDec, decLr, decLambda);
        double dt = reprLr * permissible.size();
        if (theory != null && dt > 0) theory.flow(theoryR, spec.embeddingDim(), dt, dt);
        step++;
    }

    /** Loads a flat θ = [embeddings | decoder] (as {@link ToyModel#flatten}) into the current parameters. */
    public void setParameters(double[] theta) { model.unflatten(theta, emb, dec); }

    /** Writes the current parameters into {@code theta} as [embeddings | decoder] (overwritten). */
    public void copyParameters(double[] theta) {
        System.arraycopy(emb, 0, theta, 0, emb.length);
        System.arraycopy(dec, 0, theta, emb.length, dec.length);
    }

    /** Writes the last computed gradient into {@code g} as [embeddings | decoder] (overwritten). */
    public void copyGradient(double[] g) {
        System.arraycopy(gEmb, 0, g, 0, gEmb.length);
        System.arraycopy(gDec, 0, g, gEmb.length, gDec.length);
    }

    /** Loads a flat gradient [embeddings | decoder] as the one {@link #applyGradient} follows. */
    public void setGradient(double[] g) { model.unflatten(g, gEmb, gDec); }

    /** Mean loss over the whole training set (or the validation set) at the current parameters. */
    public double loss(boolean validation) {
        int[] samples = validation ? split.validation() : train;
        return samples.length == 0 ? Double.NaN : model.lossAndGradient(emb, dec, table, samples, null, null, work);
    }

    /** Accuracies, RQI, Acc-hat and the theory's RQI now (train loss: the last minibatch's). */
    public Reading read() {
        int d = spec.embeddingDim();
        double trainAcc = model.accuracy(emb, dec, table, train, work);
        double valAcc = model.accuracy(emb, dec, table, split.validation(), work);
        Parallelograms held = RepresentationQuality.held(all, emb, d, spec.delta(), spec.composition());
        double rqi = all.size() == 0 ? Double.NaN : held.size() / (double) all.size();
        double accHat = RepresentationQuality.predictedAccuracy(split, held);
        double theoryRqi = theory == null ? Double.NaN : RepresentationQuality.rqi(all, theoryR, d, spec.delta());
        double loss = step == 0 ? model.lossAndGradient(emb, dec, table, train, null, null, work) : lastLoss;
        return new Reading(step, loss, trainAcc, valAcc, rqi, accHat, theoryRqi);
    }

    /** Train and validation accuracy now, {train, validation}: the cheap part of {@link #read} for phase runs. */
    public double[] accuracies() {
        return new double[] {model.accuracy(emb, dec, table, train, work), model.accuracy(emb, dec, table, split.validation(), work)};
    }

    /** Runs {@code steps} updates, reading the state at step 0 and every {@code every} steps and at the end. */
    public ToyHistory run(long steps, long every) {
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        if (every < 1) throw new IllegalArgumentException("every must be >= 1, got " + every);
        List<Reading> readings = new ArrayList<>();
        List<double[]> embeddings = new ArrayList<>();
        readings.add(read());
        embeddings.add(embeddings());
        for (long s = 1; s <= steps; s++) {
            step();
            if (s % every == 0 || s == steps) {
                readings.add(read());
                embeddings.add(embeddings());
            }
        }
        return new ToyHistory(readings, embeddings);
    }

    /** Readings of a run and the embeddings at each reading. */
    public record ToyHistory(List<Reading> readings, List<double[]> embeddings) {
        public ToyHistory {
            readings = List.copyOf(readings);
            embeddings = List.copyOf(embeddings);
        }

        public long[] steps() { return readings.stream().mapToLong(Reading::step).toArray(); }

        public double[] trainAccuracy() { return readings.stream().mapToDouble(Reading::trainAccuracy).toArray(); }

        public double[] validationAccuracy() { return readings.stream().mapToDouble(Reading::validationAccuracy).toArray(); }

        /** The phase of App. A, Table 1 under {@code criteria}. */
        public PhaseCriteria.Reading phase(PhaseCriteria criteria) {
            return criteria.classify(steps(), trainAccuracy(), validationAccuracy());
        }

        /** First read step with RQI &gt; threshold (the paper's grokking step uses 0.95), −1 if none. */
        public long firstRqiAbove(double threshold) {
            for (Reading r : readings) if (r.rqi() > threshold) return r.step();
            return -1;
        }

        public Reading last() { return readings.get(readings.size() - 1); }

        @Override
        public String toString() { return "ToyHistory" + Arrays.toString(steps()); }
    }
}
