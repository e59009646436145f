package org.xbarsim.engine.scenario;

import static org.xbarsim.api.param.Quantity.NUMBER;
import static org.xbarsim.api.param.Quantity.RESISTANCE;
import static org.xbarsim.api.param.Quantity.TIME;

import java.util.List;
import org.xbarsim.api.cost.ChipShape;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.engine.converter.AdcErrors;
import org.xbarsim.engine.converter.AdcTiming;
import org.xbarsim.engine.hw.PeripheryConfig;
import org.xbarsim.engine.wire.Wires;

/**
 * The {@code chip.*} keys of the periphery as built: ADC architecture, the spreads the column ADCs are
 * made with and their calibration, the wires' resistance. Every default is the ideal periphery, so a
 * scenario that names none of them runs as before.
 */
public final class PeripherySpec {
    public static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.choice("adc.architecture", "sar", ChipShape.ADC_ARCHITECTURES, "ADC architecture: sar "
                    + "(one bit per timing.adcBit), ramp or cco (2^bits LSB periods of timing.adcLsb each)."),
            ParameterSpec.of("timing.adcLsb", TIME, "300ps", 1e-12, 1,
                    "One LSB period of a ramp or CCO ADC (HERMES's CCO ADCs: 300 ps, Khaddam-Aljameh et al. 2022)."),
            ParameterSpec.of("adc.offsetSigma", NUMBER, "0", 0, 1e4,
                    "Spread of a column ADC's input offset, LSB, drawn per ADC at fabrication."),
            ParameterSpec.of("adc.gainSigma", NUMBER, "0", 0, 1,
                    "Spread of a column ADC's relative gain error, drawn per ADC at fabrication."),
            ParameterSpec.of("adc.capMismatch", NUMBER, "0", 0, 1,
                    "Relative spread of one unit capacitor of a SAR ADC's DAC: its INL and DNL, drawn per ADC."),
            ParameterSpec.of("adc.inlSigma", NUMBER, "0", 0, 1e4,
                    "Spread of the peak of a ramp or CCO ADC's bow-shaped INL, LSB, drawn per ADC."),
            ParameterSpec.of("adc.noise", NUMBER, "0", 0, 1e4,
                    "Input-referred noise of one conversion, standard deviation in LSB."),
            ParameterSpec.choice("adc.calibration", "none", List.of("none", "affine"), "Per-column affine "
                    + "calibration at programming time (as HERMES): 32 reference conversions per ADC, charged."),
            ParameterSpec.of("wire.row", RESISTANCE, "0ohm", 0, 1e6,
                    "Resistance of one word-line segment, between neighbouring devices of a row (IR drop)."),
            ParameterSpec.of("wire.col", RESISTANCE, "0ohm", 0, 1e6,
                    "Resistance of one bit-line segment, between neighbouring rows (IR drop)."),
            ParameterSpec.choice("wire.verifyReads", "array", List.of("array", "ideal"), "Verify reads through the "
                    + "array's wires (closed-loop programming then compensates their drop) or an ideal sense path.")
    );

    private PeripherySpec() {
    }

    /** The periphery the keys describe, for a chip with this clock, ADC resolution and SAR bit time. */
    static PeripheryConfig resolve(Parameters p, double clockHz, int adcBits, long adcBitCycles) {
        String architecture = p.text("adc.architecture");
        long conversion = AdcTiming.conversionCycles(architecture, adcBits, adcBitCycles, p.number("timing.adcLsb"),
                clockHz);
        AdcErrors errors = new AdcErrors(p.number("adc.offsetSigma"), p.number("adc.gainSigma"),
                p.number("adc.capMismatch"), p.number("adc.inlSigma"), p.number("adc.noise"),
                p.text("adc.calibration").equals("affine"));
        Wires wires = new Wires(p.number("wire.row"), p.number("wire.col"), p.text("wire.verifyReads").equals("array"));
        return new PeripheryConfig(architecture, conversion, errors, wires);
    }
}
