package org.xbarsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStreams;
import org.xbarsim.api.workload.WeightLayer;
import org.xbarsim.api.workload.WorkloadContext;

/**
 * The synthetic workload: the three target distributions of Mackin et al. (2019) have the shapes a
 * user expects, draws are reproducible, and .npy files are read faithfully with input errors that
 * name the scenario key. Statistical tolerances are about five standard errors at 256 x 256 = 65536
 * samples.
 */
class SyntheticWorkloadTest {
    private static final SyntheticWorkload WORKLOAD = new SyntheticWorkload();

    @TempDir
    Path dir;

    /** Parameters the way the host builds them: every default, then overrides parsed by their spec. */
    static Parameters params(String... overrides) {
        return Parameters.of(WORKLOAD.parameters(), overrides);
    }

    WeightLayer layer(long seed, String... overrides) {
        List<WeightLayer> layers = WORKLOAD.layers(
                new WorkloadContext(params(overrides), new RandomStreams(seed).child("workload"), "test.yaml", dir));
        assertEquals(1, layers.size(), "one matrix");
        return layers.get(0);
    }

    static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    static double variance(double[] x) {
        double m = mean(x);
        return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
    }

    static double meanAbs(double[] x) {
        return Arrays.stream(x).map(Math::abs).average().orElseThrow();
    }

    // ---------------------------------------------------------------- distributions

    @Test
    void gaussianHasMeanZeroAndUnitVariance() {
        WeightLayer l = layer(1, "distribution", "gaussian", "rows", "256", "cols", "256");
        assertEquals(256, l.rows());
        assertEquals(256, l.cols());
        assertEquals(65536, l.weights().length);
        double[] w = l.weights();
        // s.e. of the mean is 1/256 = 0.004: 0.02 is 5 of them.
        assertEquals(0.0, mean(w), 0.02);
        // s.e. of the variance is sqrt(2/65536) = 0.0055: 0.03 is about 5.
        assertEquals(1.0, variance(w), 0.03);
        // E|x| = sqrt(2/pi) = 0.798 tells a Gaussian from a Laplace or uniform of any scale (s.e. 0.0024).
        assertEquals(Math.sqrt(2 / Math.PI), meanAbs(w), 0.012);
    }

    @Test
    void uniformLiesInMinusOneToOneWithVarianceOneThird() {
        double[] w = layer(2, "distribution", "uniform", "rows", "256", "cols", "256").weights();
        double min = Arrays.stream(w).min().orElseThrow();
        double max = Arrays.stream(w).max().orElseThrow();
        assertTrue(min >= -1 && max < 1, "range [" + min + ", " + max + ")");
        // With 65536 draws the extremes come within ~1e-4 of the ends: 0.01 proves the full range is used.
        assertTrue(min < -0.99 && max > 0.99, "range [" + min + ", " + max + ")");
        // s.e. of the mean is sqrt(1/3)/256 = 0.0023: 0.012 is 5.
        assertEquals(0.0, mean(w), 0.012);
        // s.e. of the variance is sqrt(1/5 - 1/9)/256 = 0.0012: 0.006 is 5.
        assertEquals(1.0 / 3, variance(w), 0.006);
    }

    @Test
    void laplaceHasVarianceTwo() {
        double[] w = layer(3, "distribution", "laplace", "rows", "256", "cols", "256").weights();
        // s.e. of the mean is sqrt(2)/256 = 0.0055: 0.03 is about 5.
        assertEquals(0.0, mean(w), 0.03);
        // s.e. of the variance is sqrt(24 - 4)/256 = 0.0175: 0.09 is about 5.
        assertEquals(2.0, variance(w), 0.09);
        // A standard Laplace has E|x| = 1 (exponential magnitudes), s.e. 1/256: 0.02 is 5.
        assertEquals(1.0, meanAbs(w), 0.02);
        long positive = Arrays.stream(w).filter(v -> v > 0).count();
        // Symmetric: half positive, s.e. 0.5/256 = 0.002 of the fraction; 0.01 is 5.
        assertEquals(0.5, positive / 65536.0, 0.01);
        assertTrue(Arrays.stream(w).allMatch(Double::isFinite));
    }

    @Test
    void shapeAndNameFollowTheParameters() {
        WeightLayer l = layer(4, "distribution", "uniform", "rows", "3", "cols", "70");
        assertEquals(3, l.rows());
        assertEquals(70, l.cols());
        assertEquals("uniform", l.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gaussian", "uniform", "laplace"})
    void sameSeedSameMatrixDifferentSeedDifferent(String distribution) {
        double[] a = layer(42, "distribution", distribution, "rows", "32", "cols", "32").weights();
        double[] b = layer(42, "distribution", distribution, "rows", "32", "cols", "32").weights();
        double[] c = layer(43, "distribution", distribution, "rows", "32", "cols", "32").weights();
        assertArrayEquals(a, b, 0.0, "same seed, bit-identical matrix");
        long same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == c[i] ? 1 : 0;
        }
        // Continuous draws from independent streams never tie.
        assertEquals(0, same, "different seeds must give a different matrix");
    }

    @Test
    void defaultDistributionIsGaussian() {
        double[] d = layer(5, "rows", "8", "cols", "8").weights();
        double[] g = layer(5, "distribution", "gaussian", "rows", "8", "cols", "8").weights();
        assertArrayEquals(g, d, 0.0);
    }

    // ---------------------------------------------------------------- .npy files

    @Test
    void fileRoundTripsValuesAndShape() throws IOException {
        double[] data = {0.5, -1.25, 3.0e-7, 42, -0.0, 1e10, 7, 8, 9, 10, 11, -12};
        NpyArray.write(dir.resolve("w.npy"), new int[]{3, 4}, data);
        WeightLayer l = layer(6, "distribution", "file", "file", "w.npy", "rows", "3", "cols", "4");
        assertEquals(3, l.rows());
        assertEquals(4, l.cols());
        assertArrayEquals(data, l.weights(), 0.0, "float64 values are read exactly, row-major");
        assertEquals("w", l.name(), "the layer is named after the file");
    }

    @Test
    void zeroRowsAndColsTakeTheShapeFromTheFile() throws IOException {
        double[] data = new double[5 * 7];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 0.25 - 3;
        }
        Files.createDirectories(dir.resolve("sub"));
        NpyArray.write(dir.resolve("sub/m.npy"), new int[]{5, 7}, data);
        WeightLayer l = layer(7, "distribution", "file", "file", "sub/m.npy");
        assertEquals(5, l.rows());
        assertEquals(7, l.cols());
        assertArrayEquals(data, l.weights(), 0.0);
        // One of the two given: the other still comes from the file.
        WeightLayer half = layer(7, "distribution", "file", "file", "sub/m.npy", "rows", "5");
        assertEquals(7, half.cols());
    }

    @Test
    void float32FileIsRead() throws IOException {
        float[] data = {0.1f, -2.5f, 3.14159f, 1e-3f, -7f, 65504f};
        write(dir.resolve("f32.npy"), "<f4", false, new int[]{2, 3}, data);
        WeightLayer l = layer(8, "distribution", "file", "file", "f32.npy");
        assertEquals(2, l.rows());
        assertEquals(3, l.cols());
        for (int i = 0; i < data.length; i++) {
            // float32 widened to double exactly: no rounding allowed.
            assertEquals((double) data[i], l.weights()[i], 0.0, "element " + i);
        }
    }

    @Test
    void fortranOrderFileIsTransposedToRowMajor() throws IOException {
        // Matrix [[1, 2, 3], [4, 5, 6]] stored column by column.
        write(dir.resolve("f.npy"), "<f4", true, new int[]{2, 3}, new float[]{1, 4, 2, 5, 3, 6});
        WeightLayer l = layer(9, "distribution", "file", "file", "f.npy");
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6}, l.weights(), 0.0);
    }

    /** A .npy 1.0 file written by hand, header padded to 64 bytes as NumPy does. */
    static void write(Path file, String descr, boolean fortran, int[] shape, float[] data) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': ("
                + shape[0] + ", " + shape[1] + "), }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (float v : data) {
            out.putFloat(v);
        }
        Files.write(file, out.array());
    }

    // ---------------------------------------------------------------- input errors

    private InputError error(long seed, String... overrides) {
        return assertThrows(InputError.class, () -> layer(seed, overrides));
    }

    private static void names(InputError e, String key) {
        assertEquals(key, e.keyPath());
        assertEquals("test.yaml", e.source());
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.yaml: "), e.getMessage());
    }

    @Test
    void shapeMismatchNamesWorkloadFile() throws IOException {
        NpyArray.write(dir.resolve("w.npy"), new int[]{3, 4}, new double[12]);
        InputError rows = error(10, "distribution", "file", "file", "w.npy", "rows", "5", "cols", "4");
        names(rows, "workload.file");
        assertTrue(rows.getMessage().contains("(3, 4)"), "says what the file holds: " + rows.getMessage());
        names(error(10, "distribution", "file", "file", "w.npy", "cols", "5"), "workload.file");
    }

    @Test
    void missingOrMalformedFileNamesWorkloadFile() throws IOException {
        InputError missing = error(11, "distribution", "file", "file", "nope.npy");
        names(missing, "workload.file");
        assertTrue(missing.getMessage().contains("nope.npy"), "names the file: " + missing.getMessage());

        Files.writeString(dir.resolve("text.npy"), "not numpy at all");
        names(error(11, "distribution", "file", "file", "text.npy"), "workload.file");

        NpyArray.write(dir.resolve("vec.npy"), new int[]{6}, new double[6]);
        names(error(11, "distribution", "file", "file", "vec.npy"), "workload.file");

        NpyArray.write(dir.resolve("nan.npy"), new int[]{1, 2}, new double[]{1, Double.NaN});
        names(error(11, "distribution", "file", "file", "nan.npy"), "workload.file");

        names(error(11, "distribution", "file"), "workload.file");
    }

    @Test
    void randomDistributionNeedsRowsAndCols() {
        names(error(12, "distribution", "gaussian", "cols", "4"), "workload.rows");
        names(error(12, "distribution", "uniform", "rows", "4"), "workload.cols");
        names(error(12, "distribution", "laplace"), "workload.rows");
    }

    @Test
    void fileWithARandomDistributionIsAnError() throws IOException {
        NpyArray.write(dir.resolve("w.npy"), new int[]{2, 2}, new double[4]);
        names(error(13, "distribution", "gaussian", "rows", "2", "cols", "2", "file", "w.npy"), "workload.file");
    }

    @Test
    void specsAreValid() {
        for (ParameterSpec spec : WORKLOAD.parameters()) {
            if (spec.defaultValue() != null) {
                spec.parse(spec.defaultValue()); // throws if a default is out of range
            }
        }
        assertEquals(List.of("gaussian", "uniform", "laplace", "file"),
                WORKLOAD.parameters().stream().filter(s -> s.name().equals("distribution")).findFirst()
                        .orElseThrow().choices());
        assertFalse(params().has("file"), "file has no default");
        assertEquals("synthetic", WORKLOAD.id());
    }
}
