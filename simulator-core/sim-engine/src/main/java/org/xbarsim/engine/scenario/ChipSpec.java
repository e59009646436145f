package org.xbarsim.engine.scenario;

import static org.xbarsim.api.param.Quantity.CONDUCTANCE;
import static org.xbarsim.api.param.Quantity.ENERGY;
import static org.xbarsim.api.param.Quantity.FREQUENCY;
import static org.xbarsim.api.param.Quantity.INTEGER;
import static org.xbarsim.api.param.Quantity.NUMBER;
import static org.xbarsim.api.param.Quantity.TIME;

import java.util.List;
import org.xbarsim.api.device.UnitCell;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.SharedHardware;

/**
 * The chip's parameters ({@code chip.*} keys): the engine's own, with the defaults of science.md
 * section 5. Durations are written as times and turned into whole clock cycles here, once.
 */
public final class ChipSpec {
    /** The largest tile, in cells (up to four devices each). */
    public static final long MAX_TILE_CELLS = 4096L * 4096L;

    public static final List<ParameterSpec> PARAMETERS = withPeriphery(
            ParameterSpec.of("clock", FREQUENCY, "1GHz", 1e6, 1e11, "Chip clock; the kernel counts its cycles."),
            ParameterSpec.of("tile.rows", INTEGER, "256", 1, 65536, "Rows (word lines) of a crossbar tile."),
            ParameterSpec.of("tile.cols", INTEGER, "256", 1, 65536,
                    "Cell columns of a tile; each cell is chip.cell.devices device columns (GP, GM, LP, LM)."),
            ParameterSpec.of("cell.F", NUMBER, "3", 0.1, 64,
                    "Significance factor F in W = F (GP - GM) + (LP - LM), applied in the periphery."),
            ParameterSpec.choice("cell.devices", "4", List.of("4", "2", "1"),
                    "Devices per weight: 4 = two pairs, W = F (GP - GM) + (LP - LM); 2 = one differential pair, "
                            + "W = GP - GM; 1 = one device against the tile's reference column, W = G - reference "
                            + "(a column of fixed, exact conductance read with each row and subtracted in the "
                            + "periphery; its own error, noise and drift are not modelled). The largest weight maps "
                            + "to F G_T on two pairs and to G_T on the others."),
            ParameterSpec.of("cell.reference", CONDUCTANCE, "12.5uS", 0, 1e6,
                    "Reference column conductance of a 1-device cell (W = G - reference); keep "
                            + "programming.gTargetMax within both the reference and the device's maximum minus it."),
            ParameterSpec.of("adc.bits", INTEGER, "10", 1, 16, "SAR ADC resolution."),
            ParameterSpec.of("adc.columnsPerAdc", INTEGER, "1", 1, 65536,
                    "Cell columns multiplexed onto one ADC; their conversions run in series."),
            ParameterSpec.of("adc.range", CONDUCTANCE, "60uS", 1e-3, 1e6,
                    "ADC full scale in weight units: converts W in [-range, +range), clips outside."),
            ParameterSpec.of("timing.set", TIME, "200ns", 1e-12, 1, "Duration of one SET pulse operation."),
            ParameterSpec.of("timing.reset", TIME, "50ns", 1e-12, 1,
                    "Duration of one RESET pulse operation on one device line."),
            ParameterSpec.of("timing.integration", TIME, "100ns", 1e-12, 1,
                    "Read integration time before conversion."),
            ParameterSpec.of("timing.adcBit", TIME, "1ns", 1e-12, 1, "Time of one SAR bit decision."),
            ParameterSpec.of("timing.dacStep", TIME, "1ns", 1e-12, 1,
                    "One input DAC step in inference (a duration-encoded input of n bits takes up to 2^n - 1)."),
            ParameterSpec.of("energy.set", ENERGY, "10pJ", 0, 1e9, "Energy of a SET pulse, per device pulsed."),
            ParameterSpec.of("energy.reset", ENERGY, "50pJ", 0, 1e9, "Energy of a RESET pulse, per device reset."),
            ParameterSpec.of("energy.read", ENERGY, "0.1pJ", 0, 1e9, "Energy of a read, per device read."),
            ParameterSpec.of("energy.adc", ENERGY, "1pJ", 0, 1e9, "Energy of one ADC conversion."),
            ParameterSpec.of("energy.dac", ENERGY, "0.1pJ", 0, 1e9, "Energy of driving one row input (one DAC)."),
            ParameterSpec.of("controller.latency", TIME, "0s", 0, 1,
                    "Time a controller takes to turn an operation's outcome into the policy's next decision "
                            + "(0: decisions take no time)."),
            ParameterSpec.of("controller.tilesPerController", INTEGER, "1", 1, 65536,
                    "Tiles one controller serves; it takes their decisions one at a time."),
            ParameterSpec.of("supply.maxDevices", INTEGER, "0", 0, Integer.MAX_VALUE,
                    "Devices a programming supply can pulse at once (0: no limit); a larger pulse runs in "
                            + "sub-pulses."),
            ParameterSpec.of("supply.tilesPerSupply", INTEGER, "1", 1, 65536,
                    "Tiles that share one programming supply and its device budget."),
            ParameterSpec.choice("supply.overflow", "queue", List.of("queue", "split"),
                    "A pulse the shared supply cannot deliver whole waits until its devices fit (queue) or pulses "
                            + "what fits now and the rest after (split)."),
            ParameterSpec.of("adc.tilesPerBank", INTEGER, "1", 1, 65536,
                    "Tiles whose reads (verify reads, inference multiplies) share one bank of ADCs, converting one "
                            + "read at a time."),
            ParameterSpec.of("link.bitsPerCycle", INTEGER, "0", 0, 65536,
                    "Bits per clock cycle of the link carrying a tile's partial sums (one ADC code each) to the "
                            + "digital periphery in inference (0: an ideal link that takes no time)."),
            ParameterSpec.of("link.tilesPerLink", INTEGER, "1", 1, 65536,
                    "Tiles sharing one link; it carries one tile's partial sums at a time."),
            ParameterSpec.of("timing.digitalOp", TIME, "0s", 0, 1,
                    "One operation of a digital-periphery lane in inference (adding a partial sum, rescaling or "
                            + "activating one output), one lane per ADC of a tile (0: no time).")
    );

    /** The chip's own keys, then the periphery's ({@link PeripherySpec}). */
    private static List<ParameterSpec> withPeriphery(ParameterSpec... own) {
        java.util.List<ParameterSpec> all = new java.util.ArrayList<>(List.of(own));
        all.addAll(PeripherySpec.PARAMETERS);
        return List.copyOf(all);
    }

    private ChipSpec() {
    }

    /** Resolves chip parameters to a {@link ChipConfig}; {@code source} names the scenario in errors. */
    public static ChipConfig resolve(Parameters p, String source) {
        double clock = p.number("clock");
        int rows = p.integer("tile.rows");
        int cols = p.integer("tile.cols");
        if ((long) rows * cols > MAX_TILE_CELLS) {
            throw new InputError(source, "chip.tile", "a tile of " + rows + "x" + cols + " cells is larger than the "
                    + "4096x4096 xbarsim holds in memory; split the matrix over more tiles");
        }
        int devices = Integer.parseInt(p.text("cell.devices"));
        if (devices != 4 && (p.number("wire.row") > 0 || p.number("wire.col") > 0)) {
            throw new InputError(source, "chip.cell.devices", "expected 4 with wire resistance (IR drop is modelled "
                    + "for two-pair cells), got " + devices);
        }
        return new ChipConfig(clock, rows, cols, p.number("cell.F"), p.integer("adc.bits"),
                p.integer("adc.columnsPerAdc"), p.number("adc.range"),
                cycles(p, "timing.set", clock, source), cycles(p, "timing.reset", clock, source),
                cycles(p, "timing.integration", clock, source), cycles(p, "timing.adcBit", clock, source),
                cycles(p, "timing.dacStep", clock, source),
                p.number("energy.set"), p.number("energy.reset"), p.number("energy.read"),
                p.number("energy.adc"), p.number("energy.dac")).withPeriphery(PeripherySpec.resolve(p, clock,
                p.integer("adc.bits"), cycles(p, "timing.adcBit", clock, source))).withShared(shared(p, clock))
                .withCell(new UnitCell(devices, p.number("cell.F"), p.number("cell.reference")));
    }

    /**
     * What tiles share ({@code chip.controller.*}, {@code chip.supply.*}, {@code chip.adc.tilesPerBank}) and the
     * inference data path after the ADCs ({@code chip.link.*}, {@code chip.timing.digitalOp}).
     */
    private static SharedHardware shared(Parameters p, double clock) {
        return new SharedHardware(Math.round(p.number("controller.latency") * clock),
                p.integer("controller.tilesPerController"), p.integer("supply.maxDevices"),
                p.integer("supply.tilesPerSupply"), SharedHardware.Overflow.of(p.text("supply.overflow")),
                p.integer("adc.tilesPerBank"), new SharedHardware.DataPath(p.integer("link.bitsPerCycle"),
                p.integer("link.tilesPerLink"), Math.round(p.number("timing.digitalOp") * clock)));
    }

    private static long cycles(Parameters p, String key, double clock, String source) {
        double seconds = p.number(key);
        long cycles = Math.round(seconds * clock);
        if (cycles < 1) {
            throw new InputError(source, "chip." + key, "expected at least one clock cycle, got " + seconds
                    + "s at " + clock + "Hz");
        }
        return cycles;
    }
}
