package org.xbarsim.nn.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharCorpusTest {
    @TempDir
    Path dir;

    @Test
    void vocabularyIsSortedDistinctCharactersWithStableIds() {
        CharCorpus c = CharCorpus.of("hello world\n", 0.5);
        assertEquals("\n dehlorw", c.vocabulary());
        assertEquals(9, c.vocabSize());
        assertEquals(0, c.id('\n'));
        assertEquals(1, c.id(' '));
        assertEquals(8, c.id('w'));
        assertEquals(-1, c.id('z'));
        assertEquals('h', c.symbol(c.id('h')));
        // Ids depend on which characters occur, not on their order of first appearance.
        assertEquals(c.vocabulary(), CharCorpus.of("\nwrold olleh", 0.5).vocabulary());
    }

    @Test
    void encodesAndDecodes() {
        CharCorpus c = CharCorpus.of("abcab", 1);
        assertArrayEquals(new int[] {0, 1, 2, 0, 1}, c.trainIds());
        assertArrayEquals(new int[] {2, 1, 0}, c.encode("cba"));
        assertEquals("cab", c.decode(new int[] {2, 0, 1}));
        assertEquals("abcab", c.decode(c.trainIds()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.encode("abz"));
        assertTrue(e.getMessage().contains("U+007A at position 2"), e.getMessage());
    }

    @Test
    void splitsTrainThenHeldOut() {
        CharCorpus c = CharCorpus.of("0123456789", 0.9);
        assertEquals(10, c.length());
        assertEquals(9, c.trainLength());
        assertEquals(1, c.heldOutLength());
        assertEquals("012345678", c.decode(c.trainIds()));
        assertEquals("9", c.decode(c.heldOutIds()));
        CharCorpus d = CharCorpus.of("abcdefghijklmnopqrst", 0.75);
        assertEquals("abcdefghijklmno", d.decode(d.trainIds()));
        assertEquals("pqrst", d.decode(d.heldOutIds()));
        assertEquals(d.idAt(15), d.heldOutIds()[0]);
    }

    @Test
    void loadsUtf8FileWithDefaultSplit() throws IOException {
        Path f = dir.resolve("t.txt");
        Files.writeString(f, "x".repeat(90) + "y".repeat(10));
        CharCorpus c = CharCorpus.load(f);
        assertEquals("xy", c.vocabulary());
        assertEquals(90, c.trainLength());
        for (int id : c.heldOutIds()) {
            assertEquals(1, id);
        }
    }

    @Test
    void refusesEmptyMissingOrNonUtf8Files() throws IOException {
        Path empty = dir.resolve("empty.txt");
        Files.write(empty, new byte[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CharCorpus.load(empty));
        assertTrue(e.getMessage().contains("empty.txt") && e.getMessage().contains("empty"), e.getMessage());

        Path missing = dir.resolve("missing.txt");
        e = assertThrows(IllegalArgumentException.class, () -> CharCorpus.load(missing));
        assertTrue(e.getMessage().contains("missing.txt: no such file"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> CharCorpus.load(dir));
        assertTrue(e.getMessage().contains("cannot read"), e.getMessage());

        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'a', (byte) 0xe9, 'b'});
        e = assertThrows(IllegalArgumentException.class, () -> CharCorpus.load(latin1));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> CharCorpus.of("", 0.9));
        assertThrows(IllegalArgumentException.class, () -> CharCorpus.of("abc", 0));
        assertThrows(IllegalArgumentException.class, () -> CharCorpus.of("abc", 1.5));
    }
}
