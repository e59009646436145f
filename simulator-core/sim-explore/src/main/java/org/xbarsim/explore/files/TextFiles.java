package org.xbarsim.explore.files;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.xbarsim.api.io.BoundedFiles;
import org.xbarsim.api.io.InputError;

/** Result files read back: bounded in size, UTF-8, every failure one line naming the file. */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * The text of {@code file}, at most {@code limit} bytes; {@code what} says what it should be
     * ("the sweep's table (written by xbarsim sweep)") when it is missing.
     */
    public static String read(Path file, long limit, String what) {
        try {
            return BoundedFiles.readString(file, limit, what, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputError(file.toString(), "", "expected " + what + ", found no such file");
        } catch (CharacterCodingException e) {
            throw new InputError(file.toString(), "", "expected UTF-8 text, got bytes that are not");
        } catch (IOException e) {
            throw new InputError(file.toString(), "", "cannot read: " + e.getMessage());
        }
    }
}
