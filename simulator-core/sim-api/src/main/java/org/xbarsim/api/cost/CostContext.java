package org.xbarsim.api.cost;

import java.nio.file.Path;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Parameters;

/**
 * What the host hands a cost model.
 *
 * @param chip    the chip to price
 * @param flat    the scenario's {@code chip.energy.*} values
 * @param source  the scenario file, for error messages
 * @param baseDir directory relative file paths resolve against (the scenario's)
 */
public record CostContext(ChipShape chip, FlatEnergies flat, String source, Path baseDir) {

    /** A path parameter resolved against the scenario's directory. */
    public Path resolve(Parameters parameters, String parameter) {
        return baseDir.resolve(parameters.text(parameter)).normalize();
    }

    /** An input error naming the scenario file and {@code cost.<parameter>}. */
    public InputError error(String parameter, String detail) {
        return new InputError(source, "cost." + parameter, detail);
    }
}
