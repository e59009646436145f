package org.xbarsim.engine.hw;

import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.UnitCell;

/**
 * A crossbar tile of rows x cols unit cells, each of {@link UnitCell#devices()} devices
 * (W = F (GP - GM) + (LP - LM) for the reference cell of four). The devices live in one
 * {@link DeviceArray} of devices x rows x cols, line-major: device
 * {@code line * rows * cols + row * cols + col}, so one row of one device line is contiguous.
 */
public final class CrossbarTile {
    private final int index;
    private final int rows;
    private final int cols;
    private final UnitCell cell;
    private final DeviceArray devices;

    /** A tile of the reference two-pair cells. */
    public CrossbarTile(int index, int rows, int cols, double significanceF, DeviceArray devices) {
        this(index, rows, cols, UnitCell.twoPairs(significanceF), devices);
    }

    public CrossbarTile(int index, int rows, int cols, UnitCell cell, DeviceArray devices) {
        if (devices.size() != cell.devices() * rows * cols) {
            throw new IllegalArgumentException("tile " + index + " needs " + cell.devices() * rows * cols
                    + " devices, got " + devices.size());
        }
        this.index = index;
        this.rows = rows;
        this.cols = cols;
        this.cell = cell;
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

    public UnitCell cell() {
        return cell;
    }

    public double significanceF() {
        return cell.significanceF();
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
        return cell.weight(g, rows * cols, row * cols + col);
    }
}
