package org.xbarsim.api.workload;

import java.nio.file.Path;
import org.xbarsim.api.io.FileAccess;
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
 * @param access     what the run may read and fetch (the host has checked the file keys against it; a
 *                   workload that downloads data asks it first)
 */
public record WorkloadContext(Parameters parameters, RandomStreams.Scope random, String source, Path baseDir,
                              FileAccess access) {

    /** A user's own run: any file, downloads allowed. */
    public WorkloadContext(Parameters parameters, RandomStreams.Scope random, String source, Path baseDir) {
        this(parameters, random, source, baseDir, FileAccess.unrestricted());
    }

    /** A path parameter resolved against the scenario's directory. */
    public Path resolve(String parameter) {
        return baseDir.resolve(parameters.text(parameter)).normalize();
    }

    /** An input error naming the scenario file and {@code workload.<parameter>}. */
    public InputError error(String parameter, String detail) {
        return new InputError(source, "workload." + parameter, detail);
    }
}
