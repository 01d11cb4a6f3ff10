package org.grokbench.cli;

import org.grokbench.data.AdditionTable;
import org.grokbench.data.OperationTable;

import org.grokbench.plot.DecoderMapFigure;
import org.grokbench.plot.EffectiveTheoryFigure;
import org.grokbench.plot.FigureExport;
import org.grokbench.plot.GrokkingRateFigure;
import org.grokbench.representation.DecoderMap;
import org.grokbench.representation.TheoryComparison;
import org.grokbench.representation.GrokkingRateSurvey;
import org.grokbench.representation.IdealRepresentation;
import org.grokbench.representation.LossKind;
import org.grokbench.representation.OptimizerChoice;
import org.grokbench.representation.PhaseCriteria;
import org.grokbench.representation.RepresentationQuality;
import org.grokbench.representation.ToyTask;
import org.grokbench.representation.ToySpec;
import org.grokbench.representation.ToyTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code grokbench repr}: the effective theory of representation learning (Liu et al. 2022) on the
 * toy addition model. Without {@code --lambda3}: trains (a, b) ↦ Dec(E_a + E_b) and prints train and
 * validation accuracy, RQI, Acc-hat and the theory's RQI over time, the ideal bounds of App. E, the
 * grokking rate λ₃ of the training set and the phase of App. A. With {@code --lambda3}: λ₃ against
 * the training fraction over many random training sets, and the critical fraction. With
 * {@code --group s3}: the permutation group S₃ of App. H, (a, b) ↦ Dec(E_a·E_b) with d × d matrix
 * embeddings and RQI over the generalized parallelograms.
 */
@Command(name = "repr", aliases = "effective-theory", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Effective theory of representation learning (Liu et al. 2022) on the toy addition model.",
                "Trains (a, b) -> Dec(E_a + E_b) and prints accuracy, RQI and the phase; with --lambda3, the grokking rate"
                        + " lambda3 against the training fraction and the critical fraction."},
        footer = {"", "Examples:", "  grokbench repr --steps 5000",
                "  grokbench repr --steps 20000 --dec-lr 1e-3 --dec-wd 1 --out out/repr.csv",
                "  grokbench repr --lambda3 --fractions lin:0.1:0.9:9 --trials 50 --out out/lambda3.csv",
                "  grokbench repr --group s3 --dim 3 --train 30 --seed 2 --repr-wd 5 --dec-lr 1e-3 --dec-wd 5",
                "  grokbench repr --steps 3000 --decoder-map out/decoder-map.png --theory out/theory.png --rate-vs-fraction out/lambda3.png", ""})
final class ReprCommand implements Callable<Integer> {
    static final String HISTORY_HEADER = "step,train_loss,train_acc,val_acc,rqi,acc_hat,theory_rqi";
    static final String LAMBDA3_HEADER = "fraction,train_count,trial,lambda3,predicted_steps";

    @Spec
    CommandSpec spec;

    @Option(names = "--lambda3", description = "Survey lambda3 against the training fraction instead of training.")
    boolean lambda3;

    @Option(names = "--fractions", paramLabel = "LIST", converter = FractionGrid.class, defaultValue = "lin:0.1:0.9:9",
            description = "Training fractions for --lambda3: lin:A:B:N or a comma list, each in (0, 1] (default: ${DEFAULT-VALUE}).")
    FractionGrid.Fractions fractions;

    @Option(names = "--trials", paramLabel = "N", converter = Trials.class, defaultValue = "50",
            description = "Random training sets per fraction for --lambda3, 1-100000 (default: ${DEFAULT-VALUE}).")
    long trials;

    @Option(names = "--steps", paramLabel = "N", converter = Bounded.Steps.class, defaultValue = "5000",
            description = "Training steps, 1-1000000 (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--every", paramLabel = "K", converter = Every.class, defaultValue = "10",
            description = "Read accuracy and RQI every K steps, 1-1000000 (default: ${DEFAULT-VALUE}).")
    long every;

    @Option(names = "--rows", paramLabel = "N", converter = Rows.class, defaultValue = "20",
            description = "Table rows printed, 1-10000 (default: ${DEFAULT-VALUE}; the CSV keeps every reading).")
    long rows;

    @Option(names = "--seed", paramLabel = "S", converter = Bounded.Seed.class, defaultValue = "58",
            description = "Seed of split, targets, initialization and minibatches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--p", paramLabel = "P", converter = Symbols.class, defaultValue = "10",
            description = "Symbols 0..p-1, 2-100 (default: ${DEFAULT-VALUE}).")
    long p;

    @Option(names = "--modular", description = "Addition modulo p instead of plain addition.")
    boolean modular;

    @Option(names = "--group", paramLabel = "addition|s3", defaultValue = "addition",
            description = "addition: Dec(E_a + E_b) over 0..p-1; s3: the permutation group S3 (App. H), Dec(E_a E_b) with"
                    + " D x D matrix embeddings, 36 ordered samples (default: ${DEFAULT-VALUE}).")
    ToyTask group;

    @Option(names = "--train", paramLabel = "N", converter = TrainCount.class,
            description = "Training samples |D|, 1 to p(p+1)/2, or 1 to 36 for s3 (default: 45 of 55 scaled to p; 24 for s3).")
    Long train;

    @Option(names = "--dim", paramLabel = "D", converter = Dim.class,
            description = "Embedding dimension, 1-64; for s3 the side of the D x D matrices, 1-16 (default: 1; 3 for s3).")
    Long dimOption;

    @Option(names = "--widths", paramLabel = "H,H,...", split = ",", hideParamSyntax = true, converter = Hidden.class, defaultValue = "200,200",
            description = "Decoder hidden widths (tanh), each 1-4096 (default: ${DEFAULT-VALUE}).")
    long[] widths;

    @Option(names = "--output-dim", paramLabel = "N", converter = OutputDim.class, defaultValue = "30",
            description = "Regression target dimension, 1-4096 (default: ${DEFAULT-VALUE}).")
    long outputDim;

    @Option(names = "--loss", paramLabel = "KIND", defaultValue = "regression",
            description = "regression (MSE to random targets) or classification (cross-entropy) (default: ${DEFAULT-VALUE}).")
    LossKind loss;

    @Option(names = "--batch", paramLabel = "N", converter = Batch.class,
            description = "Minibatch size, 1-100000 (default: full batch).")
    Long batch;

    @Option(names = "--repr-opt", paramLabel = "adam|adamw", defaultValue = "adamw",
            description = "Representation optimizer (default: ${DEFAULT-VALUE}).")
    OptKind reprOpt;

    @Option(names = "--repr-lr", paramLabel = "X", converter = LearningRate.class, defaultValue = "1e-3",
            description = "Representation learning rate, in (0, 10] (default: ${DEFAULT-VALUE}).")
    double reprLr;

    @Option(names = "--repr-wd", paramLabel = "X", converter = WeightDecay.class, defaultValue = "0",
            description = "Representation weight decay (PyTorch's), 0-100 (default: ${DEFAULT-VALUE}).")
    double reprWd;

    @Option(names = "--dec-opt", paramLabel = "adam|adamw", defaultValue = "adamw",
            description = "Decoder optimizer (default: ${DEFAULT-VALUE}).")
    OptKind decOpt;

    @Option(names = "--dec-lr", paramLabel = "X", converter = LearningRate.class, defaultValue = "1e-4",
            description = "Decoder learning rate, in (0, 10] (default: ${DEFAULT-VALUE}).")
    double decLr;

    @Option(names = "--dec-wd", paramLabel = "X", converter = WeightDecay.class, defaultValue = "0",
            description = "Decoder weight decay (PyTorch's), 0-100 (default: ${DEFAULT-VALUE}).")
    double decWd;

    @Option(names = "--init-scale", paramLabel = "S", converter = InitScale.class,
            description = "Embeddings start as U(-S/2, S/2), 0-100 (default: 1; 0.1 for s3).")
    Double initScaleOption;

    @Option(names = "--decoder-init-scale", paramLabel = "S", converter = InitScale.class, defaultValue = "1",
            description = "Factor on the decoder's default initialization, 0-100 (default: ${DEFAULT-VALUE}).")
    double decoderInitScale;

    @Option(names = "--delta", paramLabel = "X", converter = Delta.class,
            description = "Parallelogram tolerance of RQI, in (0, 10] (default: 0.01; 0.5 for s3).")
    Double deltaOption;

    @Option(names = "--train-threshold", paramLabel = "X", converter = Threshold.class, defaultValue = "0.9",
            description = "Phase: train accuracy threshold, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double trainThreshold;

    @Option(names = "--val-threshold", paramLabel = "X", converter = Threshold.class, defaultValue = "0.9",
            description = "Phase: validation accuracy threshold, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double valThreshold;

    @Option(names = "--budget", paramLabel = "N", converter = Bounded.Steps.class,
            description = "Phase: step budget, 1-1000000 (default: --steps).")
    Long budget;

    @Option(names = "--delay", paramLabel = "N", converter = Bounded.Steps.class, defaultValue = "1000",
            description = "Phase: largest validation lag that is still comprehension, 1-1000000 (default: ${DEFAULT-VALUE}).")
    long delay;

    @Option(names = "--out", paramLabel = "FILE", description = "Write every reading (or every lambda3 trial) as CSV.")
    Path out;

    @Option(names = "--decoder-map", paramLabel = "PNG", description = "Write the decoder map (Fig. 2) at the last step as PNG.")
    Path decoderMap;

    @Option(names = "--grid", paramLabel = "N", converter = Grid.class, defaultValue = "200",
            description = "Decoder map cells per axis, 2-1000 (default: ${DEFAULT-VALUE}).")
    long grid;

    @Option(names = "--theory", paramLabel = "PNG",
            description = "Write the effective theory beside the network (Fig. 4 c-d) at every reading as PNG.")
    Path theoryFigure;

    @Option(names = "--rate-vs-fraction", paramLabel = "PNG",
            description = "Write lambda3 against the training fraction (--fractions, --trials) with r_c as PNG;"
                    + " when training, this run's training set is marked.")
    Path rateFigure;

    @Mixin
    FigureSettings figures;

    enum OptKind { ADAM, ADAMW }

    static final class Grid extends Bounded.LongIn { Grid() { super("--grid", 2, 1000); } }
    static final class Trials extends Bounded.LongIn { Trials() { super("--trials", 1, 100_000); } }
    static final class Every extends Bounded.LongIn { Every() { super("--every", 1, 1_000_000); } }
    static final class Rows extends Bounded.LongIn { Rows() { super("--rows", 1, 10_000); } }
    static final class Symbols extends Bounded.LongIn { Symbols() { super("--p", 2, 100); } }
    static final class TrainCount extends Bounded.LongIn { TrainCount() { super("--train", 1, 5050); } }
    static final class Dim extends Bounded.LongIn { Dim() { super("--dim", 1, 64); } }
    static final class Hidden extends Bounded.LongIn { Hidden() { super("--widths", 1, 4096); } }
    static final class OutputDim extends Bounded.LongIn { OutputDim() { super("--output-dim", 1, 4096); } }
    static final class Batch extends Bounded.LongIn { Batch() { super("--batch", 1, 100_000); } }
    static final class LearningRate extends Bounded.DoubleIn { LearningRate() { super("--repr-lr/--dec-lr", 0, 10, true); } }
    static final class WeightDecay extends Bounded.DoubleIn { WeightDecay() { super("--repr-wd/--dec-wd", 0, 100, false); } }
    static final class InitScale extends Bounded.DoubleIn { InitScale() { super("--init-scale/--decoder-init-scale", 0, 100, false); } }
    static final class Delta extends Bounded.DoubleIn { Delta() { super("--delta", 0, 10, true); } }
    static final class Threshold extends Bounded.DoubleIn { Threshold() { super("--train-threshold/--val-threshold", 0, 1, true); } }

    long dim;
    double initScale, delta;

    @Override
    public Integer call() throws IOException {
        boolean s3 = group == ToyTask.S3;
        if (s3) {
            for (String o : new String[] {"--p", "--modular", "--lambda3", "--fractions", "--trials", "--decoder-map", "--theory",
                    "--rate-vs-fraction"})
                if (spec.commandLine().getParseResult().hasMatchedOption(o))
                    throw new UserError(o + " applies to --group addition only (s3 has its 6 permutations and no lambda3)");
            if (dimOption != null && dimOption > ToyTask.MAX_MATRIX_DIM)
                throw new UserError("--dim must be an integer in [1, " + ToyTask.MAX_MATRIX_DIM + "] for --group s3 (D x D matrices), got " + dimOption);
        }
        dim = dimOption != null ? dimOption : s3 ? ToySpec.s3Paper().embeddingDim() : 1;
        initScale = initScaleOption != null ? initScaleOption : s3 ? ToySpec.s3Paper().initScale() : 1;
        delta = deltaOption != null ? deltaOption : s3 ? RepresentationQuality.DEFAULT_GROUP_DELTA : RepresentationQuality.DEFAULT_DELTA;
        OperationTable table = group.table((int) p, modular);
        PrintWriter w = spec.commandLine().getOut();
        if (lambda3) surveyLambda3((AdditionTable) table, w);
        else train(table, w);
        w.flush();
        return ExitCodes.OK;
    }

    private void surveyLambda3(AdditionTable table, PrintWriter w) throws IOException {
        GrokkingRateSurvey s = GrokkingRateSurvey.run(table, fractions.values(), (int) trials, seed);
        w.printf(Locale.ROOT, "grokking rate lambda3 (Eq. 8) of %s, %d random training sets per fraction, seed %d%n",
                table, trials, seed);
        w.printf(Locale.ROOT, "  %-8s  %5s  %14s  %12s  %12s  %18s%n", "fraction", "|D|", "P(lambda3 > 0)",
                "mean", "median", "median 1/(l3*eta)");
        for (GrokkingRateSurvey.Row r : s.rows()) {
            double st = r.medianPredictedSteps(reprLr);
            w.printf(Locale.ROOT, "  %-8.3f  %5d  %14.3f  %12.5f  %12.5f  %18s%n", r.fraction(), r.trainCount(),
                    r.positiveShare(), r.mean(), r.median(), Double.isInfinite(st) ? "never" : String.format(Locale.ROOT, "%.0f", st));
        }
        double rc = s.criticalFraction();
        w.println(Double.isNaN(rc)
                ? "critical fraction: P(lambda3 > 0) never reaches 1/2 over these fractions"
                : String.format(Locale.ROOT, "critical fraction r_c = %.3f (P(lambda3 > 0) crosses 1/2; the paper reports about 0.4 for p = 10)", rc));
        w.printf(Locale.ROOT, "(eta = --repr-lr = %s)%n", Bounded.fmt(reprLr));
        if (rateFigure != null) saveRateFigure(s, null, w);
        if (out != null) {
            try (Writer csv = open(out)) {
                csv.write(LAMBDA3_HEADER + "\n");
                for (GrokkingRateSurvey.Row r : s.rows()) {
                    double[] l3 = r.lambda3();
                    for (int t = 0; t < l3.length; t++)
                        csv.write(String.format(Locale.ROOT, "%s,%d,%d,%s,%s%n", r.fraction(), r.trainCount(), t, l3[t],
                                l3[t] > 0 ? Double.toString(1 / (l3[t] * reprLr)) : ""));
                }
            }
        }
    }

    private void train(OperationTable table, PrintWriter w) throws IOException {
        boolean s3 = group == ToyTask.S3;
        int trainCount = train != null ? train.intValue()
                : s3 ? ToySpec.s3Paper().trainCount() : (int) Math.round(table.size() * 45.0 / 55.0);
        if (trainCount > table.size())
            throw new UserError("--train must be an integer in [1, " + table.size() + "] for "
                    + (s3 ? "--group s3" : "p = " + p) + ", got " + trainCount);
        int[] hidden = Arrays.stream(widths).mapToInt(x -> (int) x).toArray();
        ToySpec s = new ToySpec(table.symbols(), modular, (int) dim, hidden, (int) outputDim, loss, trainCount, seed,
                new OptimizerChoice(reprOpt == OptKind.ADAMW, reprLr, reprWd),
                new OptimizerChoice(decOpt == OptKind.ADAMW, decLr, decWd),
                initScale, decoderInitScale, batch != null ? batch.intValue() : trainCount, delta, group);
        ToyTraining run = new ToyTraining(s);
        w.printf(Locale.ROOT, "toy model on %s: %s embeddings, decoder %s tanh, %s; |D| = %d, |D'| = %d, batch %d, seed %d%n",
                table, s3 ? dim + "x" + dim + " matrix" : dim + "D", widthsLabel(run), loss.name().toLowerCase(Locale.ROOT), trainCount,
                table.size() - trainCount, Math.min(s.batchSize(), trainCount), seed);
        w.printf(Locale.ROOT, "representation %s lr %s wd %s; decoder %s lr %s wd %s; init scale %s%n",
                s.representation().name(), Bounded.fmt(reprLr), Bounded.fmt(reprWd), s.decoder().name(), Bounded.fmt(decLr),
                Bounded.fmt(decWd), Bounded.fmt(initScale));
        if (s3) {
            w.printf(Locale.ROOT, "App. H: (a, b) -> Dec(E_a E_b); %d generalized parallelograms E_a E_b = E_c E_d, %d within D;"
                    + " delta %s on the mean squared entry; no linear effective theory%n", run.allParallelograms().size(),
                    run.permissibleParallelograms().size(), Bounded.fmt(delta));
        } else {
            printTheory(table, run, w);
        }
        ToyTraining.ToyHistory h = run.run(steps, every);
        List<ToyTraining.Reading> readings = h.readings();
        long printEvery = Math.max(every, (long) Math.ceil(steps / (double) rows / every) * every);
        w.printf(Locale.ROOT, "  %8s  %11s  %9s  %9s  %6s  %7s  %10s%n", "step", "train_loss", "train_acc", "val_acc", "RQI",
                "Acc-hat", "theory_RQI");
        for (ToyTraining.Reading r : readings) {
            if (r.step() % printEvery != 0 && r.step() != steps) continue;
            w.printf(Locale.ROOT, "  %8d  %11.4e  %9.3f  %9.3f  %6.3f  %7.3f  %10s%n", r.step(), r.trainLoss(),
                    r.trainAccuracy(), r.validationAccuracy(), r.rqi(), r.predictedAccuracy(),
                    Double.isNaN(r.theoryRqi()) ? "-" : String.format(Locale.ROOT, "%.3f", r.theoryRqi()));
        }
        if (decoderMap != null) {
            DecoderMap map = DecoderMap.of(run.model(), run.embeddings(), run.decoder(), (int) grid, modular,
                    DecoderMapFigure.plotAspect(figures.width, figures.height));
            save(DecoderMapFigure.create(map, null, run.stepCount(), figures.options().withCaption(caption(s, run))), decoderMap, w,
                    "decoder map");
        }
        if (theoryFigure != null) {
            TheoryComparison c = TheoryComparison.of(s, h.steps(), h.embeddings().toArray(new double[0][]));
            w.printf(Locale.ROOT, "RQI > 0.95 at step %s in the network, %s in the theory; theory e-folding time 1/(lambda3*eta*|P0(D)|) = %s steps%n",
                    stepText(c.firstAbove(c.networkRqi(), 0.95)), stepText(c.firstAbove(c.theoryRqi(), 0.95)),
                    stepsText(Double.isFinite(c.theoryTimeConstant()) ? c.theoryTimeConstant() : -1));
            save(EffectiveTheoryFigure.create(c, null, figures.options().withCaption(caption(s, run))), theoryFigure, w,
                    "theory beside the network");
        }
        if (rateFigure != null) {
            GrokkingRateSurvey survey = GrokkingRateSurvey.run(additionTable(), fractions.values(), (int) trials, seed);
            w.printf(Locale.ROOT, "lambda3 survey: %d training sets per fraction, critical fraction r_c = %s%n", trials,
                    Double.isNaN(survey.criticalFraction()) ? "not reached" : String.format(Locale.ROOT, "%.3f", survey.criticalFraction()));
            saveRateFigure(survey, new GrokkingRateFigure.Split(run.split().trainFraction(), run.theory().grokkingRate(),
                    run.permissibleParallelograms().size(), reprLr), w);
        }
        PhaseCriteria criteria = new PhaseCriteria(trainThreshold, valThreshold, budget != null ? budget : steps, delay);
        PhaseCriteria.Reading phase = h.phase(criteria);
        w.printf(Locale.ROOT, "train acc >= %s at step %s, val acc >= %s at step %s, RQI > 0.95 at step %s (read every %d steps)%n",
                Bounded.fmt(trainThreshold), stepText(phase.trainStep()), Bounded.fmt(valThreshold), stepText(phase.valStep()),
                stepText(h.firstRqiAbove(0.95)), every);
        w.printf(Locale.ROOT, "phase (App. A, budget %d steps, delay < %d): %s%n", criteria.budget(), delay, phase.phase().label());
        if (out != null) {
            try (Writer csv = open(out)) {
                csv.write(HISTORY_HEADER + "\n");
                for (ToyTraining.Reading r : readings)
                    csv.write(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s%n", r.step(), r.trainLoss(), r.trainAccuracy(),
                            r.validationAccuracy(), r.rqi(), r.predictedAccuracy(), r.theoryRqi()));
            }
        }
    }

    /** The ideal model's bounds (App. E) and the effective theory's grokking rate of the addition run. */
    private void printTheory(OperationTable table, ToyTraining run, PrintWriter w) {
        IdealRepresentation ideal = IdealRepresentation.of(table, run.split());
        double l3 = run.theory().grokkingRate();
        int pd = run.permissibleParallelograms().size();
        w.printf(Locale.ROOT, "ideal model (App. E): nullity %d, RQI-bar %.3f, Acc-bar %.3f (validation part %.3f)%n",
                ideal.nullity(), ideal.rqiBar(), ideal.accBar(), ideal.validationAccBar());
        w.printf(Locale.ROOT, "effective theory: |P0(D)| = %d, lambda3 = %.5f (Eq. 8), n_h = 1/(lambda3*eta) = %s steps;"
                        + " with l0 summed over P0(D) (the authors' code) n_h = %s steps%n", pd, l3,
                stepsText(l3 > 0 ? 1 / (l3 * reprLr) : -1), stepsText(l3 > 0 ? 1 / (l3 * pd * reprLr) : -1));
    }

    private static String widthsLabel(ToyTraining run) {
        StringBuilder b = new StringBuilder();
        for (int x : run.model().widths()) b.append(b.length() == 0 ? "" : "-").append(x);
        return b.toString();
    }

    /** The addition table of --p and --modular (what the lambda3 survey draws training sets from). */
    private AdditionTable additionTable() {
        return modular ? AdditionTable.modular((int) p) : AdditionTable.addition((int) p);
    }

    private void saveRateFigure(GrokkingRateSurvey survey, GrokkingRateFigure.Split split, PrintWriter w) throws IOException {
        String what = (modular ? "modular addition" : "addition") + " p = " + p + ", seed " + seed;
        save(GrokkingRateFigure.create(survey, (int) trials, split, figures.options().withCaption(what)), rateFigure, w,
                "lambda3 against training fraction");
    }

    private String caption(ToySpec s, ToyTraining run) {
        return String.format(Locale.ROOT, "toy %s p = %d, %dD embeddings, decoder %s, |D| = %d, seed %d, repr lr %s, decoder lr %s wd %s",
                modular ? "modular addition" : "addition", p, dim, widthsLabel(run), s.trainCount(), seed, Bounded.fmt(reprLr),
                Bounded.fmt(decLr), Bounded.fmt(decWd));
    }

    private void save(org.jfree.chart.JFreeChart chart, Path file, PrintWriter w, String what) throws IOException {
        FigureExport.save(chart, file, (int) figures.width, (int) figures.height);
        w.printf(Locale.ROOT, "wrote %s: %s%n", what, file);
    }

    private static String stepsText(double steps) {
        return steps < 0 ? "infinite" : String.format(Locale.ROOT, "%.0f", steps);
    }

    private static String stepText(long step) { return step < 0 ? "never" : Long.toString(step); }

    private static Writer open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        return Files.newBufferedWriter(file);
    }
}
