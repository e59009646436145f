package org.xbarsim.api.workload;

import java.nio.file.Path;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.random.RandomStreams;

/**
 * What the host hands a workload.
 *
 * @param parameters the workload's resolved parameters
 * @param random     streams under {@code workload/}
 * @param source     the scenario file, for error messages
 * @param baseDir    directory relative file paths resolve against (the scenario's)
 */
public record WorkloadContext(Parameters parameters, RandomStreams.Scope random, String source, Path baseDir) {

    /** A path parameter resolved against the scenario's directory. */
    public Path resolve(String parameter) {
        return baseDir.resolve(parameters.text(parameter)).normalize();
    }

    /** An input error naming the scenario file and {@code workload.<parameter>}. */
    public InputError error(String parameter, String detail) {
        return new InputError(source, "workload." + parameter, detail);
    }
}
