package org.xbarsim.engine.trace;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.xbarsim.api.io.FileAccess;
import org.xbarsim.engine.output.OutputNames;

/**
 * Where a trace's recorded scenario is taken to stand, and which files it may name, decided by the
 * user and never by the trace: the paths a trace records (its scenario's directory, absolute file
 * keys) are used only when the user says so. Nothing is ever downloaded during a replay.
 *
 * <ul>
 *   <li>{@code --scenario-dir DIR}: relative paths resolve in DIR, and every file the scenario names
 *       must be under DIR;</li>
 *   <li>{@code --trust-recorded-paths}: as recorded (the recorded directory if it exists here, else the
 *       recorded scenario's directory relative to the current one), any file the user can read;</li>
 *   <li>neither: the scenario may name no file at all (most traces name none: a synthetic matrix).</li>
 * </ul>
 *
 * @param location the scenario file's place: its directory is where relative paths resolve, its name the
 *                 scenario's default name
 * @param access   what the replay may read
 */
public record RecordedScenario(Path location, FileAccess access) {
    /** The refusal's advice when a recorded scenario names a file the replay was not allowed. */
    static final String HINT = "a trace's recorded paths are used only with --scenario-dir DIR (files under DIR) or "
            + "--trust-recorded-paths";

    public static RecordedScenario of(TraceHeader header, Path scenarioDir, boolean trustRecordedPaths) {
        String fileName = OutputNames.safe(fileName(header.scenarioSource()));
        if (scenarioDir != null) {
            return new RecordedScenario(scenarioDir.toAbsolutePath().resolve(fileName),
                    FileAccess.only(List.of(scenarioDir), null).withHint(HINT));
        }
        if (trustRecordedPaths) {
            return new RecordedScenario(asRecorded(header, fileName), FileAccess.noDownloads());
        }
        return new RecordedScenario(Path.of("").toAbsolutePath().resolve(fileName),
                FileAccess.only(List.of(), null).withHint(HINT));
    }

    private static String fileName(String source) {
        try {
            Path name = Path.of(source).getFileName();
            return name == null ? "scenario.yaml" : name.toString();
        } catch (InvalidPathException e) {
            return "scenario.yaml";
        }
    }

    /**
     * The recorded directory if it exists here; else the recorded scenario file's directory taken
     * relative to the current directory (a trace moved to another machine along with a checkout).
     */
    private static Path asRecorded(TraceHeader header, String fileName) {
        try {
            Path recordedDir = Path.of(header.scenarioDir());
            if (recordedDir.isAbsolute() && Files.isDirectory(recordedDir)) {
                return recordedDir.resolve(fileName);
            }
            Path parent = Path.of(header.scenarioSource()).getParent();
            return (parent == null ? Path.of("") : parent).toAbsolutePath().resolve(fileName);
        } catch (InvalidPathException e) {
            return Path.of("").toAbsolutePath().resolve(fileName);
        }
    }
}
