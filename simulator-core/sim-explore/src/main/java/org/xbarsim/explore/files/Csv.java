package org.xbarsim.explore.files;

import java.util.ArrayList;
import java.util.List;
import org.xbarsim.api.io.InputError;

/**
 * Comma-separated tables as RFC 4180 writes them: fields with a comma, a quote or a line break are
 * quoted, quotes doubled; blank lines are skipped when reading. Numbers are written as Java writes
 * them, so they read back exactly.
 */
public final class Csv {
    private Csv() {
    }

    /** A record of a table read back, and the line it starts on. */
    public record Record(int line, List<String> cells) {
    }

    /** The text of a table: a header line, then one line per row. */
    public static String text(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        line(b, header);
        for (List<String> row : rows) {
            line(b, row);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        b.append('\n');
    }

    /** Numbers as Java writes them: exact round trip (1.0E-4 for small ones), whole numbers without ".0". */
    public static String cell(Number n) {
        if (n == null) {
            return "";
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0) ? Long.toString((long) d)
                    : Double.toString(d);
        }
        return Long.toString(n.longValue());
    }

    /** The records of a table's text; malformed CSV is an InputError at {@code source}:line. */
    public static List<Record> parse(String source, String text) {
        return parse(source, text, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * As above, with at most {@code maxRows} records after the header and at most {@code maxFields}
     * fields in the header, and in each record no more than the header has: the bounds keep a table of
     * near-empty cells (a comma each) from becoming millions of strings.
     */
    public static List<Record> parse(String source, String text, int maxRows, int maxFields) {
        return new Parser(source, text, maxRows, maxFields).records();
    }

    /** One pass over the text, a character at a time. */
    private static final class Parser {
        private final String source;
        private final String text;
        private final int maxRows;
        private int maxFields;
        private int at;
        private int line = 1;

        Parser(String source, String text, int maxRows, int maxFields) {
            this.source = source;
            this.text = text;
            this.maxRows = maxRows;
            this.maxFields = maxFields;
        }

        List<Record> records() {
            List<Record> records = new ArrayList<>();
            while (at < text.length()) {
                int start = line;
                List<String> cells = record(records.isEmpty());
                if (!(cells.size() == 1 && cells.get(0) == null)) {
                    if (records.size() > maxRows) {
                        throw new InputError(source + ":" + start, "", "expected at most " + maxRows + " rows after "
                                + "the header, got more");
                    }
                    if (records.isEmpty()) {
                        maxFields = cells.size(); // every row has as many fields as the header
                    }
                    records.add(new Record(start, List.copyOf(cells.stream().map(c -> c == null ? "" : c).toList())));
                }
            }
            return records;
        }

        /** The cells up to the end of the line; a blank line is one null cell (skipped). */
        private List<String> record(boolean header) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"' && cell.length() == 0 && !quoted) {
                    quoted(cell);
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    quoted = false;
                    if (cells.size() >= maxFields) {
                        throw error("expected " + maxFields + " fields" + (header ? " at most" : " as in the header")
                                + ", got more");
                    }
                } else if (c == '\n' || c == '\r') {
                    endOfLine(c);
                    break;
                } else if (quoted || c == '"') {
                    throw error(quoted ? "expected ',' or the end of the line after a closing quote"
                            : "expected a quote only at the start of a field");
                } else {
                    cell.append(c);
                }
            }
            cells.add(cells.isEmpty() && cell.toString().isBlank() && !quoted ? null : cell.toString());
            return cells;
        }

        /** A quoted field's content, up to its closing quote. */
        private void quoted(StringBuilder cell) {
            int start = line;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    if (at < text.length() && text.charAt(at) == '"') {
                        cell.append('"');
                        at++;
                        continue;
                    }
                    return;
                }
                if (c == '\n') {
                    line++;
                }
                cell.append(c);
            }
            throw new InputError(source + ":" + start, "", "malformed CSV: a quoted field is never closed");
        }

        private void endOfLine(char c) {
            if (c == '\r' && at < text.length() && text.charAt(at) == '\n') {
                at++;
            }
            line++;
        }

        private InputError error(String what) {
            return new InputError(source + ":" + line, "", "malformed CSV: " + what);
        }
    }
}
