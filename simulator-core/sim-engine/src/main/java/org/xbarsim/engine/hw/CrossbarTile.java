package org.xbarsim.engine.hw;

import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.DeviceLine;

/**
 * A crossbar tile of rows x cols unit cells, each four devices: W = F (GP - GM) + (LP - LM).
 * The devices live in one {@link DeviceArray} of 4 * rows * cols, line-major: device
 * {@code line * rows * cols + row * cols + col}, so one row of one device line is contiguous.
 */
public final class CrossbarTile {
    private final int index;
    private final int rows;
    private final int cols;
    private final double significanceF;
    private final DeviceArray devices;

    public CrossbarTile(int index, int rows, int cols, double significanceF, DeviceArray devices) {
        if (devices.size() != DeviceLine.COUNT * rows * cols) {
            throw new IllegalArgumentException("tile " + index + " needs " + DeviceLine.COUNT * rows * cols
                    + " devices, got " + devices.size());
        }
        this.index = index;
        this.rows = rows;
        this.cols = cols;
        this.significanceF = significanceF;
        this.devices = devices;
    }

    public int index() {
        return index;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double significanceF() {
        return significanceF;
    }

    public DeviceArray devices() {
        return devices;
    }

    /** First device of a row on a device line. */
    public int base(int line, int row) {
        return line * rows * cols + row * cols;
    }

    /** The noiseless weight of a cell from the given conductances (true or drifted). */
    public double weight(double[] g, int row, int col) {
        int plane = rows * cols;
        int i = row * cols + col;
        return significanceF * (g[i] - g[plane + i]) + (g[2 * plane + i] - g[3 * plane + i]);
    }
}
