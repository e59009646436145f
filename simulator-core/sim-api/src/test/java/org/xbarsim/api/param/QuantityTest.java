package org.xbarsim.api.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantityTest {
    @Test
    void unitsConvertToTheCanonicalUnit() {
        assertEquals(25, Quantity.CONDUCTANCE.parse("25uS"));
        assertEquals(25, Quantity.CONDUCTANCE.parse("0.025 mS"), 1e-12);
        assertEquals(2e-7, Quantity.TIME.parse("200ns"), 1e-20);
        assertEquals(86400, Quantity.TIME.parse("1d"));
        assertEquals(1e9, Quantity.FREQUENCY.parse("1GHz"));
        assertEquals(1e6, Quantity.ENERGY.parse("1uJ"), 1e-6);
        assertEquals(0.4, Quantity.NUMBER.parse("0.4"));
    }

    @Test
    void aMissingOrWrongUnitSaysWhatWasExpected() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Quantity.CONDUCTANCE.parse("25"));
        assertTrue(missing.getMessage().contains("with a unit"), missing.getMessage());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Quantity.CONDUCTANCE.parse("25pJ"));
        assertTrue(wrong.getMessage().contains("'pJ'"), wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Quantity.INTEGER.parse("2.5"));
        assertThrows(IllegalArgumentException.class, () -> Quantity.NUMBER.parse("NaN"));
    }

    @Test
    void specsCheckTheirRange() {
        ParameterSpec bits = ParameterSpec.of("bits", Quantity.INTEGER, "10", 1, 16, "ADC bits");
        assertEquals(10.0, bits.parse("10"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bits.parse("40"));
        assertTrue(e.getMessage().contains("1..16") && e.getMessage().contains("40"), e.getMessage());
    }

    @Test
    void listingsUseReadableUnits() {
        assertEquals("100GHz", Quantity.FREQUENCY.format(1e11));
        assertEquals("1ps", Quantity.TIME.format(1e-12));
        assertEquals("200ns", Quantity.TIME.format(2e-7));
        assertEquals("60uS", Quantity.CONDUCTANCE.format(60));
    }

    @Test
    void onlyDecimalNumbersAreNumbersNotJavasTypeSuffixesOrHexadecimal() {
        // Issue 10: "sMsp: 1d" and "sMsp: 0x1p-3" were accepted as 1.0 and 0.125.
        for (String bad : new String[] {"1d", "1D", "2f", "2F", "0x1p-3", "0x10", "1e", "+", ".", "1..2", "1 2",
            "Infinity", "NaN", "1_000"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Quantity.NUMBER.parse(bad), bad);
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Quantity.INTEGER.parse(bad), bad);
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Quantity.CONDUCTANCE.parse("0x1p-3uS"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Quantity.TIME.parse("1fs"), "f is no type suffix here either: fs is no unit of time");
        for (String good : new String[] {"1", "-0.5", "+2", "3e-9", "3E+9", ".25", "1.", "007"}) {
            Quantity.NUMBER.parse(good);
        }
        assertEquals(86400.0, Quantity.TIME.parse("1d"), 0, "d is a day where days are units");
        assertEquals(0.125, Quantity.TIME.parse("0.125s"), 0);
    }
}
