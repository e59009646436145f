package org.xbarsim.plugins.mvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.WorkloadContext;

class RandomMvmWorkloadTest {
    private static List<WeightLayer> layers(long seed, String... values) {
        RandomMvmWorkload w = new RandomMvmWorkload();
        return w.layers(new WorkloadContext(Parameters.of(w.parameters(), values),
                new RandomStreams(seed).child("workload"), "s.yaml", Path.of(".")));
    }

    /** One Gaussian matrix of the asked shape, the same for the same seed: its moments are a normal's. */
    @Test
    void oneGaussianMatrixOfTheAskedShape() {
        WeightLayer l = layers(1, "rows", "128", "cols", "64").get(0);
        assertEquals(128, l.rows());
        assertEquals(64, l.cols());
        double sum = 0;
        double sum2 = 0;
        for (double w : l.weights()) {
            sum += w;
            sum2 += w * w;
        }
        int n = l.weights().length;
        // 8,192 draws: the mean's standard error is 0.011, the variance's about 0.016.
        assertEquals(0, sum / n, 0.045);
        assertEquals(1, sum2 / n, 0.065);
        assertArrayEquals(l.weights(), layers(1, "rows", "128", "cols", "64").get(0).weights());
        assertEquals(256 * 256, layers(2).get(0).weights().length);
    }
}
