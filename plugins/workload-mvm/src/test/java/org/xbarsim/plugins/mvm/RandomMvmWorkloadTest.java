package org.xbarsim.plugins.mvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Records what the workload asks of a layer: the calibration batch and every multiply's inputs. */
    private static final class RecordingLayer implements org.xbarsim.api.inference.AnalogLayer {
        final List<Integer> batches = new java.util.ArrayList<>();
        int calibrations;
        int calibrationVectors;
        double smallest = Double.MAX_VALUE;
        double largest = -Double.MAX_VALUE;

        public int inputs() {
            return 8;
        }

        public int outputs() {
            return 3;
        }

        public void calibrate(float[] x, int batch) {
            calibrations++;
            calibrationVectors = batch;
        }

        public void multiply(float[] x, int batch, float[] y) {
            batches.add(batch);
            for (int i = 0; i < batch * inputs(); i++) {
                smallest = Math.min(smallest, x[i]);
                largest = Math.max(largest, x[i]);
            }
        }
    }

    private static org.xbarsim.api.inference.InferenceResult evaluate(RecordingLayer layer, long samples, int batch,
                                                                       List<Long> progress, String... values) {
        RandomMvmWorkload w = new RandomMvmWorkload();
        WorkloadContext context = new WorkloadContext(Parameters.of(w.parameters(), values),
                new RandomStreams(1).child("workload"), "s.yaml", Path.of("."));
        return w.evaluate(new org.xbarsim.api.inference.InferenceContext() {
            public WorkloadContext workload() {
                return context;
            }

            public int layerCount() {
                return 1;
            }

            public org.xbarsim.api.inference.AnalogLayer layer(int index) {
                return layer;
            }

            public int batch() {
                return batch;
            }

            public long samples() {
                return samples;
            }

            public void progress(long done, long total) {
                progress.add(done);
            }
        });
    }

    /**
     * The converters are calibrated once, on 100 vectors of their own, then the asked vectors are
     * multiplied in batches (the last one short), every input in [0, 1); inference.samples takes over.
     */
    @Test
    void calibratesOnceThenMultipliesTheAskedVectorsInBatches() {
        RecordingLayer layer = new RecordingLayer();
        List<Long> progress = new java.util.ArrayList<>();
        var r = evaluate(layer, 0, 40, progress, "vectors", "100");
        assertEquals(100, r.samples());
        assertEquals(1, layer.calibrations);
        assertEquals(RandomMvmWorkload.CALIBRATION_VECTORS, layer.calibrationVectors);
        assertEquals(List.of(40, 40, 20), layer.batches);
        assertEquals(List.of(40L, 80L, 100L), progress);
        assertTrue(layer.smallest >= 0 && layer.largest < 1 && layer.largest > 0.9);
        assertTrue(Double.isNaN(r.analogAccuracy()));
        RecordingLayer other = new RecordingLayer();
        assertEquals(7, evaluate(other, 7, 40, new java.util.ArrayList<>(), "vectors", "100").samples());
        assertEquals(List.of(7), other.batches);
    }

    @Test
    void refusesAMatrixNoArrayHolds() {
        RandomMvmWorkload w = new RandomMvmWorkload();
        org.xbarsim.api.io.InputError e = org.junit.jupiter.api.Assertions.assertThrows(
                org.xbarsim.api.io.InputError.class, () -> w.layers(new WorkloadContext(
                        Parameters.of(w.parameters(), "rows", "65536", "cols", "65536"),
                        new RandomStreams(1).child("workload"), "s.yaml", Path.of("."))));
        assertTrue(e.getMessage().contains("workload.rows"));
        assertEquals("random-mvm", w.id());
    }
}
