package org.grokbench.representation;

/**
 * The operation the toy model hard-codes between the two embeddings before the decoder
 * (Liu et al. 2022): {@link #SUM} Dec(E_a + E_b) with E ∈ ℝ^d for addition and abelian groups (§2),
 * {@link #MATRIX_PRODUCT} Dec(E_a·E_b) with E ∈ ℝ^{d×d} flattened row-major for general groups
 * (App. H: "we hard code matrix multiplication of two input embedding matrices before feeding to
 * the decoder"). Each symbol's embedding is a row of {@link #embeddingWidth} numbers and the
 * decoder's input has {@link #inputWidth} numbers.
 */
public enum Composition {
    /** x = E_a + E_b, E ∈ ℝ^d. */
    SUM {
        @Override public int embeddingWidth(int d) { return d; }

        @Override
        public void combine(double[] emb, int a, int b, int d, double[] x) {
            int oa = a * d, ob = b * d;
            for (int k = 0; k < d; k++) x[k] = emb[oa + k] + emb[ob + k];
        }

        @Override
        public void accumulateGradient(double[] emb, int a, int b, int d, double[] gx, double[] gEmb) {
            int oa = a * d, ob = b * d;
            for (int k = 0; k < d; k++) {
                gEmb[oa + k] += gx[k];
                gEmb[ob + k] += gx[k];
            }
        }
    },
    /** X = E_a·E_b, E ∈ ℝ^{d×d} row-major; ∂L/∂E_a = G·E_bᵀ and ∂L/∂E_b = E_aᵀ·G for G = ∂L/∂X. */
    MATRIX_PRODUCT {
        @Override public int embeddingWidth(int d) { return d * d; }

        @Override
        public void combine(double[] emb, int a, int b, int d, double[] x) {
            int oa = a * d * d, ob = b * d * d;
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) s += emb[oa + i * d + k] * emb[ob + k * d + j];
                    x[i * d + j] = s;
                }
        }

        @Override
        public void accumulateGradient(double[] emb, int a, int b, int d, double[] gx, double[] gEmb) {
            int oa = a * d * d, ob = b * d * d;
            for (int i = 0; i < d; i++)
                for (int k = 0; k < d; k++) {
                    double ga = 0, gb = 0;
                    for (int j = 0; j < d; j++) {
                        ga += gx[i * d + j] * emb[ob + k * d + j];    // (G·E_bᵀ)[i][k]
                        gb += emb[oa + j * d + i] * gx[j * d + k];    // (E_aᵀ·G)[i][k]
                    }
                    gEmb[oa + i * d + k] += ga;
                    gEmb[ob + i * d + k] += gb;
                }
        }
    };

    /** Numbers per symbol embedding: d for a vector, d² for a d × d matrix. */
    public abstract int embeddingWidth(int d);

    /** Width of the decoder's input; the same as {@link #embeddingWidth} for both operations. */
    public int inputWidth(int d) { return embeddingWidth(d); }

    /** The decoder input x (length {@link #inputWidth}) of the pair (a, b) from the embeddings (row k = E_k). */
    public abstract void combine(double[] emb, int a, int b, int d, double[] x);

    /** Adds to {@code gEmb} the chain rule of the loss gradient {@code gx} at x through {@link #combine}. */
    public abstract void accumulateGradient(double[] emb, int a, int b, int d, double[] gx, double[] gEmb);
}
