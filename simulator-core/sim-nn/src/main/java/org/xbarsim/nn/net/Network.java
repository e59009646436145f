package org.xbarsim.nn.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbarsim.api.inference.LayerWork;

/**
 * A network: layers in evaluation order, each reading the network input or earlier layers' outputs
 * (a sequence, or a small graph with residual adds). Every shape is checked when the network is
 * built, so a network that exists can run. Its graph is immutable and {@link #forward} may run
 * concurrently; the weight arrays are shared with its layers, and only a trainer writes them.
 */
public final class Network {
    /** The index {@link Node#inputs()} uses for the network's own input. */
    public static final int INPUT = -1;
    /** The name a description uses for the network's own input. */
    public static final String INPUT_NAME = "input";

    /**
     * One layer in the graph.
     *
     * @param layer       the layer
     * @param inputs      indices of the nodes it reads ({@link #INPUT} for the network input)
     * @param shape       its per-sample output shape
     * @param firstMatrix index of its first weight matrix in {@link #matrices()}
     */
    public record Node(Layer layer, int[] inputs, int[] shape, int firstMatrix) {
    }

    private final int[] inputShape;
    private final List<Node> nodes;
    private final List<WeightMatrix> matrices;

    private Network(int[] inputShape, List<Node> nodes, List<WeightMatrix> matrices) {
        this.inputShape = inputShape;
        this.nodes = List.copyOf(nodes);
        this.matrices = List.copyOf(matrices);
    }

    public static Builder builder(int[] inputShape) {
        return new Builder(inputShape);
    }

    /** Per-sample input shape. */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Per-sample output shape (the last layer's). */
    public int[] outputShape() {
        return nodes.get(nodes.size() - 1).shape().clone();
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Every weight matrix, in layer order: what is programmed into tiles. */
    public List<WeightMatrix> matrices() {
        return matrices;
    }

    /** Floating point: {@link #forward(float[], int, Multiplier)} with the network's own weights. */
    public float[] forward(float[] x, int batch) {
        return forward(x, batch, new DigitalMultiplier(matrices));
    }

    /**
     * Runs {@code batch} samples stored one after another in {@code x}; returns the last layer's
     * outputs, sample after sample. Matrix products go through {@code m}; the rest is computed here.
     */
    public float[] forward(float[] x, int batch, Multiplier m) {
        int in = Layer.size(inputShape);
        if (batch < 0 || (long) batch * in > x.length) {
            throw new IllegalArgumentException("expected " + batch + " samples of " + in + " values, got an array of "
                    + x.length);
        }
        int[] lastUse = new int[nodes.size()];
        for (int n = 0; n < nodes.size(); n++) {
            for (int i : nodes.get(n).inputs()) {
                if (i != INPUT) {
                    lastUse[i] = n;
                }
            }
        }
        float[][] values = new float[nodes.size()][];
        for (int n = 0; n < nodes.size(); n++) {
            Node node = nodes.get(n);
            List<float[]> args = new ArrayList<>(2);
            List<int[]> shapes = new ArrayList<>(2);
            for (int i : node.inputs()) {
                args.add(i == INPUT ? x : values[i]);
                shapes.add(i == INPUT ? inputShape : nodes.get(i).shape());
            }
            values[n] = node.layer().forward(args, shapes, batch, m, node.firstMatrix());
            for (int i : node.inputs()) {
                if (i != INPUT && lastUse[i] == n) {
                    values[i] = null; // no longer needed: a batch of feature maps is large
                }
            }
        }
        return values[nodes.size() - 1];
    }

    /** What each layer asks of the chip per sample, in layer order. */
    public List<LayerWork> work() {
        List<LayerWork> work = new ArrayList<>();
        for (Node node : nodes) {
            int[] in = node.inputs()[0] == INPUT ? inputShape : nodes.get(node.inputs()[0]).shape();
            List<Integer> ids = new ArrayList<>();
            for (int k = 0; k < node.layer().matrices().size(); k++) {
                ids.add(node.firstMatrix() + k);
            }
            work.add(new LayerWork(node.layer().name(), node.layer().kind(), ids, node.layer().multipliesPerSample(in),
                    node.layer().digitalOps(in)));
        }
        return work;
    }

    /** Adds layers one at a time, checking each one's shapes against what it reads. */
    public static final class Builder {
        private final int[] inputShape;
        private final List<Node> nodes = new ArrayList<>();
        private final List<WeightMatrix> matrices = new ArrayList<>();
        private final Map<String, Integer> byName = new HashMap<>();

        private Builder(int[] inputShape) {
            if (inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(d -> d < 1)) {
                throw new IllegalArgumentException("expected an input shape of positive sizes, got "
                        + Shapes.text(inputShape));
            }
            this.inputShape = inputShape.clone();
        }

        /**
         * Adds a layer reading the named nodes ({@value #INPUT_NAME} for the network input); with no
         * names, the previous layer (or the input, for the first).
         *
         * @throws IllegalArgumentException "layer NAME (KIND): expected ..., got ..."
         */
        public Builder add(Layer layer, String... inputs) {
            String who = "layer " + layer.name() + " (" + layer.kind() + "): ";
            if (byName.containsKey(layer.name()) || layer.name().equals(INPUT_NAME)) {
                throw new IllegalArgumentException(who + "expected a name no other layer has");
            }
            int[] ids;
            if (inputs.length == 0) {
                ids = new int[layer.arity()];
                Arrays.fill(ids, nodes.size() - 1);
                if (layer.arity() > 1) {
                    throw new IllegalArgumentException(who + "expected the names of its " + layer.arity() + " inputs");
                }
            } else {
                if (inputs.length != layer.arity()) {
                    throw new IllegalArgumentException(who + "expected " + layer.arity() + " input(s), got "
                            + inputs.length);
                }
                ids = new int[inputs.length];
                for (int i = 0; i < inputs.length; i++) {
                    Integer id = inputs[i].equals(INPUT_NAME) ? Integer.valueOf(INPUT) : byName.get(inputs[i]);
                    if (id == null) {
                        throw new IllegalArgumentException(who + "expected an input among " + names() + ", got '"
                                + inputs[i] + "'");
                    }
                    ids[i] = id;
                }
            }
            List<int[]> shapes = new ArrayList<>();
            for (int id : ids) {
                shapes.add(id == INPUT ? inputShape : nodes.get(id).shape());
            }
            int[] out;
            try {
                out = layer.outputShape(shapes);
                Layer.size(out);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(who + e.getMessage(), e);
            }
            nodes.add(new Node(layer, ids, out, matrices.size()));
            matrices.addAll(layer.matrices());
            byName.put(layer.name(), nodes.size() - 1);
            return this;
        }

        /** The per-sample output shape of the layer added last. */
        public int[] lastShape() {
            return nodes.isEmpty() ? inputShape.clone() : nodes.get(nodes.size() - 1).shape().clone();
        }

        private List<String> names() {
            List<String> names = new ArrayList<>();
            names.add(INPUT_NAME);
            nodes.forEach(n -> names.add(n.layer().name()));
            return names;
        }

        public Network build() {
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("expected at least one layer, got none");
            }
            return new Network(inputShape, nodes, matrices);
        }
    }
}
