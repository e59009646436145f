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

    /** Longest part of a message kept whole; longer ones keep their start and end. */
    static final int MAX_PART = 400;

    private static String format(String source, String keyPath, String detail) {
        StringBuilder b = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            b.append(printable(source)).append(": ");
        }
        if (keyPath != null && !keyPath.isEmpty()) {
            b.append(printable(keyPath)).append(": ");
        }
        return b.append(printable(detail)).toString();
    }

    /**
     * The promise is one readable line, and parts of the message come from the input itself (a key, a
     * value echoed back): control characters are escaped, so a key with a newline cannot break the
     * line, and a megabyte-long value is shortened in the middle.
     */
    private static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_PART + 40));
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() <= MAX_PART) {
            return b.toString();
        }
        int keep = MAX_PART / 2;
        return b.substring(0, keep) + "...(" + (b.length() - 2 * keep) + " characters)..."
                + b.substring(b.length() - keep);
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
