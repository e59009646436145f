package org.xbarsim.engine.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.engine.fixtures.IdealDevices;

class FootprintTest {
    @Test
    void aDevicesBytesAreTheArraysThatGrowWithItsCount() {
        IdealDevices ideal = new IdealDevices();
        // The ideal fixture keeps one double per device.
        assertEquals(8.0, DeviceFootprint.bytesPerDevice(ideal, Parameters.of(ideal.parameters())), 1e-9);
        // Walking a graph: arrays counted once, JDK objects not at all.
        double[] shared = new double[100];
        Object graph = new Object() {
            final double[] a = shared;
            final double[] b = shared;
            final int[] c = new int[10];
            final String text = "x".repeat(1000);
        };
        assertEquals(16 + 800 + 16 + 40, DeviceFootprint.bytes(graph));
    }

    @Test
    void theEstimateAddsWeightsTilesAndDevicesWithHeadroom() {
        // 512 x 512 on 256 x 256 tiles: 4 tiles of 65,536 cells, 4 devices a cell at 16 bytes (compact PCM).
        RunFootprint f = RunFootprint.of(List.of(new int[] {512, 512}), 256, 256, 4, 16, false, 2);
        assertEquals(4, f.tiles());
        assertEquals(262_144, f.weights());
        double data = 262_144.0 * 16 + 4 * (96 << 10) + 4 * 65_536.0 * 4 * 16;
        assertEquals((long) ((12L << 20) + data * 1.15), f.bytes());
        // A ragged layer still takes whole tiles; inference adds its copy of each cell.
        RunFootprint ragged = RunFootprint.of(List.of(new int[] {257, 1}), 256, 256, 4, 16, false, 2);
        assertEquals(2, ragged.tiles());
        assertTrue(RunFootprint.of(List.of(new int[] {512, 512}), 256, 256, 4, 16, true, 2).bytes() > f.bytes());
    }

    /**
     * The README's calibration (2026-12-06, compact device arrays): the smallest -Xmx, in MiB, at which
     * each run succeeded three times out of three with the launcher's collector (bisection; one MiB less
     * failed). The estimate is never below it (a run let through fits) and at most 1 / CALIBRATED_LOW
     * above it (a run that fits is not refused far from its need).
     */
    @Test
    void theEstimateCoversEveryMeasuredHeapNeedWithoutFarExceedingIt() {
        // {rows = cols, tile side, bytes a device, smallest heap that ran}: tile-rowwise.yaml's rows.
        int[][] square = {{256, 256, 16, 15}, {512, 256, 16, 29}, {1024, 256, 16, 97}, {2048, 256, 16, 368},
            {1024, 256, 20, 116}, {2048, 256, 20, 432}, {1024, 256, 18, 106}, {2048, 256, 8, 223}};
        for (int[] run : square) {
            assertCalibrated(RunFootprint.of(List.of(new int[] {run[0], run[0]}), run[1], run[1], 4, run[2], false, 2),
                    run[3]);
        }
        // chip-35m.yaml: 512 x 17,408 on 34 tiles of 512 x 512, PCM.
        assertCalibrated(RunFootprint.of(List.of(new int[] {512, 17_408}), 512, 512, 4, 16, false, 2), 752);
    }

    private static void assertCalibrated(RunFootprint f, int neededMiB) {
        double ratio = neededMiB * (double) (1 << 20) / f.bytes();
        assertTrue(ratio <= 1 && ratio >= RunFootprint.CALIBRATED_LOW,
                f.weights() + " weights: need " + neededMiB + " MiB against " + RunFootprint.human(f.bytes()));
    }

    @Test
    void aRunOverTheHeapIsOneLineNamingTheKeyAndTheSizes() {
        RunFootprint f = RunFootprint.of(List.of(new int[] {40_000, 40_000}), 256, 256, 4, 16, false, 2);
        f.check(Long.MAX_VALUE, "s.yaml", "workload.rows");
        InputError e = assertThrows(InputError.class, () -> f.check(1L << 30, "s.yaml", "workload.rows"));
        assertTrue(e.getMessage().startsWith("s.yaml: workload.rows: expected a run that fits the Java heap of 1.0 GiB,"
                + " but this one needs about "), e.getMessage());
        assertTrue(e.getMessage().contains("(1,600,000,000 weights on 24,649 tiles of 256x256, 16 bytes a device)"),
                e.getMessage());
    }
}
