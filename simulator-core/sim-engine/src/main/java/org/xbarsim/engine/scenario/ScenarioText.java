package org.xbarsim.engine.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.InputError;

/**
 * A scenario as written, before it is loaded: its YAML text, the name messages give it, and where it
 * stands ({@code location}: relative file keys resolve against its directory, and its file name is the
 * default scenario name). Read from a file, or taken from a trace's header or a cluster's point.
 */
public record ScenarioText(String text, String source, Path location) {
    /** Reads a scenario file, at most {@link ScenarioLoader#MAX_FILE_BYTES}, as UTF-8. */
    public static ScenarioText read(Path file) {
        String source = file.toString();
        try {
            // Otherwise a directory surfaces as the operating system's "Is a directory" from the read.
            if (Files.isDirectory(file)) {
                throw new InputError(source, "", "expected a scenario YAML file, got a directory");
            }
            byte[] bytes = BoundedFiles.readAllBytes(file, ScenarioLoader.MAX_FILE_BYTES, "a scenario YAML file");
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return new ScenarioText(text, source, file);
        } catch (NoSuchFileException e) {
            throw new InputError(source, "", "expected a scenario YAML file, found no such file");
        } catch (CharacterCodingException e) {
            throw new InputError(source, "", "expected UTF-8 text, got bytes that are not");
        } catch (IOException e) {
            throw new InputError(source, "", "cannot read: " + e.getMessage());
        }
    }
}
