package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.io.NpyArray;
import org.xbarsim.cli.Main;
import org.xbarsim.nn.data.Mnist;

/**
 * Bad input to the DNN workloads, through the command line with the real plugin jars: each case is
 * one line on standard error naming the file or key and what was expected, and exit status 2.
 */
class InferenceBadInputIT {
    @TempDir
    Path dir;

    private record Outcome(int status, String err) {
    }

    private Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--plugins", System.getProperty("xbarsim.plugins", "../tools/cli/target/xbarsim/plugins"),
                "--out", dir.resolve("out").toString(), "--force", "--quiet"));
        int status = Main.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(status, err.toString().strip());
    }

    private static void assertOneLine(Outcome o, String... mustContain) {
        assertEquals(2, o.status(), o.err());
        assertFalse(o.err().contains("\n"), "one line: " + o.err());
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
        for (String s : mustContain) {
            assertTrue(o.err().contains(s), "'" + s + "' in: " + o.err());
        }
    }

    @Test
    void anInferenceTimeThatIsNotADuration() {
        assertOneLine(run("run", "mnist-mlp.yaml", "--set", "inference.time=5"), "inference.time", "unit");
        assertOneLine(run("run", "mnist-mlp.yaml", "--set", "inference.time=soon"), "inference.time");
        assertOneLine(run("run", "mnist-mlp.yaml", "--set", "inference.time=3kg"), "inference.time", "kg");
    }

    @Test
    void inferenceKeysOnAWorkloadThatRunsNoInference() {
        assertOneLine(run("run", "tile-rowwise.yaml", "--set", "inference.time=1h"), "inference.time", "synthetic");
    }

    private Path copyOfModel() throws IOException {
        Path model = Files.createDirectories(dir.resolve("model"));
        try (Stream<Path> files = Files.list(Path.of("models/mnist-mlp"))) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return model;
    }

    @Test
    void aModelLayerOfTheWrongShape() throws IOException {
        Path model = copyOfModel();
        NpyArray.write(model.resolve("layer1.weights.npy"), new int[] {125, 250}, new double[125 * 250]);
        assertOneLine(run("run", "mnist-mlp.yaml", "--set", "workload.model=" + model), "layer1.weights.npy");
    }

    @Test
    void aModelLayerOfTheWrongType() throws IOException {
        Path model = copyOfModel();
        Path f = model.resolve("layer2.bias.npy");
        byte[] bytes = Files.readAllBytes(f);
        String header = new String(bytes, 10, 100, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = header.indexOf("<f8");
        bytes[10 + at + 1] = 'i'; // '<f8' becomes '<i8': the same size, another type
        Files.write(f, bytes);
        assertOneLine(run("run", "mnist-mlp.yaml", "--set", "workload.model=" + model), "layer2.bias.npy", "<i8");
    }

    @Test
    void aCorruptDatasetFile() throws IOException {
        Path data = dir.resolve("data");
        Path good = Mnist.defaultDataDir().resolve(Mnist.EXTRACTED);
        Mnist.load(Mnist.defaultDataDir(), true); // fetched into the cache if it is not there yet
        Path copy = Files.createDirectories(data.resolve(Mnist.EXTRACTED));
        for (String f : Mnist.FILES) {
            Files.copy(good.resolve(f), copy.resolve(f));
        }
        Path images = copy.resolve("t10k-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated
        assertOneLine(run("run", "mnist-mlp.yaml", "--set", "workload.dataDir=" + data), "t10k-images-idx3-ubyte");
    }

    /** A .npz of layers named {@code prefix<l>.weights} and {@code .bias} of these weight shapes, filled with {@code value}. */
    private Path npz(String name, String prefix, int[][] shapes, double value) throws IOException {
        Path npz = dir.resolve(name);
        try (var out = Files.newOutputStream(npz); var zip = new java.util.zip.ZipOutputStream(out)) {
            for (int l = 0; l < shapes.length; l++) {
                for (String part : List.of("weights", "bias")) {
                    int[] shape = part.equals("weights") ? shapes[l] : new int[] {shapes[l][shapes[l].length - 1]};
                    Path npy = dir.resolve(prefix + l + "." + part + ".npy");
                    double[] values = new double[java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
                    java.util.Arrays.fill(values, value);
                    NpyArray.write(npy, shape, values);
                    zip.putNextEntry(new java.util.zip.ZipEntry(npy.getFileName().toString()));
                    zip.write(Files.readAllBytes(npy));
                    zip.closeEntry();
                }
            }
        }
        return npz;
    }

    @Test
    void aUsersNpzNetworkWithAMismatchedLayer() throws IOException {
        Path npz = npz("mine.npz", "layer", new int[][] {{784, 250}, {100, 125}, {125, 10}}, 0); // layer1: 250 in
        assertOneLine(run("run", "mnist-mlp.yaml", "--set", "workload.model=" + npz), "workload.model",
                "layer1.weights", "250 inputs");
    }

    @Test
    void aUsersNpzWithNaNOrInfinityIsRefusedAsTheNpyPathRefusesIt() throws IOException {
        // Before: accepted silently, and the network classified with NaN weights.
        Path nan = npz("nan.npz", "layer", new int[][] {{784, 250}, {250, 125}, {125, 10}}, Double.NaN);
        assertOneLine(run("run", "mnist-mlp.yaml", "--set", "workload.model=" + nan), "workload.model",
                "layer0.weights", "finite");
        Path inf = npz("inf.npz", "layer", new int[][] {{784, 250}, {250, 125}, {125, 10}},
                Double.POSITIVE_INFINITY);
        assertOneLine(run("run", "mnist-mlp.yaml", "--set", "workload.model=" + inf), "finite");
    }

    @Test
    void pytorchsLinearOrientationIsNamedAsSuch() throws IOException {
        // nn.Linear keeps its weight as (out, in); before, the message blamed the bias's shape.
        Path npz = npz("torch.npz", "layer", new int[][] {{250, 784}, {125, 250}, {10, 125}}, 0.01);
        assertOneLine(run("run", "mnist-mlp.yaml", "--set", "workload.model=" + npz), "layer0.weights",
                "(250, 784)", "nn.Linear", "transpose");
    }

    @Test
    void wrongArrayNamesListTheNamesFound() throws IOException {
        Path npz = npz("names.npz", "fc", new int[][] {{784, 250}, {250, 125}, {125, 10}}, 0.01);
        assertOneLine(run("run", "mnist-mlp.yaml", "--set", "workload.model=" + npz), "layer0.weights",
                "fc0.weights", "fc0.bias");
    }

    @Test
    void aNpyGivenAsTheModelSaysWhatAModelIs() throws IOException {
        // Before: "Not a directory", the operating system's words for a file opened as a directory.
        Path npy = dir.resolve("weights.npy");
        NpyArray.write(npy, new int[] {784, 10}, new double[7840]);
        Outcome o = run("run", "mnist-mlp.yaml", "--set", "workload.model=" + npy);
        assertOneLine(o, "workload.model", "a model directory", ".npz");
        assertFalse(o.err().contains("Not a directory"), o.err());
    }

    // ---- mnist-network: bad network models, each one line and status 2 -------------------------

    private Path cnnCopy() throws IOException {
        Path model = Files.createDirectories(dir.resolve("cnn"));
        for (String f : List.of("lenet5.net", "lenet5.npz", "lenet5.onnx")) {
            Files.copy(Path.of("models/mnist-cnn").resolve(f), model.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        return model;
    }

    /** Rewrites one entry of the CNN's .npz (a state_dict) with {@code bytes}, or drops it when null. */
    private void rewriteEntry(Path npz, String entry, byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(npz))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        if (bytes == null) {
            entries.remove(entry);
        } else {
            entries.put(entry, bytes);
        }
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(npz))) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    private Outcome runCnn(Path model) {
        return run("run", "mnist-cnn.yaml", "--set", "workload.model=" + model, "--set", "inference.samples=10");
    }

    @Test
    void aNetworkTensorOfTheWrongShape() throws IOException {
        Path m = cnnCopy();
        Path npy = dir.resolve("w.npy");
        NpyArray.write(npy, new int[] {6, 1, 3, 3}, new double[54]);
        rewriteEntry(m.resolve("lenet5.npz"), "conv1.weight.npy", Files.readAllBytes(npy));
        assertOneLine(runCnn(m.resolve("lenet5.net")), "workload.model", "line 3", "conv1.weight",
                "expected shape (6, in channels, 5, 5), got (6, 1, 3, 3)");
    }

    @Test
    void aMissingNetworkTensorListsTheOnesFound() throws IOException {
        Path m = cnnCopy();
        rewriteEntry(m.resolve("lenet5.npz"), "fc2.weight.npy", null);
        assertOneLine(runCnn(m.resolve("lenet5.net")), "workload.model", "expected a tensor fc2.weight, found none",
                "the archive holds conv1.bias, conv1.weight, conv2.bias, conv2.weight, fc1.bias, fc1.weight, fc2.bias, "
                        + "fc3.bias, fc3.weight");
    }

    @Test
    void aNetworkTensorWithNaN() throws IOException {
        Path m = cnnCopy();
        Path npy = dir.resolve("b.npy");
        NpyArray.write(npy, new int[] {84}, java.util.stream.IntStream.range(0, 84)
                .mapToDouble(i -> i == 7 ? Double.NaN : 0).toArray());
        rewriteEntry(m.resolve("lenet5.npz"), "fc2.bias.npy", Files.readAllBytes(npy));
        assertOneLine(runCnn(m.resolve("lenet5.net")), "fc2.bias", "expected finite float32 values, got NaN at index 7");
    }

    @Test
    void aNetworkTensorOfAnotherDtype() throws IOException {
        Path m = cnnCopy();
        Path npy = dir.resolve("i.npy");
        NpyArray.write(npy, new int[] {10}, new double[10]);
        byte[] bytes = Files.readAllBytes(npy);
        String header = new String(bytes, 10, 60, java.nio.charset.StandardCharsets.ISO_8859_1);
        bytes[10 + header.indexOf("<f8") + 1] = 'i'; // '<f8' becomes '<i8'
        rewriteEntry(m.resolve("lenet5.npz"), "fc3.bias.npy", bytes);
        assertOneLine(runCnn(m.resolve("lenet5.net")), "fc3.bias.npy", "expected dtype float32 or float64", "<i8");
    }

    @Test
    void anOnnxOpsetOrOperatorOutsideTheSupportedSet() throws IOException {
        Path m = cnnCopy().resolve("lenet5.onnx");
        byte[] bytes = Files.readAllBytes(m);
        // The opset import is the file's last field: (domain "", version 13) ends in the varint 13.
        bytes[bytes.length - 1] = 9;
        Files.write(m, bytes);
        assertOneLine(runCnn(m), "lenet5.onnx", "expected an ONNX model importing opset 11..25 of the default domain, "
                + "got opset 9");
        bytes[bytes.length - 1] = 13;
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"\004Relu") + 2; // NodeProto.op_type (field 4, length 4) of the first ReLU
        System.arraycopy("Selu".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, bytes, at, 4);
        Files.write(m, bytes);
        assertOneLine(runCnn(m), "lenet5.onnx", "operator 'Selu' is not supported", "node '/Relu'");
    }

    /** Damaged ONNX files through the command line: one line and status 2 each (more mutations: OnnxFuzzTest). */
    @Test
    void damagedOnnxFilesAreOneLineEach() throws IOException {
        Path m = cnnCopy().resolve("lenet5.onnx");
        byte[] good = Files.readAllBytes(m);
        java.util.SplittableRandom r = new java.util.SplittableRandom(15);
        for (int i = 0; i < 30; i++) {
            byte[] bytes = good.clone();
            int cut = r.nextInt(good.length);
            if (i % 2 == 0) {
                bytes = java.util.Arrays.copyOf(good, cut); // truncated
            } else {
                bytes[cut % 400] = (byte) 0xff; // a damaged header or graph (the weights come later in the file)
            }
            Files.write(m, bytes);
            Outcome o = runCnn(m);
            if (o.status() != 0) {
                assertOneLine(o, "lenet5.onnx");
            }
        }
    }
}
