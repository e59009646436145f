package org.xbarsim.nn.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbarsim.nn.text.CharCorpus;

/**
 * The model shipped in scenarios/models/char-lstm still gives, on the shipped excerpt's held-out
 * split, the bits per character recorded when it was trained, and has learned something.
 * Paths are relative to the sim-nn module directory, surefire's working directory.
 */
class ShippedCharLstmTest {
    static final Path MODEL = Path.of("../../scenarios/models/char-lstm");
    static final Path TEXT = Path.of("../../scenarios/data/jargon-4.4.7-excerpt.txt");

    @Test
    void heldOutBitsPerCharAsRecorded() throws IOException, NoSuchAlgorithmException {
        CharLstm model = CharLstm.load(MODEL);
        Map<String, String> props = CharLstm.readProperties(MODEL);
        CharCorpus corpus = CharCorpus.load(TEXT);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(TEXT))),
                props.get("dataSha256"), "the excerpt changed since the model was trained");
        assertEquals(corpus.vocabulary(), model.vocabulary());

        double bits = model.bitsPerChar(corpus.heldOutIds());
        assertEquals(Double.parseDouble(props.get("heldOutBitsPerChar")), bits, 1e-6);
        double uniform = Math.log(model.vocabSize()) / Math.log(2);
        assertTrue(bits < uniform / 2, "held-out " + bits + " bpc, uniform guess " + uniform);
    }
}
