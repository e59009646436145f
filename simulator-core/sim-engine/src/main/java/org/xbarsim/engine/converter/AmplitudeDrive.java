package org.xbarsim.engine.converter;

import org.xbarsim.api.random.RandomStream;
import org.xbarsim.api.random.RandomStreams;

/**
 * The row drive of amplitude-encoded inputs as built: each row's DAC sets a voltage from a
 * binary-weighted array of unit sources with mismatch ({@link BinaryWeightedArray}, drawn per row at
 * fabrication from {@code tile3/dac5}), and the devices answer that voltage through their
 * current-voltage curve ({@link SinhIv}). Duration encoding needs neither: its pulse widths are
 * counted in clock cycles and its voltage is always the full read voltage.
 */
public final class AmplitudeDrive {
    private final BinaryWeightedArray[] rows;
    private final SinhIv iv;
    private final int magnitudeBits;

    private AmplitudeDrive(BinaryWeightedArray[] rows, SinhIv iv, int magnitudeBits) {
        this.rows = rows;
        this.iv = iv;
        this.magnitudeBits = magnitudeBits;
    }

    /**
     * The drive of a tile's rows, or null when the DAC has no mismatch and the devices are ohmic: the
     * ideal drive (the quantised input itself) then serves.
     *
     * @param mismatch      relative standard deviation of one unit source of a row's DAC
     * @param magnitudeBits elements of a row's DAC (a signed DAC uses its lower half of codes for the magnitude)
     */
    public static AmplitudeDrive build(double mismatch, SinhIv iv, int magnitudeBits, int rows,
                                       RandomStreams.Scope tile) {
        if (mismatch == 0 && iv.kappa() == 0) {
            return null;
        }
        BinaryWeightedArray[] dacs = new BinaryWeightedArray[rows];
        for (int r = 0; r < rows; r++) {
            RandomStream rng = tile.stream("dac" + r);
            dacs[r] = mismatch > 0 ? BinaryWeightedArray.draw(magnitudeBits, mismatch, rng)
                    : BinaryWeightedArray.ideal(magnitudeBits);
        }
        return new AmplitudeDrive(dacs, iv, magnitudeBits);
    }

    /**
     * What row {@code row} of the tile contributes for a DAC-quantised input {@code q} (a whole number of
     * DAC steps of size {@code step}; the DAC's full scale is {@code range}), in the input's units: the
     * DAC's actual level for that code, then the device current at that voltage relative to the
     * current at full scale.
     */
    public double drive(int row, double q, double step, double range) {
        int code = (int) Math.rint(Math.abs(q) / step);
        double level = rows[row].level(code) * (1 << magnitudeBits) * step;
        double drive = range * iv.current(level / range);
        return q < 0 ? -drive : drive;
    }
}
