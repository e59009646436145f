package org.xbarsim.plugins.synthetic;

import static org.xbarsim.api.param.Quantity.INTEGER;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.Workload;
import org.xbarsim.api.workload.WorkloadContext;

/**
 * One weight matrix to program: drawn from a uniform, Gaussian or Laplace distribution (the three
 * target distributions of Mackin et al. 2019), or read from a NumPy .npy file of shape (rows, cols).
 * Only the shape of the distribution matters: the host scales the matrix so its largest weight maps
 * to G_T.
 */
@Extension
public class SyntheticWorkload implements Workload {
    static final List<String> DISTRIBUTIONS = List.of("gaussian", "uniform", "laplace", "file");

    @Override
    public String id() {
        return "synthetic";
    }

    @Override
    public String description() {
        return "A single weight matrix drawn from a distribution, or read from a .npy file.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.choice("distribution", "gaussian", DISTRIBUTIONS,
                        "Where the weights come from: a distribution, or 'file' for workload.file."),
                ParameterSpec.of("rows", INTEGER, "0", 0, 1 << 20,
                        "Matrix rows (crossbar rows); 0 takes them from the file. Required for distributions."),
                ParameterSpec.of("cols", INTEGER, "0", 0, 1 << 20,
                        "Matrix columns; 0 takes them from the file. Required for distributions."),
                ParameterSpec.path("file", "A .npy file of float32 or float64, shape (rows, cols), relative to "
                        + "the scenario; used with distribution: file."));
    }

    @Override
    public List<WeightLayer> layers(WorkloadContext context) {
        Parameters p = context.parameters();
        String distribution = p.text("distribution");
        int rows = p.integer("rows");
        int cols = p.integer("cols");
        if (distribution.equals("file")) {
            return List.of(fromFile(context, rows, cols));
        }
        if (p.has("file")) {
            throw context.error("file", "is only read with distribution: file, but distribution is " + distribution);
        }
        if (rows == 0) {
            throw context.error("rows", "expected the matrix rows (1 or more) for distribution " + distribution);
        }
        if (cols == 0) {
            throw context.error("cols", "expected the matrix columns (1 or more) for distribution " + distribution);
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw context.error("rows", "a " + rows + "x" + cols + " matrix is more than one array holds");
        }
        RandomStream rng = context.random().stream("weights");
        double[] w = new double[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = draw(distribution, rng);
        }
        return List.of(new WeightLayer(distribution, rows, cols, w));
    }

    private static double draw(String distribution, RandomStream rng) {
        return switch (distribution) {
            case "gaussian" -> rng.nextGaussian();
            case "uniform" -> 2 * rng.nextDouble() - 1;
            case "laplace" -> {
                // Inverse CDF of the standard Laplace distribution.
                double u = rng.nextOpenDouble() - 0.5;
                yield -Math.signum(u) * StrictMath.log(1 - 2 * Math.abs(u));
            }
            default -> throw new IllegalArgumentException("distribution " + distribution);
        };
    }

    private static WeightLayer fromFile(WorkloadContext context, int rows, int cols) {
        if (!context.parameters().has("file")) {
            throw context.error("file", "expected a .npy file path for distribution: file");
        }
        Path path = context.resolve("file");
        NpyArray array;
        try {
            array = NpyArray.read(path);
        } catch (IllegalArgumentException e) {
            // Name the .npy file too: the scenario file alone does not say which array was bad.
            throw context.error("file", path + ": " + e.getMessage());
        }
        int[] shape = array.shape();
        if (shape.length != 2) {
            throw context.error("file", path + ": expected a 2-D array (rows, cols), got shape "
                    + NpyArray.shapeText(shape));
        }
        if ((rows != 0 && shape[0] != rows) || (cols != 0 && shape[1] != cols)) {
            throw context.error("file", path + ": expected shape (" + (rows == 0 ? "any" : rows) + ", "
                    + (cols == 0 ? "any" : cols) + ") as workload.rows and workload.cols say, got ("
                    + shape[0] + ", " + shape[1] + ")");
        }
        if (shape[0] == 0 || shape[1] == 0) {
            throw context.error("file", path + ": expected a non-empty matrix, got shape (" + shape[0] + ", "
                    + shape[1] + ")");
        }
        for (double v : array.data()) {
            if (!Double.isFinite(v)) {
                throw context.error("file", path + ": expected finite weights, found " + v);
            }
        }
        String name = path.getFileName().toString().replaceFirst("\\.npy$", "");
        return new WeightLayer(name, shape[0], shape[1], array.data());
    }
}
