package org.xbarsim.plugins.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarsim.api.param.Parameters;

class SurveyAdcFitTest {
    private static final SurveyAdcFit FIT = CitedCostModel.fit(Parameters.of(CitedCostModel.PARAMETERS));

    /**
     * The source's get_energy (hwcomponents-adc model.py), written out again from its model.yaml: FOMS =
     * min(intercept + freq ln f, max_by_enob[ceil(enob)]), energy = 1 / (10^((FOMS - SNDR) / 10) 2) times
     * exp(tech intercept + tech slope ln(node) + enob slope ln(enob) + residual), SNDR = 20 log10(2) enob
     * + 10 log10(1.5); max_by_enob[k] read from the file's list.
     */
    private static double source(int enob, double f, double nodeNm) {
        double[] maxByEnob = {128.3068287398817, 131.52734025085925, 134.7478517618368, 137.96836327281437,
            141.18887478379193, 144.4093862947695, 147.62989780574708, 150.85040931672464, 154.0709208277022,
            157.29143233867975, 160.5119438496573, 163.73245536063487, 166.95296687161243};
        double foms = Math.min(213.7806687348118 + -2.8719030399529957 * Math.log(f), maxByEnob[enob]);
        double sndr = enob * 20 * Math.log(2) / Math.log(10) + 10 * Math.log(1.5) / Math.log(10);
        double e = 1 / (Math.pow(10, (foms - sndr) / 10) * 2);
        return e * Math.exp(26.0496215686518 + 1.8800369206815004 * Math.log(nodeNm)
                + -2.8291256050594527 * Math.log(enob) + -1.4702022133784405);
    }

    @ParameterizedTest
    @CsvSource({"4,1e7,32", "6,1.667e8,32", "8,1.25e8,32", "10,1e8,32", "10,1e9,32", "8,3e9,14", "12,1e6,65",
        "6,1e8,14"})
    void energyIsTheSourcesFormula(int bits, double rate, double node) {
        double expected = source(bits, rate, node);
        assertEquals(expected, FIT.energy(bits, rate, node), 1e-12 * expected);
    }

    /**
     * The figures science.md section 7 quotes for this regression: about 1.1 / 1.7 / 3.3 pJ at 6 / 8 / 10
     * bits at 32 nm and 0.23 / 0.36 / 0.70 pJ at 14 nm (rounded there; at rates below the corner).
     */
    @Test
    void reproducesThePublishedReferencePoints() {
        assertEquals(1.1, FIT.energy(6, 1e8, 32), 0.05);
        assertEquals(1.7, FIT.energy(8, 1e8, 32), 0.05);
        assertEquals(3.3, FIT.energy(10, 1e8, 32), 0.05);
        assertEquals(0.23, FIT.energy(6, 1e8, 14), 0.01);
        assertEquals(0.36, FIT.energy(8, 1e8, 14), 0.01);
        assertEquals(0.70, FIT.energy(10, 1e8, 14), 0.01);
    }

    /**
     * The chip's default SAR (1 ns per bit decision: 167, 125 and 100 MS/s) at 32 nm lies inside the band
     * of the published designs. Murmann's ADC survey (ISSCC and VLSI 1997-2025, rev. 2025-06-09), Nyquist
     * converters with ENOB within half a bit, energy P / f_snyq: at 6 bits (37 designs) best 0.30 pJ,
     * 10th percentile 1.5, median 10; at 8 bits (50) best 1.09, 10th percentile 5.3, median 35; at 10 bits
     * (49) best 2.24, 10th percentile 5.0, median 35. The fit follows the frontier, so it sits between
     * the best design and the median, below the 10th percentile: an optimistic ADC.
     */
    @ParameterizedTest
    @CsvSource({"6,0.30,1.5,10", "8,1.09,5.3,35", "10,2.24,5.0,35"})
    void defaultSarLiesInsideTheSurveyBand(int bits, double best, double p10, double median) {
        double e = FIT.energy(bits, 1 / (bits * 1e-9), 32);
        assertTrue(e >= best && e <= median, bits + " bits: " + e + " pJ outside [" + best + ", " + median + "]");
        assertTrue(e <= p10, bits + " bits: " + e + " pJ, the fit is of the frontier");
    }

    /** Above the corner rate the Schreier FOM falls and energy rises: 8 bits cost more at 3 GS/s than at 100 MS/s. */
    @Test
    void fastConvertersCostMore() {
        assertTrue(FIT.energy(8, 3e9, 32) > 1.5 * FIT.energy(8, 1e8, 32));
        assertEquals(FIT.energy(8, 1e7, 32), FIT.energy(8, 1e8, 32), 1e-12);
    }

    /** Walden: FOM_W 2^ENOB. The ramp's 101.5 fJ/step at 8 bits is 26 pJ, inside the survey's 8-bit band. */
    @Test
    void waldenEnergy() {
        assertEquals(101.5e-3 * 256, SurveyAdcFit.walden(8, 101.5e-3), 1e-12);
        assertEquals(30.5e-3 * 256, SurveyAdcFit.walden(8, 30.5e-3), 1e-12);
        assertTrue(SurveyAdcFit.walden(8, 101.5e-3) < 35 && SurveyAdcFit.walden(8, 30.5e-3) > 1.09);
    }

    /** Area: ln(um^2) = 0.9933 ln(nm) + 0.1807 ln(Hz) + 0.2991 ln(pJ) + 1.3462 (the source's model.yaml). */
    @Test
    void areaIsTheSourcesRegression() {
        double expected = Math.exp(0.9932794744745022 * Math.log(32) + 0.18071538424508238 * Math.log(1.25e8)
                + 0.29912426192653485 * Math.log(1.7) + 1.3461916439910742);
        assertEquals(expected, FIT.area(1.25e8, 1.7, 32), 1e-9 * expected);
    }
}
