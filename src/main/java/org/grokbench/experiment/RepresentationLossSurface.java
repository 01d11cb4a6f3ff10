package org.grokbench.experiment;

import org.grokbench.analysis.LossSurface;
import org.grokbench.analysis.ParameterBlock;
import org.grokbench.data.OperationTable;
import org.grokbench.representation.ToyModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The toy model's full-batch training loss on D and validation loss on D′ as functions of the
 * flat θ = [embeddings | decoder], for landscape slices and the curvature probe. Blocks: the
 * embeddings (one filter per symbol) and each decoder weight matrix (one filter per output unit).
 */
final class RepresentationLossSurface implements LossSurface {
    private final RepresentationProblem problem;
    private final ToyModel model;
    private final OperationTable table;
    private final int[] train, validation;
    private final double[] emb, dec, gEmb, gDec;
    private final ToyModel.Workspace work;

    RepresentationLossSurface(RepresentationProblem problem) {
        this.problem = problem;
        this.model = problem.model();
        this.table = problem.table();
        this.train = problem.split().train();
        this.validation = problem.split().validation();
        this.emb = new double[model.embeddingSize()];
        this.dec = new double[model.decoderSize()];
        this.gEmb = new double[emb.length];
        this.gDec = new double[dec.length];
        this.work = model.workspace(table);
    }

    @Override public int dimension() { return problem.parameterCount(); }

    @Override
    public double trainLoss(double[] theta) {
        model.unflatten(theta, emb, dec);
        return model.lossAndGradient(emb, dec, table, train, null, null, work);
    }

    @Override
    public double trainGradient(double[] theta, double[] gradient) {
        model.unflatten(theta, emb, dec);
        double loss = model.lossAndGradient(emb, dec, table, train, gEmb, gDec, work);
        System.arraycopy(gEmb, 0, gradient, 0, gEmb.length);
        System.arraycopy(gDec, 0, gradient, gEmb.length, gDec.length);
        return loss;
    }

    @Override
    public double testLoss(double[] theta) {
        if (validation.length == 0) return Double.NaN;
        model.unflatten(theta, emb, dec);
        return model.lossAndGradient(emb, dec, table, validation, null, null, work);
    }

    @Override
    public double trainAccuracy(double[] theta) {
        model.unflatten(theta, emb, dec);
        return model.accuracy(emb, dec, table, train, work);
    }

    @Override
    public double testAccuracy(double[] theta) {
        model.unflatten(theta, emb, dec);
        return model.accuracy(emb, dec, table, validation, work);
    }

    /** E (p filters of d, or d² for S₃'s matrices) and each decoder layer's W (n_out filters of n_in: W is stored input-major). */
    @Override
    public List<ParameterBlock> blocks() {
        int p = problem.symbols(), d = problem.embeddingWidth();
        List<ParameterBlock> out = new ArrayList<>();
        out.add(new ParameterBlock("E", 0, p, d, d, 1));
        int[] widths = model.widths();
        int off = model.embeddingSize();
        for (int l = 0; l + 1 < widths.length; l++) {
            int nIn = widths[l], nOut = widths[l + 1];
            out.add(new ParameterBlock("W" + (l + 1), off, nOut, nIn, 1, nOut));
            off += nIn * nOut + nOut;
        }
        return out;
    }
}
