package org.xbarsim.nn.mlp;

import org.xbarsim.nn.net.Layer;
import org.xbarsim.nn.net.Linear;
import org.xbarsim.nn.net.Network;
import org.xbarsim.nn.net.Relu;
import org.xbarsim.nn.net.Sigmoid;

/**
 * An {@link Mlp} as a {@link Network}: linear layers {@code layer<l>} (the names its weight matrices
 * have always had) with the hidden activation between them ({@code act<l>}); no final softmax,
 * which changes no class decision.
 */
public final class MlpNetwork {
    private MlpNetwork() {
    }

    public static Network of(Mlp mlp) {
        int[] sizes = mlp.sizes();
        Network.Builder b = Network.builder(new int[] {sizes[0]});
        for (int l = 0; l < mlp.layers(); l++) {
            b.add(new Linear("layer" + l, sizes[l], sizes[l + 1], mlp.weights(l), mlp.bias(l)));
            if (l < mlp.layers() - 1) {
                Layer act = mlp.activation() == Mlp.Activation.RELU ? new Relu("act" + l) : new Sigmoid("act" + l);
                b.add(act);
            }
        }
        return b.build();
    }
}
