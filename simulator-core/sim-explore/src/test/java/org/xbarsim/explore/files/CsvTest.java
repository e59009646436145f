package org.xbarsim.explore.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.io.InputError;

/** Tables as RFC 4180 writes them, read back to the same cells. */
class CsvTest {
    @Test
    void cellsWithCommasQuotesAndLineBreaksReadBack() {
        List<List<String>> rows = List.of(List.of("a,b", "say \"hi\"", "two\nlines"), List.of("", "x", "1.5"));
        String text = Csv.text(List.of("k", "v", "w"), rows);
        List<Csv.Record> back = Csv.parse("t.csv", "\n" + text + "\n");
        assertEquals(List.of("k", "v", "w"), back.get(0).cells());
        assertEquals(rows.get(0), back.get(1).cells());
        assertEquals(rows.get(1), back.get(2).cells());
        assertEquals(List.of(2, 3, 5), back.stream().map(Csv.Record::line).toList(), "the line each record starts on");
    }

    @Test
    void numbersReadBackExactly() {
        assertEquals("65536", Csv.cell(65536.0));
        assertEquals("0.01171875", Csv.cell(0.01171875));
        assertEquals("1.0E-4", Csv.cell(1e-4));
        assertEquals("-0.0", Csv.cell(-0.0));
        assertEquals("", Csv.cell(null));
        assertEquals("12", Csv.cell(12L));
    }

    @Test
    void malformedCsvIsOneLineAtItsLine() {
        InputError open = assertThrows(InputError.class, () -> Csv.parse("t.csv", "a,b\n\"c,d\n"));
        assertTrue(open.getMessage().startsWith("t.csv:2: malformed CSV: a quoted field is never closed"),
                open.getMessage());
        InputError inner = assertThrows(InputError.class, () -> Csv.parse("t.csv", "a,b\nc\"d,e\n"));
        assertTrue(inner.getMessage().startsWith("t.csv:2: malformed CSV: expected a quote only at the start"),
                inner.getMessage());
        InputError after = assertThrows(InputError.class, () -> Csv.parse("t.csv", "a\n\"b\"c\n"));
        assertTrue(after.getMessage().contains("after a closing quote"), after.getMessage());
    }
}
