package org.xbarsim.engine.output;

import java.nio.file.Path;

/**
 * Names that come from input (a scenario's {@code name:}, the name recorded in a trace) made safe to
 * use as one directory name under a root the user chose: such a name must never decide where xbarsim
 * writes ({@code name: ../../elsewhere} would otherwise write outside {@code runs/}).
 */
public final class OutputNames {
    /** Longer names are cut: a file-name component is limited to 255 bytes on common file systems. */
    static final int MAX_LENGTH = 100;

    private OutputNames() {
    }

    /**
     * {@code name} as a single path component: letters, digits and {@code . _ + -} kept, every other
     * character (a separator, a space, a control character) replaced by {@code _}, leading dots
     * dropped (no {@code ..}, no hidden directory), at most {@value #MAX_LENGTH} characters, never
     * empty.
     */
    public static String safe(String name) {
        StringBuilder b = new StringBuilder();
        String n = name == null ? "" : name;
        for (int i = 0; i < n.length() && b.length() < MAX_LENGTH; i++) {
            char c = n.charAt(i);
            boolean kept = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '+' || c == '.');
            if (c == '.' && b.isEmpty()) {
                continue;
            }
            b.append(kept ? c : '_');
        }
        return b.isEmpty() ? "unnamed" : b.toString();
    }

    /** {@code root/safe(name)}: always a direct child of {@code root}. */
    public static Path under(Path root, String name) {
        return root.resolve(safe(name));
    }
}
