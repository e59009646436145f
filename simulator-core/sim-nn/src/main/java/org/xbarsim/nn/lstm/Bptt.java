package org.xbarsim.nn.lstm;

import java.util.Arrays;

/**
 * Forward and backward pass of a {@link CharLstm} over a window of {@code steps} characters of
 * {@code batch} parallel sequences: truncated backpropagation through time. The state at the end of
 * a window is carried into the next ({@link #carryState()}), the gradient is not.
 *
 * <p>One instance is one shard of a mini-batch: it owns every buffer it writes (activations,
 * gradients, state), allocated once, so shards can run on different threads and the steady state
 * allocates nothing. Arrays are laid out time-major: row {@code t * batch + b}.
 */
final class Bptt {
    private final CharLstm model;
    final int batch;
    final int steps;
    private final int hidden;
    private final int vocab;
    private final int gates;

    /** Gate activations after their nonlinearity, [steps][batch][4 hidden]. */
    private final double[] act;
    /** Cell state, [steps + 1][batch][hidden]; slice 0 is the state carried in. */
    private final double[] cell;
    /** Hidden state, [steps + 1][batch][hidden]; slice 0 is the state carried in. */
    private final double[] hid;
    /** tanh of the cell state, [steps][batch][hidden]. */
    private final double[] cellTanh;
    /** Softmax outputs, [steps][batch][vocab]. */
    private final double[] prob;

    /** Gradients, shaped and ordered like {@link CharLstm#tensors()}. */
    final double[][] grads;
    private final double[] dhNext;
    private final double[] dcNext;
    private final double[] dh;
    /** Gradient at the gate inputs of every sequence of one time step, [batch][4 hidden]. */
    private final double[] dz;
    private final double[] dy;
    /**
     * Transposed copies of the recurrent [4 hidden][hidden] and output [vocab][hidden] matrices,
     * refreshed every window: the backward pass multiplies by the transposes, and as axpy over
     * contiguous rows that vectorises, where dot products over the original rows do not (a
     * floating-point sum keeps its order). Measured at 128 units: backward pass 1.4 times as fast.
     */
    private final double[] whT;
    private final double[] wyT;

    Bptt(CharLstm model, int batch, int steps) {
        this.model = model;
        this.batch = batch;
        this.steps = steps;
        this.hidden = model.hiddenSize();
        this.vocab = model.vocabSize();
        this.gates = 4 * hidden;
        act = new double[steps * batch * gates];
        cell = new double[(steps + 1) * batch * hidden];
        hid = new double[(steps + 1) * batch * hidden];
        cellTanh = new double[steps * batch * hidden];
        prob = new double[steps * batch * vocab];
        double[][] t = model.tensors();
        grads = new double[t.length][];
        for (int i = 0; i < t.length; i++) {
            grads[i] = new double[t[i].length];
        }
        dhNext = new double[batch * hidden];
        dcNext = new double[batch * hidden];
        dh = new double[hidden];
        dz = new double[batch * gates];
        dy = new double[vocab];
        whT = new double[gates * hidden];
        wyT = new double[vocab * hidden];
    }

    /** Zero state for every sequence (start of an epoch). */
    void resetState() {
        Arrays.fill(hid, 0, batch * hidden, 0);
        Arrays.fill(cell, 0, batch * hidden, 0);
    }

    /** The state after the last window becomes the state the next window starts from. */
    void carryState() {
        int n = batch * hidden;
        System.arraycopy(hid, steps * n, hid, 0, n);
        System.arraycopy(cell, steps * n, cell, 0, n);
    }

    /** Hidden state of sequence b at the end of the last window (for tests). */
    double[] finalHidden(int b) {
        int off = (steps * batch + b) * hidden;
        return Arrays.copyOfRange(hid, off, off + hidden);
    }

    /**
     * Runs the window forward and back, overwriting {@link #grads} with the gradient of
     * {@code gradScale} times the summed cross-entropy.
     *
     * @param inputs    ids fed in, [steps][batch]
     * @param targets   ids to predict, [steps][batch]
     * @param gradScale factor on the gradient (1 / characters in the whole mini-batch gives the
     *                  gradient of the mean)
     * @return the summed cross-entropy in nats (unscaled)
     */
    double run(int[] inputs, int[] targets, double gradScale) {
        double loss = forward(inputs, targets);
        backward(inputs, targets, gradScale);
        return loss;
    }

    double forward(int[] inputs, int[] targets) {
        double[] wx = model.inputWeights;
        double[] wh = model.recurrentWeights;
        double[] bias = model.gateBias;
        double[] wy = model.outputWeights;
        double[] by = model.outputBias;
        int h4 = gates;
        double loss = 0;
        for (int t = 0; t < steps; t++) {
            int first = t * batch;
            for (int b = 0; b < batch; b++) {
                int row = first + b;
                System.arraycopy(bias, 0, act, row * h4, h4);
                Vec.axpy(1, wx, inputs[row] * h4, act, row * h4, h4);
            }
            // Row k of the recurrent matrix is applied to every sequence before moving on, so the
            // matrix (hidden x 4 hidden doubles, 512 KB at 128 units, about a core's L2) is read once
            // per time step rather than once per character. No measurable gain on this machine at
            // 128 units; it matters once the matrix outgrows the cache.
            for (int k = 0; k < hidden; k++) {
                for (int b = 0; b < batch; b++) {
                    int row = first + b;
                    Vec.axpy(hid[row * hidden + k], wh, k * h4, act, row * h4, h4);
                }
            }
            for (int b = 0; b < batch; b++) {
                int row = first + b;
                int z = row * h4;
                int prev = row * hidden;            // state slice t
                int next = (row + batch) * hidden;  // state slice t + 1
                for (int k = 0; k < hidden; k++) {
                    double i = Vec.sigmoid(act[z + k]);
                    double f = Vec.sigmoid(act[z + hidden + k]);
                    double g = StrictMath.tanh(act[z + 2 * hidden + k]);
                    double o = Vec.sigmoid(act[z + 3 * hidden + k]);
                    act[z + k] = i;
                    act[z + hidden + k] = f;
                    act[z + 2 * hidden + k] = g;
                    act[z + 3 * hidden + k] = o;
                    double c = f * cell[prev + k] + i * g;
                    double tc = StrictMath.tanh(c);
                    cell[next + k] = c;
                    cellTanh[prev + k] = tc;
                    hid[next + k] = o * tc;
                }
                int y = row * vocab;
                System.arraycopy(by, 0, prob, y, vocab);
                for (int k = 0; k < hidden; k++) {
                    Vec.axpy(hid[next + k], wy, k * vocab, prob, y, vocab);
                }
                Vec.softmax(prob, y, vocab);
                loss -= StrictMath.log(prob[y + targets[row]]);
            }
        }
        return loss;
    }

    private void backward(int[] inputs, int[] targets, double gradScale) {
        transpose(model.recurrentWeights, hidden, gates, whT);
        transpose(model.outputWeights, hidden, vocab, wyT);
        for (double[] g : grads) {
            Arrays.fill(g, 0);
        }
        // Truncation: nothing flows back from beyond the window's end.
        Arrays.fill(dhNext, 0);
        Arrays.fill(dcNext, 0);
        for (int t = steps - 1; t >= 0; t--) {
            int first = t * batch;
            for (int b = 0; b < batch; b++) {
                backwardRow(first + b, b, inputs[first + b], targets[first + b], gradScale);
            }
            recurrentGradient(first);
        }
    }

    /** One sequence at one step: the output's gradient, then back through the cell into dz. */
    private void backwardRow(int row, int b, int input, int target, double gradScale) {
        int h4 = gates;
        int z = row * h4;
        int prev = row * hidden;
        int next = (row + batch) * hidden;
        int s = b * hidden;
        int d = b * h4;
        double[] gWy = grads[3];
        // Softmax with cross-entropy: d loss / d logits = p - onehot(target).
        int y = row * vocab;
        for (int v = 0; v < vocab; v++) {
            dy[v] = prob[y + v] * gradScale;
        }
        dy[target] -= gradScale;
        Vec.axpy(1, dy, 0, grads[4], 0, vocab);
        for (int k = 0; k < hidden; k++) {
            Vec.axpy(hid[next + k], dy, 0, gWy, k * vocab, vocab);
        }
        System.arraycopy(dhNext, s, dh, 0, hidden);
        for (int v = 0; v < vocab; v++) {
            Vec.axpy(dy[v], wyT, v * hidden, dh, 0, hidden);
        }
        for (int k = 0; k < hidden; k++) {
            double i = act[z + k];
            double f = act[z + hidden + k];
            double g = act[z + 2 * hidden + k];
            double o = act[z + 3 * hidden + k];
            double tc = cellTanh[prev + k];
            double dc = dcNext[s + k] + dh[k] * o * (1 - tc * tc);
            dz[d + k] = dc * g * i * (1 - i);
            dz[d + hidden + k] = dc * cell[prev + k] * f * (1 - f);
            dz[d + 2 * hidden + k] = dc * i * (1 - g * g);
            dz[d + 3 * hidden + k] = dh[k] * tc * o * (1 - o);
            dcNext[s + k] = dc * f;
        }
        Vec.axpy(1, dz, d, grads[2], 0, h4);
        Vec.axpy(1, dz, d, grads[0], input * h4, h4);
    }

    /** The recurrent weights' gradient of a time step, and the hidden state's gradient one step back. */
    private void recurrentGradient(int first) {
        int h4 = gates;
        double[] gWh = grads[1];
        // As in the forward pass: each row of the recurrent matrix and of its gradient is used
        // for every sequence of the time step while it is in cache.
        for (int k = 0; k < hidden; k++) {
            for (int b = 0; b < batch; b++) {
                Vec.axpy(hid[(first + b) * hidden + k], dz, b * h4, gWh, k * h4, h4);
            }
        }
        Arrays.fill(dhNext, 0);
        for (int j = 0; j < h4; j++) {
            for (int b = 0; b < batch; b++) {
                Vec.axpy(dz[b * h4 + j], whT, j * hidden, dhNext, b * hidden, hidden);
            }
        }
    }

    /** out[c][r] = in[r][c] for an in of rows x cols. */
    private static void transpose(double[] in, int rows, int cols, double[] out) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = in[r * cols + c];
            }
        }
    }
}
