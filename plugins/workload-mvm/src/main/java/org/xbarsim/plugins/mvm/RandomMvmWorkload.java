package org.xbarsim.plugins.mvm;

import static org.xbarsim.api.param.Quantity.INTEGER;

import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.inference.AnalogLayer;
import org.xbarsim.api.inference.InferenceContext;
import org.xbarsim.api.inference.InferenceResult;
import org.xbarsim.api.inference.InferenceWorkload;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.WorkloadContext;

/**
 * One Gaussian weight matrix, programmed, then multiplied by random input vectors through the tiles:
 * what a single multiply costs in energy and time, and the TOPS/W and TOPS/mm^2 that follow. Inputs are
 * uniform over [0, 1) (unsigned activations, as after a ReLU). The converters are calibrated on a batch
 * of their own, drawn apart from the vectors multiplied. It reports no accuracy: the figures are the
 * summary's energy and latency.
 */
@Extension
public class RandomMvmWorkload implements InferenceWorkload {
    /** Vectors the converters are calibrated on, from their own stream. */
    static final int CALIBRATION_VECTORS = 100;

    @Override
    public String id() {
        return "random-mvm";
    }

    @Override
    public String description() {
        return "A Gaussian matrix programmed, then multiplied by random input vectors: the cost of a multiply.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.of("rows", INTEGER, "256", 1, 1 << 16, "Matrix rows: the multiply's inputs."),
                ParameterSpec.of("cols", INTEGER, "256", 1, 1 << 16, "Matrix columns: its outputs."),
                ParameterSpec.of("vectors", INTEGER, "1000", 1, 1e8,
                        "Input vectors multiplied (inference.samples, when set, takes over)."));
    }

    @Override
    public List<WeightLayer> layers(WorkloadContext context) {
        Parameters p = context.parameters();
        int rows = p.integer("rows");
        int cols = p.integer("cols");
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw context.error("rows", "a " + rows + "x" + cols + " matrix is more than one array holds");
        }
        RandomStream rng = context.random().stream("weights");
        double[] w = new double[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian();
        }
        return List.of(new WeightLayer("mvm", rows, cols, w));
    }

    @Override
    public InferenceResult evaluate(InferenceContext context) {
        AnalogLayer layer = context.layer(0);
        long total = context.samples() > 0 ? context.samples() : context.workload().parameters().integer("vectors");
        int batch = (int) Math.min(context.batch(), total);
        float[] calibration = vectors(context.workload().random().stream("calibration"), CALIBRATION_VECTORS,
                layer.inputs());
        layer.calibrate(calibration, CALIBRATION_VECTORS);
        RandomStream inputs = context.workload().random().stream("inputs");
        float[] y = new float[batch * layer.outputs()];
        long done = 0;
        while (done < total) {
            int n = (int) Math.min(batch, total - done);
            layer.multiply(vectors(inputs, n, layer.inputs()), n, y);
            done += n;
            context.progress(done, total);
        }
        return new InferenceResult(total, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private static float[] vectors(RandomStream rng, int count, int length) {
        float[] x = new float[count * length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        return x;
    }
}
