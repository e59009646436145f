package org.xbarsim.plugins.cost;

/**
 * ADC energy and area fitted to Murmann's ADC Performance Survey (ISSCC and VLSI Symposium papers
 * 1997-2023) by Andrulis, Chen, Lee, Emer and Sze, "Modeling Analog-Digital-Converter Energy and Area
 * for Compute-In-Memory Accelerator Design" (arXiv:2404.06553, 2024); the constants are their
 * published fit (hwcomponents-adc, adc_data/model.yaml). The fit follows the frontier of the survey: the
 * energy a good design needs, not the median one.
 *
 * <p>Energy per conversion from the Schreier figure of merit FOM_S = SNDR + 10 log10(f_s / 2 / P):
 * E = P / f_s = 1 / (2 10^((FOM_S - SNDR) / 10)), with SNDR = 6.02 bits + 1.76 dB, FOM_S falling with
 * the sample rate (fomIntercept + fomPerLnRate ln f_s) and capped by resolution (fomCapIntercept +
 * fomCapPerBit bits), then scaled by technology and resolution, exp(techIntercept + techSlope
 * ln(node in nm) + bitsSlope ln(bits) + residual). The result is in pJ. Area: ln(um^2) = areaTech
 * ln(node in nm) + areaRate ln(f_s) + areaEnergy ln(E in pJ) + areaIntercept.
 */
record SurveyAdcFit(double fomIntercept, double fomPerLnRate, double fomCapIntercept, double fomCapPerBit,
                    double techIntercept, double techSlope, double bitsSlope, double residual,
                    double areaTech, double areaRate, double areaEnergy, double areaIntercept) {

    /** The largest resolution the fit's cap table covers (its max_by_enob list has 21 entries, 0-20 bits). */
    static final int MAX_CAP_BITS = 20;

    /** Signal to noise and distortion of an ideal converter of {@code bits}, dB. */
    static double sndr(int bits) {
        return bits * 20 * Math.log10(2) + 10 * Math.log10(1.5);
    }

    /** Energy of one conversion, pJ, at {@code rate} conversions per second in a {@code nodeNm} process. */
    double energy(int bits, double rate, double nodeNm) {
        double fom = Math.min(fomIntercept + fomPerLnRate * Math.log(rate),
                fomCapIntercept + fomCapPerBit * Math.min(bits, MAX_CAP_BITS));
        double schreier = 1 / (2 * Math.pow(10, (fom - sndr(bits)) / 10));
        return schreier * Math.exp(techIntercept + techSlope * Math.log(nodeNm) + bitsSlope * Math.log(bits)
                + residual);
    }

    /** Area of one ADC, um^2, that converts at {@code rate} with energy {@code picojoules} per conversion. */
    double area(double rate, double picojoules, double nodeNm) {
        return Math.exp(areaTech * Math.log(nodeNm) + areaRate * Math.log(rate) + areaEnergy * Math.log(picojoules)
                + areaIntercept);
    }

    /** Energy of one conversion at a Walden figure of merit {@code fomPicojoules} per step: FOM_W 2^bits. */
    static double walden(int bits, double fomPicojoules) {
        return fomPicojoules * Math.pow(2, bits);
    }
}
