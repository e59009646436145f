package org.xbarsim.api.inference;

/**
 * Operations a layer leaves to the digital periphery, per evaluated sample, counted by kind so that a
 * cost model can price each kind (an addition, a multiplication, a comparison and a transcendental
 * function such as exp, sigmoid or tanh cost different energy and time). Counts, not costs: the
 * workload knows what its network does, the cost model what each operation costs.
 *
 * @param additions       additions and subtractions (bias, residual add, pooling sums, softmax sums)
 * @param multiplications multiplications and divisions (pooling averages, softmax normalisation, LSTM gating)
 * @param comparisons     comparisons (ReLU, max pooling)
 * @param nonlinear       evaluations of exp, sigmoid or tanh
 */
public record DigitalOps(long additions, long multiplications, long comparisons, long nonlinear) {
    public static final DigitalOps NONE = new DigitalOps(0, 0, 0, 0);

    public DigitalOps {
        if (additions < 0 || multiplications < 0 || comparisons < 0 || nonlinear < 0) {
            throw new IllegalArgumentException("operation counts must be >= 0, got " + additions + ", "
                    + multiplications + ", " + comparisons + ", " + nonlinear);
        }
    }

    public DigitalOps plus(DigitalOps o) {
        return new DigitalOps(additions + o.additions, multiplications + o.multiplications,
                comparisons + o.comparisons, nonlinear + o.nonlinear);
    }

    public long total() {
        return additions + multiplications + comparisons + nonlinear;
    }
}
