package org.xbarsim.engine.scenario;

import static org.xbarsim.api.param.Quantity.INTEGER;
import static org.xbarsim.api.param.Quantity.NUMBER;
import static org.xbarsim.api.param.Quantity.TIME;

import java.util.List;
import org.xbarsim.api.param.ParameterSpec;

/**
 * The {@code inference.*} keys: how a programmed network is run after programming (science.md
 * section 6). Engine-owned like {@code chip.*}; only workloads that run inference accept them.
 */
public final class InferenceSpec {
    public static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.of("time", TIME, "1s", 0, 1000 * 365.25 * 86400,
                    "Time between the end of programming and inference: the devices drift for this long."),
            ParameterSpec.of("dacBits", INTEGER, "8", 2, 16, "Input DAC resolution (signed inputs use one bit for the sign)."),
            ParameterSpec.choice("dacEncoding", "duration",
                    List.of("duration", "amplitude", "bitSerial", "slices"),
                    "Input encoding: pulse width (2^bits - 1 DAC steps per multiply), amplitude (one step), "
                            + "bitSerial (one read per input bit) or slices (one read per inputSliceBits bits); "
                            + "each read of the last two converted and shifted-and-added digitally."),
            ParameterSpec.of("inputSliceBits", INTEGER, "2", 1, 16, "Input bits per read with dacEncoding "
                    + "slices: ceil(magnitude bits / this) reads per multiply, each an amplitude drive."),
            ParameterSpec.of("weightSlices", INTEGER, "1", 1, 8, "Cells per weight, of decreasing significance "
                    + "(each a column group of its own, added digitally after conversion); 1 = one analog weight."),
            ParameterSpec.of("weightSliceBits", INTEGER, "2", 1, 8, "Bits of weight magnitude per cell when "
                    + "weightSlices > 1: the weight is quantised to weightSlices x this bits."),
            ParameterSpec.choice("driftCompensation", "on", List.of("on", "off"),
                    "Rescale each layer's outputs by the mean drift measured once with a calibration read."),
            ParameterSpec.of("batch", INTEGER, "100", 1, 100000, "Samples per analog multiply request."),
            ParameterSpec.of("samples", INTEGER, "0", 0, 1e9, "Evaluation samples; 0 means the whole evaluation set."),
            ParameterSpec.of("dacMismatch", NUMBER, "0", 0, 1, "Amplitude encoding: relative spread of one unit "
                    + "source of a row's DAC, drawn per row at fabrication."),
            ParameterSpec.of("ivNonlinearity", NUMBER, "0", 0, 20, "Amplitude encoding: read voltage over the "
                    + "devices' I-V scale V0, I = G V0 sinh(V / V0) (Ielmini and Zhang 2007); 0 is ohmic.")
    );

    private InferenceSpec() {
    }
}
