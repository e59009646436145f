package org.xbarsim.nn.net.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The description format: what it reads, and a one-line error with the line number for what it does not. */
class NetworkDescriptionTest {
    @Test
    void readsLayersOptionsAndInputs() {
        NetworkDescription d = NetworkDescription.parse("""
                # a comment
                input 1 28 28   # the shape
                conv2d conv1 out=6 kernel=5 padding=2

                relu r1
                add res from=r1,input
                """);
        assertArrayEquals(new int[] {1, 28, 28}, d.inputShape());
        assertEquals(3, d.layers().size());
        NetworkDescription.Line conv = d.layers().get(0);
        assertEquals(3, conv.number());
        assertEquals("conv2d", conv.kind());
        assertEquals("conv1", conv.name());
        assertEquals(Map.of("out", "6", "kernel", "5", "padding", "2"), conv.options());
        assertEquals(6, conv.integer("out", null));
        assertEquals(1, conv.integer("stride", 1));
        assertEquals(List.of("r1", "input"), d.layers().get(2).from());
        assertEquals(List.of(), conv.from());
        assertEquals("line 3 (conv2d conv1): ", conv.where());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "relu r|line 1: expected 'input' and the per-sample shape (e.g. input 1 28 28) first, got 'relu'",
        "input 1 28 28\\ninput 3|line 2: expected one input line before the layers, got another",
        "input 1 x|line 1: expected input sizes 1..1048576, got 'x'",
        "input 0|line 1: expected input sizes 1..1048576, got '0'",
        "input|line 1: expected the input shape (e.g. input 1 28 28), got none",
        "input 4\\nconv3d c out=2|line 2: expected a layer kind among add, avgpool, conv2d, flatten, linear, lstm, maxpool, relu, softmax, got 'conv3d'",
        "input 4\\nlinear|line 2: expected a name after 'linear' (e.g. linear linear1), got none",
        "input 4\\nlinear out=3|line 2: expected a name after 'linear' (e.g. linear linear1), got none",
        "input 4\\nlinear fc out|line 2 (linear fc): expected key=value, got 'out'",
        "input 4\\nlinear fc out=|line 2 (linear fc): expected key=value, got 'out='",
        "input 4\\nlinear fc out=3 out=4|line 2 (linear fc): out given twice",
        "input 4\\nlinear fc kernel=3|line 2 (linear fc): expected options among [out] or from=, got 'kernel'",
        "input 4\\nrelu r size=3|line 2 (relu r): expected no option but from=, got 'size'",
        "input 4|expected an input line and at least one layer, got no layer",
        "# nothing|expected an input line and at least one layer, got no input line"})
    void refusesWithTheLineAndWhatWasExpected(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkDescription.parse(text.replace("\\n", "\n")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void optionValuesAreChecked() {
        NetworkDescription.Line line = NetworkDescription.parse("input 4\nlstm l hidden=x output=all").layers().get(0);
        assertEquals("line 2 (lstm l): expected hidden a whole number 0..1048576, got 'x'",
                assertThrows(IllegalArgumentException.class, () -> line.integer("hidden", null)).getMessage());
        assertEquals("line 2 (lstm l): expected out=N, found none",
                assertThrows(IllegalArgumentException.class, () -> line.integer("out", null)).getMessage());
        assertEquals("line 2 (lstm l): expected output one of last, sequence, got 'all'",
                assertThrows(IllegalArgumentException.class, () -> line.text("output", "last", "last", "sequence"))
                        .getMessage());
        assertEquals("last", line.text("missing", "last", "last", "sequence"));
        NetworkDescription.Line neg = NetworkDescription.parse("input 4\nlstm l hidden=-1").layers().get(0);
        assertThrows(IllegalArgumentException.class, () -> neg.integer("hidden", null));
        NetworkDescription.Line big = NetworkDescription.parse("input 4\nlstm l hidden=2000000").layers().get(0);
        assertThrows(IllegalArgumentException.class, () -> big.integer("hidden", null));
        assertEquals(1048576, NetworkDescription.parse("input 4\nlstm l hidden=1048576").layers().get(0)
                .integer("hidden", null));
    }
}
