package org.xbarsim.api.programming;

import java.util.List;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;

/**
 * How a policy realises a SET pulse's strength s (the factor on a device's step): by its amplitude
 * (amplitude s, nominal width: it takes the nominal time and costs s^2 of the nominal energy) or by
 * its width (nominal amplitude for s times the nominal time: it costs s times the time and the
 * energy). Every policy declares {@link #SPEC}; the RowOp carries the width (see events.avdl).
 */
public enum PulseMode {
    AMPLITUDE, WIDTH;

    /** Parameter name of every policy. */
    public static final String KEY = "pulseMode";

    public static final ParameterSpec SPEC = ParameterSpec.choice(KEY, "amplitude", List.of("amplitude", "width"),
            "How a SET's strength is realised: amplitude (nominal width and time, energy grows as strength^2, and "
                    + "every device has a largest useful amplitude) or width (nominal amplitude, time and energy grow "
                    + "as strength).");

    /** The mode a policy's resolved parameters name. */
    public static PulseMode of(Parameters p) {
        return p.text(KEY).equals("width") ? WIDTH : AMPLITUDE;
    }

    /** The width, relative to the nominal SET pulse, of a pulse of strength s. */
    public double width(double strength) {
        return this == WIDTH ? strength : 1.0;
    }
}
