package org.xbarsim.api.io;

/**
 * Bad input from a user: a file, a key path within it, and what was expected. The command line
 * prints it as one line, {@code source: key.path: message}, and exits with status 2.
 */
public class InputError extends RuntimeException {
    private final String source;
    private final String keyPath;
    private final String detail;

    public InputError(String source, String keyPath, String detail) {
        super(format(source, keyPath, detail));
        this.source = source;
        this.keyPath = keyPath;
        this.detail = detail;
    }

    public InputError(String source, String keyPath, String detail, Throwable cause) {
        super(format(source, keyPath, detail), cause);
        this.source = source;
        this.keyPath = keyPath;
        this.detail = detail;
    }

    private static String format(String source, String keyPath, String detail) {
        StringBuilder b = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            b.append(source).append(": ");
        }
        if (keyPath != null && !keyPath.isEmpty()) {
            b.append(keyPath).append(": ");
        }
        return b.append(detail).toString();
    }

    public String source() {
        return source;
    }

    public String keyPath() {
        return keyPath;
    }

    public String detail() {
        return detail;
    }
}
