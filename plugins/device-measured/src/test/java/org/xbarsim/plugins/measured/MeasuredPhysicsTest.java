package org.xbarsim.plugins.measured;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.device.StuckFaults;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Preset;
import org.xbarsim.api.random.RandomStream;

/**
 * The measured-curve model: replaying curves pulse by pulse, interpolation, saturation, RESET,
 * fabrication from the population, noise, read noise, drift, determinism, parameters and preset.
 * Statistical tolerances are about five standard errors or more at the sample size used.
 */
class MeasuredPhysicsTest {
    private static final MeasuredDeviceModel MODEL = new MeasuredDeviceModel();

    /** Three strictly increasing curves of different lengths (no plateaus: exact replay is defined). */
    private static final String THREE = """
            device,pulse,conductance_uS
            a,0,0.5
            a,1,2
            a,2,3.2
            a,3,4.1
            a,4,4.8
            a,5,5.2
            b,0,0.2
            b,1,0.9
            b,2,1.7
            b,3,2.2
            c,0,1.0
            c,1,1.3
            c,2,4.0
            c,3,6.5
            c,4,8.0
            c,5,8.5
            c,6,8.7
            """;

    @TempDir
    static Path dir;
    static Path three;
    static MeasuredCurves curves;

    @BeforeAll
    static void files() throws IOException {
        three = dir.resolve("three.csv");
        Files.writeString(three, THREE, StandardCharsets.UTF_8);
        curves = MeasuredCurves.read(three);
    }

    static Parameters params(String... overrides) {
        return Parameters.of(MODEL.parameters(), overrides);
    }

    static MeasuredArray fabricate(long seed, int n, String... overrides) {
        return assertInstanceOf(MeasuredArray.class, MODEL.fabricate(params(overrides), n, new RandomStream(seed)));
    }

    /** Noiseless devices on the three curves. */
    static MeasuredArray quiet(long seed, int n, String... more) {
        String[] o = Arrays.copyOf(new String[]{"curves", three.toString(), "c2c", "0", "resetRel", "0"}, 6 + more.length);
        System.arraycopy(more, 0, o, 6, more.length);
        return fabricate(seed, n, o);
    }

    static int[] all(int n) {
        int[] cols = new int[n];
        for (int i = 0; i < n; i++) {
            cols[i] = i;
        }
        return cols;
    }

    /** Point k of measured curve c (running maximum), flat past the last point. */
    static double point(MeasuredCurves m, int c, int k) {
        int[] start = m.start();
        return m.monotone()[start[c] + Math.min(k, m.points(c) - 1)];
    }

    static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    static double sd(double[] x) {
        double m = mean(x);
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
    }

    // ---------------------------------------------------------------- replay

    @Test
    void noiselessDeviceFollowsItsMeasuredCurvePulseByPulse() {
        int n = 300;
        MeasuredArray a = quiet(1, n);
        int[] cols = all(n);
        RandomStream rng = new RandomStream(2);
        for (int i = 0; i < n; i++) {
            assertEquals(point(curves, a.curveOf(i), 0), a.conductances()[i], 0.0, "fresh device " + i);
        }
        for (int k = 1; k <= 7; k++) {
            a.set(0, cols, n, 1.0, rng);
            for (int i = 0; i < n; i++) {
                // Exact: on a point, the position is that point's index and one pulse reads the next point.
                assertEquals(point(curves, a.curveOf(i), k), a.conductances()[i], 0.0, "device " + i + " pulse " + k);
            }
        }
    }

    @Test
    void strengthTwoAdvancesTwoPoints() {
        int n = 200;
        MeasuredArray a = quiet(3, n);
        int[] cols = all(n);
        for (int k = 1; k <= 4; k++) {
            a.set(0, cols, n, 2.0, new RandomStream(k));
            for (int i = 0; i < n; i++) {
                assertEquals(point(curves, a.curveOf(i), 2 * k), a.conductances()[i], 0.0, "device " + i);
            }
        }
    }

    @Test
    void fractionalStrengthInterpolatesLinearlyBetweenPoints() {
        int n = 200;
        MeasuredArray a = quiet(4, n);
        int[] cols = all(n);
        RandomStream rng = new RandomStream(5);
        a.set(0, cols, n, 0.25, rng);
        for (int i = 0; i < n; i++) {
            int c = a.curveOf(i);
            double expected = point(curves, c, 0) + 0.25 * (point(curves, c, 1) - point(curves, c, 0));
            assertEquals(expected, a.conductances()[i], 1e-12, "device " + i);
        }
        // Three more quarter pulses land on point 1 (position 0.25 recovered by inverting the curve).
        for (int q = 0; q < 3; q++) {
            a.set(0, cols, n, 0.25, rng);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(point(curves, a.curveOf(i), 1), a.conductances()[i], 1e-12, "device " + i);
        }
        // Position 1.0 + 1.5 = 2.5: halfway between points 2 and 3.
        a.set(0, cols, n, 1.5, rng);
        for (int i = 0; i < n; i++) {
            int c = a.curveOf(i);
            assertEquals(0.5 * (point(curves, c, 2) + point(curves, c, 3)), a.conductances()[i], 1e-12);
        }
    }

    @Test
    void saturatesAtTheLastMeasuredPoint() {
        int n = 300;
        MeasuredArray a = quiet(6, n);
        int[] cols = all(n);
        RandomStream rng = new RandomStream(7);
        for (int p = 0; p < 20; p++) {
            a.set(0, cols, n, p % 2 == 0 ? 1.0 : 3.0, rng);
        }
        for (int i = 0; i < n; i++) {
            int c = a.curveOf(i);
            assertEquals(point(curves, c, curves.points(c) - 1), a.conductances()[i], 0.0, "device " + i);
        }
        // With noise too: the step past the last point is zero, and so is its noise.
        MeasuredArray noisy = fabricate(6, n, "curves", three.toString(), "c2c", "1.0");
        for (int p = 0; p < 40; p++) {
            noisy.set(0, cols, n, 1.0, rng);
        }
        double[] g = noisy.conductances().clone();
        noisy.set(0, cols, n, 5.0, rng);
        for (int i = 0; i < n; i++) {
            double last = point(curves, noisy.curveOf(i), 99);
            if (g[i] >= last) {
                assertEquals(g[i], noisy.conductances()[i], 0.0, "device " + i + " at or past its last point");
            }
        }
    }

    @Test
    void resetReturnsToTheFirstPoint() {
        int n = 300;
        MeasuredArray a = quiet(8, n);
        int[] cols = all(n);
        RandomStream rng = new RandomStream(9);
        for (int p = 0; p < 4; p++) {
            a.set(0, cols, n, 1.0, rng);
        }
        a.reset(0, cols, n, rng);
        for (int i = 0; i < n; i++) {
            assertEquals(point(curves, a.curveOf(i), 0), a.conductances()[i], 0.0, "device " + i);
        }
        // ... and the device replays its curve again from there.
        a.set(0, cols, n, 1.0, rng);
        for (int i = 0; i < n; i++) {
            assertEquals(point(curves, a.curveOf(i), 1), a.conductances()[i], 0.0, "device " + i);
        }
    }

    @Test
    void resetNoiseIsRelativeToTheFirstPoint() {
        int n = 200_000;
        MeasuredArray a = fabricate(10, n, "curves", three.toString(), "resetRel", "0.05");
        int[] cols = all(n);
        RandomStream rng = new RandomStream(11);
        a.set(0, cols, n, 3.0, rng);
        a.reset(0, cols, n, rng);
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            ratio[i] = a.conductances()[i] / point(curves, a.curveOf(i), 0);
        }
        // s.e. of the mean is 0.05/sqrt(2e5) = 1.1e-4; 6e-4 is about 5. s.e. of the sd is 0.05/sqrt(4e5) = 8e-5.
        assertEquals(1.0, mean(ratio), 6e-4);
        assertEquals(0.05, sd(ratio), 6e-4);
    }

    @Test
    void touchesOnlyTheAddressedDevices() {
        MeasuredArray a = quiet(12, 100);
        double[] before = a.conductances().clone();
        int[] cols = {1, 4, 7, 60};
        a.set(50, cols, 3, 1.0, new RandomStream(13));
        for (int i = 0; i < 100; i++) {
            boolean hit = i == 51 || i == 54 || i == 57;
            assertEquals(hit, a.conductances()[i] != before[i], "device " + i);
        }
        double[] after = a.conductances().clone();
        a.reset(50, cols, 2, new RandomStream(14));
        for (int i = 0; i < 100; i++) {
            double expected = i == 51 || i == 54 ? before[i] : after[i];
            assertEquals(expected, a.conductances()[i], 0.0, "device " + i);
        }
    }

    @Test
    void aDipInTheMeasuredCurveIsAPlateauThatADeviceCrossesInOnePulse() throws IOException {
        Path dip = dir.resolve("dip.csv");
        Files.writeString(dip, "device,pulse,conductance_uS\nx,0,0\nx,1,1\nx,2,0.5\nx,3,2\nx,4,3\n"
                + "y,0,0\ny,1,1\ny,2,0.5\ny,3,2\ny,4,3\n", StandardCharsets.UTF_8);
        MeasuredArray a = fabricate(15, 10, "curves", dip.toString(), "c2c", "0", "resetRel", "0");
        int[] cols = all(10);
        double[] seen = new double[4];
        for (int p = 0; p < 4; p++) {
            a.set(0, cols, 10, 1.0, new RandomStream(p));
            seen[p] = a.conductances()[0];
        }
        // Running maximum 0, 1, 1, 2, 3: at 1 uS the device is taken to be at the plateau's end (pulse 2),
        // so it never sticks there; the dip itself (0.5) is never replayed.
        assertArrayEquals(new double[]{1, 2, 3, 3}, seen, 0.0);
    }

    @Test
    void scaleMultipliesEveryConductance() {
        int n = 200;
        MeasuredArray a = quiet(16, n, "scale", "2.5");
        int[] cols = all(n);
        for (int i = 0; i < n; i++) {
            assertEquals(2.5 * point(curves, a.curveOf(i), 0), a.conductances()[i], 1e-12);
        }
        for (int k = 1; k <= 3; k++) {
            a.set(0, cols, n, 1.0, new RandomStream(k));
            for (int i = 0; i < n; i++) {
                assertEquals(2.5 * point(curves, a.curveOf(i), k), a.conductances()[i], 1e-12);
            }
        }
    }

    @Test
    void cycleToCycleNoiseIsC2cTimesTheLocalStep() throws IOException {
        Path linear = dir.resolve("linear.csv");
        StringBuilder b = new StringBuilder("device,pulse,conductance_uS\n");
        for (String d : new String[]{"p", "q"}) {
            for (int k = 0; k <= 10; k++) {
                b.append(d).append(',').append(k).append(',').append(k < 5 ? 2.0 * k : 8 + 0.5 * (k - 4)).append('\n');
            }
        }
        Files.writeString(linear, b.toString(), StandardCharsets.UTF_8);
        int n = 200_000;
        MeasuredArray a = fabricate(17, n, "curves", linear.toString(), "c2c", "0.3", "resetRel", "0");
        int[] cols = all(n);
        a.set(0, cols, n, 1.0, new RandomStream(18));
        // From 0 uS one pulse steps 2 uS: mean 2, sd 0.3 x 2 = 0.6 (clipping at 0 is 3.3 sd away: negligible).
        // s.e. of the mean 0.6/sqrt(2e5) = 0.0013 (tolerance 0.007); of the sd 0.6/sqrt(4e5) = 0.001 (0.006).
        double[] g = a.conductances().clone();
        assertEquals(2.0, mean(g), 0.007);
        assertEquals(0.6, sd(g), 0.006);
        // Halve the strength: the step and its noise halve with it.
        MeasuredArray h = fabricate(17, n, "curves", linear.toString(), "c2c", "0.3", "resetRel", "0");
        h.set(0, cols, n, 0.5, new RandomStream(19));
        assertEquals(1.0, mean(h.conductances()), 0.004);
        assertEquals(0.3, sd(h.conductances()), 0.003);
    }

    // ---------------------------------------------------------------- fabrication

    @Test
    void fabricationDrawsEveryMeasuredDeviceUniformly() {
        MeasuredCurves example = MeasuredCurves.resource(MeasuredDeviceModel.EXAMPLE_RESOURCE);
        int n = 160_000;
        MeasuredArray a = fabricate(20, n);
        int[] counts = new int[example.devices()];
        for (int i = 0; i < n; i++) {
            counts[a.curveOf(i)]++;
        }
        double p = 1.0 / example.devices();
        // s.e. of a share is sqrt(p (1 - p) / n) = 6e-4; 0.004 is more than 6 of them.
        for (int c = 0; c < counts.length; c++) {
            assertTrue(counts[c] > 0, "measured device " + c + " never used");
            assertEquals(p, counts[c] / (double) n, 0.004, "share of measured device " + c);
        }
        // Fresh devices are in the RESET state of their own curve: ratio to the first point ~ 1 +- 5%.
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            ratio[i] = a.conductances()[i] / point(example, a.curveOf(i), 0);
        }
        assertEquals(1.0, mean(ratio), 1e-3);
        assertEquals(0.05, sd(ratio), 1e-3);
    }

    @Test
    void everyMeasuredDeviceOfASmallPopulationIsUsedInALargeArray() {
        MeasuredArray a = quiet(21, 4 * 256 * 256);
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            used.add(a.curveOf(i));
        }
        assertEquals(Set.of(0, 1, 2), used);
    }

    @Test
    void sameSeedGivesBitIdenticalDevicesAndDifferentSeedDifferent() {
        double[][] runs = new double[3][];
        int[][] assigned = new int[3][];
        long[] seeds = {31, 31, 32};
        int n = 5000;
        for (int r = 0; r < 3; r++) {
            MeasuredArray a = fabricate(seeds[r], n, "driftNu", "0.05", "driftNuSigma", "0.01");
            int[] cols = all(n);
            RandomStream pulses = new RandomStream(33);
            double[] fresh = a.conductances().clone();
            a.set(0, cols, n, 1.0, pulses);
            a.set(0, cols, n, 0.25, pulses);
            a.reset(0, cols, n / 2, pulses);
            a.set(0, cols, n, 2.0, pulses);
            double[] drifted = new double[n];
            a.drifted(1e5, drifted);
            double[] v = new double[3 * n];
            System.arraycopy(fresh, 0, v, 0, n);
            System.arraycopy(a.conductances(), 0, v, n, n);
            System.arraycopy(drifted, 0, v, 2 * n, n);
            runs[r] = v;
            assigned[r] = new int[n];
            for (int i = 0; i < n; i++) {
                assigned[r][i] = a.curveOf(i);
            }
        }
        assertArrayEquals(assigned[0], assigned[1]);
        assertTrue(Arrays.equals(runs[0], runs[1]), "same seed must give bit-identical devices");
        assertFalse(Arrays.equals(assigned[0], assigned[2]), "a different seed assigns curves differently");
        int same = 0;
        for (int i = 0; i < runs[0].length; i++) {
            same += runs[0][i] == runs[2][i] ? 1 : 0;
        }
        // Only devices that happen to share a curve and sit at its flat end can tie; most values differ.
        assertTrue(same < runs[0].length / 10, "different seeds gave " + same + " identical values");
    }

    // ---------------------------------------------------------------- read noise and drift

    @Test
    void readNoiseVarianceIsSquareOfRelativePlusAbsoluteSigma() {
        for (String[] o : new String[][]{{}, {"readRel", "0.02", "readAbs", "0.3uS"}}) {
            MeasuredArray a = fabricate(41, 1000, o);
            double rel = o.length == 0 ? 0.005 : 0.02;
            double abs = o.length == 0 ? 0.05 : 0.3;
            RandomStream rng = new RandomStream(42);
            for (int p = 0; p < 10; p++) {
                a.set(0, all(1000), 1000, 1.0, rng);
            }
            int[] cols = {0, 3, 99, 500};
            double[] out = new double[4];
            a.readNoiseVariance(200, cols, 3, out);
            double[] g = a.conductances();
            for (int k = 0; k < 3; k++) {
                double sigma = rel * g[200 + cols[k]] + abs;
                assertEquals(sigma * sigma, out[k], 1e-12 * sigma * sigma);
            }
            assertEquals(0.0, out[3], 0.0, "only count entries are written");
            assertTrue(g[203] > 2, "read noise checked at a programmed, not a reset, conductance");

            double[] h = new double[1000];
            for (int i = 0; i < h.length; i++) {
                h[i] = 0.02 * i; // not the devices' own state: a drifted or hypothetical one
            }
            double[] all = new double[1000];
            a.readNoiseVariances(h, all);
            for (int i = 0; i < h.length; i++) {
                double sigma = rel * h[i] + abs;
                assertEquals(sigma * sigma, all[i], 1e-12 * sigma * sigma);
            }
        }
    }

    @Test
    void driftedIsTheIdentityWhenDriftNuIsZero() {
        MeasuredArray a = fabricate(51, 10_000);
        a.set(0, all(10_000), 10_000, 5.0, new RandomStream(52));
        double[] g = a.conductances().clone();
        double[] out = new double[g.length];
        for (double t : new double[]{0, 20, 3600, 3.15e7}) {
            a.drifted(t, out);
            assertArrayEquals(g, out, 0.0, "t = " + t);
        }
    }

    @Test
    void driftFollowsThePcmPowerLawWhenSet() {
        MeasuredArray a = fabricate(53, 10_000, "driftNu", "0.05", "driftT0", "100s");
        a.set(0, all(10_000), 10_000, 5.0, new RandomStream(54));
        double[] g = a.conductances().clone();
        double[] out = new double[g.length];
        a.drifted(100, out);
        assertArrayEquals(g, out, 0.0, "no drift until t0");
        a.drifted(1e6, out);
        double factor = Math.pow(1e6 / 100, -0.05);
        for (int i = 0; i < g.length; i++) {
            // driftNuSigma 0: every device has nu = 0.05 exactly.
            assertEquals(g[i] * factor, out[i], 1e-12 * Math.max(1, g[i]));
        }
        assertArrayEquals(g, a.conductances(), 0.0, "drifted() must not change the programmed state");
    }

    /** Beyond maxAmplitude a SET advances along its curve as one of that amplitude; width is not capped. */
    @Test
    void aSetAboveTheAmplitudeLimitAdvancesAsOneAtIt() {
        int n = 1000;
        int[] cols = new int[n];
        java.util.Arrays.setAll(cols, i -> i);
        DeviceArray capped = fabricate(61, n, "c2c", "0");
        DeviceArray limit = fabricate(61, n, "c2c", "0");
        DeviceArray wide = fabricate(61, n, "c2c", "0");
        capped.set(0, cols, n, 6.0, 1.0, new RandomStream(1));
        limit.set(0, cols, n, 2.0, 1.0, new RandomStream(1));
        wide.set(0, cols, n, 1.0, 6.0, new RandomStream(1));
        assertArrayEquals(limit.conductances(), capped.conductances());
        assertTrue(wide.conductances()[0] > capped.conductances()[0], "a longer pulse is not capped");
        // Per device its conductance and the index of its curve; the curves are shared.
        assertEquals(12L * 1000, fabricate(62, 2000).memoryBytes() - fabricate(62, 1000).memoryBytes());
    }

    // ---------------------------------------------------------------- parameters, preset, files

    @Test
    void everyDefaultParsesWithinItsRange() {
        Set<String> names = new HashSet<>();
        for (ParameterSpec spec : MODEL.parameters()) {
            assertTrue(names.add(spec.name()), "duplicate parameter " + spec.name());
            assertNotNull(spec.defaultValue(), spec.name() + " needs a default");
            assertFalse(spec.description() == null || spec.description().isBlank(), spec.name() + " description");
            spec.parse(spec.defaultValue());
        }
        assertEquals(Set.of("curves", "scale", "c2c", "maxAmplitude", "resetRel", "readRel", "readAbs", "driftNu",
                "driftNuSigma", "driftT0", "stuckAtMinFraction", "stuckAtMaxFraction"), names);
        Parameters p = params();
        assertEquals("builtin:example", p.text("curves"));
        Map<String, Double> defaults = Map.of("scale", 1.0, "c2c", 0.3, "maxAmplitude", 2.0, "resetRel", 0.05,
                "readRel", 0.005, "readAbs", 0.05, "driftNu", 0.0, "driftNuSigma", 0.0, "driftT0", 20.0);
        for (Map.Entry<String, Double> e : defaults.entrySet()) {
            assertEquals(e.getValue(), p.number(e.getKey()), 1e-12, e.getKey());
        }
    }

    @Test
    void examplePresetIsTheSpecDefaultsAndSaysItIsSynthetic() {
        Preset preset = MODEL.presets().stream().filter(x -> x.name().equals("example")).findFirst().orElseThrow();
        assertTrue(preset.citation().contains("SYNTHETIC"), preset.citation());
        Map<String, ParameterSpec> specs = new HashMap<>();
        MODEL.parameters().forEach(s -> specs.put(s.name(), s));
        // Stuck-at faults are a property of a chip, not of the devices' curves: presets leave them at 0.
        Set<String> technology = new HashSet<>(specs.keySet());
        StuckFaults.PARAMETERS.forEach(s -> technology.remove(s.name()));
        assertEquals(technology, preset.values().keySet(), "the preset sets every technology parameter and no other");
        for (Map.Entry<String, String> e : preset.values().entrySet()) {
            ParameterSpec spec = specs.get(e.getKey());
            assertEquals(spec.parse(spec.defaultValue()), spec.parse(e.getValue()), e.getKey());
        }
    }

    @Test
    void modelIdIsMeasured() {
        assertEquals("measured", MODEL.id());
    }

    @Test
    void aMissingOrBadFileIsAnInputErrorNamingDeviceCurves() throws IOException {
        Path missing = dir.resolve("missing.csv");
        InputError e = assertThrows(InputError.class,
                () -> MODEL.fabricate(params("curves", missing.toString()), 10, new RandomStream(1)));
        assertEquals("device.curves", e.keyPath());
        assertEquals(missing + ": expected a CSV file of measured curves (device,pulse,conductance_uS), got no such file",
                e.detail());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "device,pulse,conductance_uS\na,0,oops\n", StandardCharsets.UTF_8);
        InputError b = assertThrows(InputError.class,
                () -> MODEL.fabricate(params("curves", bad.toString()), 10, new RandomStream(1)));
        assertEquals(bad + ":2: expected a conductance in uS, got 'oops'", b.detail());
        assertInstanceOf(IllegalArgumentException.class, b.getCause());
    }

    @Test
    void aRelativePathResolvesAgainstTheWorkingDirectory() {
        // Surefire runs in the module directory, where the example's copy lives.
        MeasuredCurves c = MODEL.curves("examples/example-curves.csv");
        assertEquals(Path.of("examples/example-curves.csv").toAbsolutePath().normalize().toString(), c.source());
        assertEquals(ExampleCurves.DEVICES, c.devices());
    }

    @Test
    void aChangedFileIsReadAgain() throws IOException {
        Path f = dir.resolve("changing.csv");
        Files.writeString(f, "device,pulse,conductance_uS\na,0,0\na,1,1\na,2,2\nb,0,0\nb,1,1\nb,2,2\n",
                StandardCharsets.UTF_8);
        assertEquals(2, MODEL.curves(f.toString()).devices());
        assertEquals(2, MODEL.curves(f.toString()).devices());
        Files.writeString(f, "device,pulse,conductance_uS\na,0,0\na,1,1\na,2,2\nb,0,0\nb,1,1\nb,2,2\n"
                + "c,0,0\nc,1,1\nc,2,2\n", StandardCharsets.UTF_8);
        assertEquals(3, MODEL.curves(f.toString()).devices(), "size changed: the cache must not serve the old file");
    }

    @Test
    void fabricateReturnsAnArrayOfTheRequestedSizeInTheResetState() {
        DeviceArray a = MODEL.fabricate(params(), 4096, new RandomStream(60));
        assertEquals(4096, a.size());
        assertTrue(Arrays.stream(a.conductances()).allMatch(g -> g >= 0 && g < 0.2), "reset state near 0.1 uS");
    }

    @Test
    void stuckDevicesStayAtTheirCurvesEndsWhateverThePulses() {
        int n = 50_000;
        MeasuredArray a = quiet(40, n, "stuckAtMinFraction", "0.04", "stuckAtMaxFraction", "0.02");
        int[] cols = all(n);
        RandomStream rng = new RandomStream(41);
        double[] fabricated = a.conductances().clone();
        for (int p = 0; p < 3; p++) {
            a.set(0, cols, n, 2, rng);
        }
        boolean[] stuck = new boolean[n];
        int low = 0;
        int high = 0;
        for (int i = 0; i < n; i++) {
            int c = a.curveOf(i);
            stuck[i] = a.conductances()[i] == fabricated[i];
            low += stuck[i] && fabricated[i] == point(curves, c, 0) ? 1 : 0;
            high += stuck[i] && fabricated[i] == point(curves, c, 1000) ? 1 : 0;
        }
        // Standard errors 0.09 and 0.06 points.
        assertEquals(0.04, low / (double) n, 0.005);
        assertEquals(0.02, high / (double) n, 0.003);
        a.reset(0, cols, n, rng);
        a.set(0, cols, n, 1, rng);
        for (int i = 0; i < n; i++) {
            if (stuck[i]) {
                assertEquals(fabricated[i], a.conductances()[i], "stuck device " + i);
            }
        }
    }
}
