package org.grokbench.analysis;

/**
 * One weight matrix inside a flat θ, described by its filters (the units of the layer: in
 * PyTorch's orientation, the rows of the weight matrix). Element {@code k} of filter {@code f} sits
 * at {@code θ[offset + f·filterStride + k·elementStride]}. Filter normalization (Li et al. 2018,
 * predicting-grokking App. G.1) rescales each filter of a direction to the norm of the same filter
 * of θ, so that slices of networks with different weight scales are comparable.
 *
 * @param name          what the block is, e.g. "E" or "W"
 * @param offset        index of element (0, 0)
 * @param filterCount   number of filters (units)
 * @param filterLength  elements per filter
 * @param filterStride  index distance between element 0 of consecutive filters
 * @param elementStride index distance between consecutive elements of one filter
 */
public record ParameterBlock(String name, int offset, int filterCount, int filterLength, int filterStride,
                             int elementStride) {
    public ParameterBlock {
        if (filterCount < 1 || filterLength < 1) throw new IllegalArgumentException("a block needs at least one filter of one element");
    }

    /** The whole of a d-vector as one filter: for the toy models, which have no layers to speak of. */
    public static ParameterBlock whole(int d) {
        return new ParameterBlock("θ", 0, 1, d, d, 1);
    }

    /** Index into θ of element {@code k} of filter {@code f}. */
    public int index(int f, int k) {
        return offset + f * filterStride + k * elementStride;
    }

    /** Number of entries of θ the block covers. */
    public int size() {
        return filterCount * filterLength;
    }
}
