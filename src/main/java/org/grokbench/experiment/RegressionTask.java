package org.grokbench.experiment;

import org.grokbench.data.Dataset;
import org.grokbench.math.VecOps;
import org.grokbench.model.DiagonalLinearNetwork;
import org.grokbench.model.FactorizedMatrix;
import org.grokbench.model.Model;
import org.grokbench.model.ReluStudent;
import org.grokbench.modular.ModularAdditionData;

import java.util.Random;

/**
 * The three synthetic regression tasks on which the two phases of training with small weight decay
 * are visible (riemannian-norm-minimisation §5), generated from a seed: the model, the training
 * samples, the held-out samples and the ground truth. Same spec + same seed = same task.
 * <ul>
 *   <li>{@code diagonal-linear}: sparse regression, y = β*·x with x ~ N(0, I_n), β* with
 *       {@code sparsity} entries ±1 at random places, {@code samples} &lt; n training samples;</li>
 *   <li>{@code relu-student}: y = Σ_k relu(w*_k·x) (a ReLU teacher of {@code teacherHidden} unit-norm
 *       units, output weights 1) with x ~ N(0, I_n), fitted by a wider student;</li>
 *   <li>{@code matrix-completion}: M* = A Bᵀ/√r with A, B ∈ ℝ^{s×r} standard normal (rank r), of which
 *       {@code samples} entries, drawn without replacement, are observed; every other entry is a test
 *       sample.</li>
 * </ul>
 * θ₀ of every task is i.i.d. N(0, initStd²) from the run's own seed ({@link #initialParameters}).
 */
public final class RegressionTask {
    /** Init scale when a run gives none: large enough for the unregularized flow to stay "lazy". */
    public static final double DEFAULT_INIT_STD = 1.0;

    private final Model model;
    private final Dataset train;
    private final Dataset test;

    private RegressionTask(Model model, Dataset train, Dataset test) {
        this.model = model;
        this.train = train;
        this.test = test;
    }

    public Model model() { return model; }
    public Dataset train() { return train; }
    public Dataset test() { return test; }

    public static boolean isTask(String kind) {
        return ModelSpec.TASK_KINDS.contains(kind);
    }

    /** Generates the task of {@code model} (a {@link ModelSpec#TASK_KINDS} kind) with {@code seed}. */
    public static RegressionTask generate(ModelSpec model, TaskSpec task, long seed) {
        Random rng = new Random(seed);
        return switch (model.kind()) {
            case "diagonal-linear" -> sparseRegression(model.inputs(), task, rng);
            case "relu-student" -> teacherStudent(model.inputs(), model.hidden(), task, rng);
            case "matrix-completion" -> matrixCompletion(model.inputs(), model.hidden(), task, rng);
            default -> throw new IllegalArgumentException("not a regression task: " + model.kind());
        };
    }

    private static RegressionTask sparseRegression(int n, TaskSpec task, Random rng) {
        double[] beta = new double[n];
        int[] order = ModularAdditionData.shuffledIndices(n, rng.nextLong());
        for (int k = 0; k < task.sparsity(); k++) beta[order[k]] = rng.nextBoolean() ? 1 : -1;
        Model model = new DiagonalLinearNetwork(n);
        return new RegressionTask(model, gaussian(task.samples(), n, rng, x -> VecOps.dot(beta, x)),
                gaussian(task.testCount(), n, rng, x -> VecOps.dot(beta, x)));
    }

    private static RegressionTask teacherStudent(int n, int hidden, TaskSpec task, Random rng) {
        double[][] w = new double[task.teacherHidden()][n];
        for (double[] row : w) {
            for (int k = 0; k < n; k++) row[k] = rng.nextGaussian();
            double norm = Math.sqrt(VecOps.dot(row, row));
            for (int k = 0; k < n; k++) row[k] /= norm;
        }
        java.util.function.ToDoubleFunction<double[]> teacher = x -> {
            double s = 0;
            for (double[] row : w) s += Math.max(0, VecOps.dot(row, x));
            return s;
        };
        Model model = new ReluStudent(n, hidden);
        return new RegressionTask(model, gaussian(task.samples(), n, rng, teacher), gaussian(task.testCount(), n, rng, teacher));
    }

    private static RegressionTask matrixCompletion(int s, int width, TaskSpec task, Random rng) {
        int r = task.rank();
        double[][] a = new double[s][r], b = new double[s][r];
        for (int i = 0; i < s; i++) for (int k = 0; k < r; k++) a[i][k] = rng.nextGaussian();
        for (int i = 0; i < s; i++) for (int k = 0; k < r; k++) b[i][k] = rng.nextGaussian();
        int[] order = ModularAdditionData.shuffledIndices(s * s, rng.nextLong());
        int observed = task.samples();
        double[][] xTrain = new double[observed][], yTrain = new double[observed][];
        double[][] xTest = new double[s * s - observed][], yTest = new double[s * s - observed][];
        for (int e = 0; e < s * s; e++) {
            int i = order[e] / s, j = order[e] % s;
            double m = VecOps.dot(a[i], b[j]) / Math.sqrt(r);
            double[] x = {i, j}, y = {m};
            if (e < observed) {
                xTrain[e] = x;
                yTrain[e] = y;
            } else {
                xTest[e - observed] = x;
                yTest[e - observed] = y;
            }
        }
        return new RegressionTask(new FactorizedMatrix(s, width), new Dataset(xTrain, yTrain), new Dataset(xTest, yTest));
    }

    /** θ₀ ~ N(0, std²·I) drawn with {@code seed} (std NaN: {@link #DEFAULT_INIT_STD}). */
    public double[] initialParameters(long seed, double std) {
        double s = Double.isNaN(std) ? DEFAULT_INIT_STD : std;
        Random rng = new Random(seed);
        double[] theta = new double[model.parameterCount()];
        for (int j = 0; j < theta.length; j++) theta[j] = s * rng.nextGaussian();
        return theta;
    }

    private static Dataset gaussian(int count, int n, Random rng, java.util.function.ToDoubleFunction<double[]> label) {
        double[][] xs = new double[count][n], ys = new double[count][1];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < n; k++) xs[i][k] = rng.nextGaussian();
            ys[i][0] = label.applyAsDouble(xs[i]);
        }
        return new Dataset(xs, ys);
    }

}
