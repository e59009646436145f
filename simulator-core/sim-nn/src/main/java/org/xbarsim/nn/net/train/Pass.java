package org.xbarsim.nn.net.train;

import java.util.Arrays;
import java.util.List;
import org.xbarsim.nn.net.AvgPool2d;
import org.xbarsim.nn.net.Conv2d;
import org.xbarsim.nn.net.DigitalMultiplier;
import org.xbarsim.nn.net.Flatten;
import org.xbarsim.nn.net.Layer;
import org.xbarsim.nn.net.Linear;
import org.xbarsim.nn.net.MaxPool2d;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.net.Relu;
import org.xbarsim.nn.net.Softmax;

/**
 * One shard's forward and backward pass over some samples of a batch: the gradient of the batch's
 * mean softmax cross-entropy restricted to those samples, in the shard's own buffers. A final
 * softmax layer is left out (the loss includes it).
 */
final class Pass {
    private final Network net;
    private final List<Network.Node> nodes;
    private final int trained;
    final float[][] gradW;
    final float[][] gradB;
    double loss;
    int correct;

    Pass(Network net) {
        this.net = net;
        this.nodes = net.nodes();
        int n = nodes.size();
        this.trained = nodes.get(n - 1).layer() instanceof Softmax ? n - 1 : n;
        gradW = new float[n][];
        gradB = new float[n][];
        for (int i = 0; i < n; i++) {
            Layer l = nodes.get(i).layer();
            if (l instanceof Linear lin) {
                gradW[i] = new float[lin.weights().length];
                gradB[i] = lin.bias() == null ? null : new float[lin.outputs()];
            } else if (l instanceof Conv2d conv) {
                gradW[i] = new float[conv.weights().length];
                gradB[i] = conv.bias() == null ? null : new float[conv.outChannels()];
            }
        }
    }

    /** Layers the trainer can differentiate, in a plain sequence. */
    static void check(Network net) {
        List<Network.Node> nodes = net.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Network.Node node = nodes.get(i);
            Layer l = node.layer();
            boolean sequential = node.inputs().length == 1 && node.inputs()[0] == i - 1;
            boolean supported = l instanceof Linear || l instanceof Conv2d || l instanceof Relu
                    || l instanceof MaxPool2d || l instanceof AvgPool2d || l instanceof Flatten
                    || l instanceof Softmax && i == nodes.size() - 1;
            if (!sequential || !supported) {
                throw new IllegalArgumentException("layer " + l.name() + " (" + l.kind() + "): the trainer takes a "
                        + "sequence of conv2d, linear, relu, maxpool, avgpool and flatten layers, with at most a final "
                        + "softmax");
            }
        }
        int[] out = nodes.get(nodes.size() - 1).shape();
        if (out.length != 1) {
            throw new IllegalArgumentException("expected a network ending in class scores (a 1-D output), got "
                    + Arrays.toString(out));
        }
    }

    /**
     * Accumulates (from zero) this shard's gradient for samples {@code x} (n of them) with labels.
     *
     * @param batchRows the whole batch's size: the loss is the batch mean
     */
    void run(float[] x, int[] labels, int n, int batchRows) {
        for (int i = 0; i < gradW.length; i++) {
            if (gradW[i] != null) {
                Arrays.fill(gradW[i], 0f);
            }
            if (gradB[i] != null) {
                Arrays.fill(gradB[i], 0f);
            }
        }
        loss = 0;
        correct = 0;
        if (n == 0) {
            return;
        }
        DigitalMultiplier m = new DigitalMultiplier(net.matrices());
        float[][] values = new float[trained][];
        for (int i = 0; i < trained; i++) {
            Network.Node node = nodes.get(i);
            float[] in = i == 0 ? x : values[i - 1];
            values[i] = node.layer().forward(List.of(in), List.of(shapeIn(i)), n, m, node.firstMatrix());
        }
        int classes = nodes.get(trained - 1).shape()[0];
        float[] dy = lossGradient(values[trained - 1], labels, n, classes, batchRows);
        for (int i = trained - 1; i >= 0; i--) {
            float[] in = i == 0 ? x : values[i - 1];
            dy = backward(i, in, values[i], dy, n, i > 0);
        }
    }

    private int[] shapeIn(int i) {
        return i == 0 ? net.inputShape() : nodes.get(i - 1).shape();
    }

    /** d(mean loss)/d(logits) = (softmax - one-hot) / batch; also the loss and the hits. */
    private float[] lossGradient(float[] logits, int[] labels, int n, int classes, int batchRows) {
        float[] d = new float[n * classes];
        float scale = 1f / batchRows;
        for (int b = 0; b < n; b++) {
            int off = b * classes;
            float max = logits[off];
            int best = 0;
            for (int j = 1; j < classes; j++) {
                if (logits[off + j] > max) {
                    max = logits[off + j];
                    best = j;
                }
            }
            if (best == labels[b]) {
                correct++;
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                sum += StrictMath.exp((double) logits[off + j] - max);
            }
            loss += StrictMath.log(sum) - ((double) logits[off + labels[b]] - max);
            for (int j = 0; j < classes; j++) {
                double p = StrictMath.exp((double) logits[off + j] - max) / sum;
                d[off + j] = (float) ((p - (j == labels[b] ? 1 : 0)) * scale);
            }
        }
        return d;
    }

    private float[] backward(int i, float[] x, float[] y, float[] dy, int n, boolean needDx) {
        Layer l = nodes.get(i).layer();
        int[] in = shapeIn(i);
        int inSize = Layer.size(in);
        float[] dx = needDx ? new float[n * inSize] : null;
        if (l instanceof Linear lin) {
            int rows = n * inSize / lin.inputs();
            Backprop.matrix(x, lin.weights(), dy, rows, lin.inputs(), lin.outputs(), gradW[i], dx);
            if (gradB[i] != null) {
                Backprop.bias(dy, rows, lin.outputs(), gradB[i]);
            }
        } else if (l instanceof Conv2d conv) {
            int positions = Layer.size(nodes.get(i).shape()) / conv.outChannels();
            float[] dyRows = new float[dy.length];
            for (int b = 0; b < n; b++) {
                for (int o = 0; o < conv.outChannels(); o++) {
                    for (int p = 0; p < positions; p++) {
                        dyRows[(b * positions + p) * conv.outChannels() + o] = dy[(b * conv.outChannels() + o) * positions + p];
                    }
                }
            }
            float[] patches = Conv2d.im2col(x, n, in, conv.window());
            int rows = n * positions;
            float[] dPatches = needDx ? new float[rows * conv.patch()] : null;
            Backprop.matrix(patches, conv.weights(), dyRows, rows, conv.patch(), conv.outChannels(), gradW[i], dPatches);
            if (gradB[i] != null) {
                Backprop.bias(dyRows, rows, conv.outChannels(), gradB[i]);
            }
            if (needDx) {
                Backprop.col2im(dPatches, n, in, conv.window(), dx);
            }
        } else if (!needDx) {
            return null;
        } else if (l instanceof Relu) {
            for (int k = 0; k < dx.length; k++) {
                dx[k] = y[k] > 0f ? dy[k] : 0f;
            }
        } else if (l instanceof MaxPool2d pool) {
            Backprop.maxPool(x, dy, n, in, pool.window(), dx);
        } else if (l instanceof AvgPool2d pool) {
            Backprop.avgPool(x, dy, n, in, pool.window(), pool.countIncludePad(), dx);
        } else {
            System.arraycopy(dy, 0, dx, 0, dx.length); // flatten
        }
        return dx;
    }
}
