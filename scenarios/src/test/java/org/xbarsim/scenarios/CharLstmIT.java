package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.xbarsim.engine.summary.RunSummary;
import org.junit.jupiter.api.Test;

/**
 * The character LSTM end to end with the real plugin jars: its input, recurrent and output matrices
 * programmed row-wise into PCM tiles, the held-out text scored through the tiles.
 */
class CharLstmIT {
    @Test
    void analogBitsPerCharacterAreWithinFivePercentOfSoftware() {
        RunSummary s = Runs.run("char-lstm.yaml", 2);
        double software = s.inference().softwareBitsPerChar();
        double analog = s.inference().analogBitsPerChar();
        // The model learned: far below log2(vocabulary) (about 6.6 bits for 96 characters).
        assertTrue(software < 3.0, "software " + software);
        assertTrue(analog >= software - 0.01, "hardware cannot beat its own model by more than noise: " + analog);
        assertEquals(software, analog, 0.05 * software, "analog " + analog + " vs software " + software);
        assertTrue(s.inference().samples() > 40_000);
    }

    @Test
    void aYearOfDriftCostsMoreThanASecond() {
        double second = Runs.run("char-lstm.yaml", 2, "inference.samples=5000").inference().analogBitsPerChar();
        double year = Runs.run("char-lstm.yaml", 2, "inference.samples=5000", "inference.time=1y",
                "inference.driftCompensation=off").inference().analogBitsPerChar();
        assertTrue(year > second, "1 year " + year + " vs 1 s " + second);
    }
}
