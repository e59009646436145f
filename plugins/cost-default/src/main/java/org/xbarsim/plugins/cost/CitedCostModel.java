package org.xbarsim.plugins.cost;

import static org.xbarsim.api.param.Quantity.CURRENT;
import static org.xbarsim.api.param.Quantity.ENERGY;
import static org.xbarsim.api.param.Quantity.LENGTH;
import static org.xbarsim.api.param.Quantity.NUMBER;
import static org.xbarsim.api.param.Quantity.TIME;
import static org.xbarsim.api.param.Quantity.VOLTAGE;

import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.cost.ChipShape;
import org.xbarsim.api.cost.CostContext;
import org.xbarsim.api.cost.CostModel;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.cost.TileArea;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Preset;

/**
 * A cost model whose every number is a parameter citing its source ({@code xbarsim plugins} prints
 * them): ADC energy and area from the survey fit of {@link SurveyAdcFit} (SAR) or the survey's Walden
 * figures of merit (ramp, CCO); SET and RESET from NVSim's PCM cell; the array read as V^2 G t; row
 * drive from ISAAC; digital periphery from Horowitz's 45-nm table. Defaults are a 32-nm chip (ISAAC's
 * node); preset {@code hermes-14nm} is IBM's HERMES core.
 *
 * <p>Not priced, so every figure is optimistic by what they cost: clock distribution, control,
 * leakage, SRAM buffers and data movement between tiles. The digital figures are at 45 nm and not
 * scaled to the chip's node, which makes them pessimistic at smaller nodes.
 */
@Extension
public class CitedCostModel implements CostModel {
    private static final String SURVEY = "Andrulis et al. 2024, fit to Murmann's survey";
    private static final String HOROWITZ = "Horowitz, ISSCC 2014, 45 nm";

    static final List<ParameterSpec> PARAMETERS = specs();

    private static List<ParameterSpec> specs() {
        List<ParameterSpec> all = new ArrayList<>(sar());
        all.addAll(periphery());
        return List.copyOf(all);
    }

    /** The technology node and the SAR fit's constants. */
    private static List<ParameterSpec> sar() {
        List<ParameterSpec> p = new ArrayList<>();
        p.add(ParameterSpec.of("techNode", LENGTH, "32nm", 5e-9, 250e-9, "CMOS node of the periphery; ADC energy "
                + "scales with it as in the survey fit. 32 nm is ISAAC's (Shafiee et al., ISCA 2016)."));
        // The SAR fit's constants: Andrulis, Chen, Lee, Emer and Sze, arXiv:2404.06553 (2024), fitted to
        // Murmann's ADC Performance Survey 1997-2023; hwcomponents-adc, adc_data/model.yaml.
        p.add(number("adc.sar.fomIntercept", "213.7806687348118", "Schreier FOM at 1 Hz, dB (" + SURVEY + ")."));
        p.add(number("adc.sar.fomPerLnRate", "-2.8719030399529957", "Fall of the Schreier FOM per e-fold of "
                + "sample rate, dB (" + SURVEY + ")."));
        p.add(number("adc.sar.fomCapIntercept", "128.3068287398817", "Cap on the Schreier FOM at 0 bits, dB ("
                + SURVEY + ", max_by_enob)."));
        p.add(number("adc.sar.fomCapPerBit", "3.2205115109775566", "Rise of that cap per bit, dB (" + SURVEY
                + ", max_by_enob)."));
        p.add(number("adc.sar.techIntercept", "26.0496215686518", "Energy scale, ln (" + SURVEY + ")."));
        p.add(number("adc.sar.techSlope", "1.8800369206815004", "Energy against ln(node in nm) (" + SURVEY + ")."));
        p.add(number("adc.sar.bitsSlope", "-2.8291256050594527", "Energy against ln(bits) (" + SURVEY + ")."));
        p.add(number("adc.sar.residual", "-1.4702022133784405", "Quantile of the fit's residuals: the frontier, "
                + "not the median (" + SURVEY + ")."));
        p.add(number("adc.area.techSlope", "0.9932794744745022", "ln(ADC area, um^2) against ln(node in nm) ("
                + SURVEY + ")."));
        p.add(number("adc.area.rateSlope", "0.18071538424508238", "ln(ADC area) against ln(sample rate) ("
                + SURVEY + ")."));
        p.add(number("adc.area.energySlope", "0.29912426192653485", "ln(ADC area) against ln(energy in pJ) ("
                + SURVEY + ")."));
        p.add(number("adc.area.intercept", "1.3461916439910742", "ln(ADC area) intercept (" + SURVEY + ")."));
        return p;
    }

    /** Ramp and CCO ADCs, pulses, reads, row drive and DAC, digital periphery, cell pitch. */
    private static List<ParameterSpec> periphery() {
        List<ParameterSpec> p = new ArrayList<>();
        p.add(ParameterSpec.of("adc.ramp.walden", ENERGY, "101.5fJ", 0, 1e6, "Walden FOM per conversion step of a "
                + "single-slope ADC: median of the 5 single-slope Nyquist designs in Murmann's survey (rev. "
                + "2025-06-09: 2.6, 100, 102, 151, 368 fJ)."));
        p.add(ParameterSpec.of("adc.cco.walden", ENERGY, "30.5fJ", 0, 1e6, "Walden FOM per conversion step of a "
                + "VCO/CCO-based ADC: median of the 5 VCO-based Nyquist designs in Murmann's survey (rev. "
                + "2025-06-09: 2.4, 8.3, 30.5, 41.5, 2953 fJ)."));
        p.add(ParameterSpec.of("setCurrent", CURRENT, "150uA", 0, 1, "SET current (NVSim sample PCRAM cell, Lee "
                + "et al., ISCA 2009)."));
        p.add(ParameterSpec.of("setPulse", TIME, "150ns", 0, 1, "SET pulse width (NVSim sample PCRAM cell)."));
        p.add(ParameterSpec.of("resetCurrent", CURRENT, "300uA", 0, 1, "RESET current (NVSim sample PCRAM cell)."));
        p.add(ParameterSpec.of("resetPulse", TIME, "40ns", 0, 1, "RESET pulse width (NVSim sample PCRAM cell)."));
        p.add(ParameterSpec.of("writeVoltage", VOLTAGE, "1V", 0, 10, "Supply a write current is drawn from: NVSim "
                + "charges V I t with the node's vdd (MemCell::CalculateWriteEnergy); science.md section 7 "
                + "gives 1-1.5 V."));
        p.add(ParameterSpec.of("readVoltage", VOLTAGE, "0.2V", 0, 10, "Read voltage: a read costs V^2 G t with the "
                + "actual input and conductance (science.md section 7: 0.2 V)."));
        p.add(ParameterSpec.of("rowDrive", ENERGY, "0.41667pJ", 0, 1e6, "Driving a row for one read, per 128 "
                + "devices on it: ISAAC's 1-bit DAC, 4 mW for 8 x 128 at 1.2 GHz, 128/100 use (Shafiee et al., "
                + "ISCA 2016, in the Accelergy library's isaac.py)."));
        p.add(ParameterSpec.of("dacStep", ENERGY, "0.03pJ", 0, 1e6, "One pulse-width DAC step of one row: an 8-bit "
                + "comparison with the shared counter, as an 8-bit add (" + HOROWITZ + ")."));
        p.add(area("dacArea", "0.166", "Area of a row's DAC, um^2 (ISAAC: 170 um^2 for 8 x 128 DACs)."));
        p.add(area("comparatorArea", "36", "Area of a row's 8-bit comparator, um^2, as an 8-bit adder ("
                + HOROWITZ + ")."));
        p.add(ParameterSpec.of("digital.accumulate", ENERGY, "0.1pJ", 0, 1e6, "Adding a partial sum, a 32-bit "
                + "integer add (" + HOROWITZ + ")."));
        p.add(ParameterSpec.of("digital.scale", ENERGY, "1.1pJ", 0, 1e6, "Rescaling an output, a 16-bit "
                + "floating-point multiply (" + HOROWITZ + ")."));
        p.add(ParameterSpec.of("digital.activation", ENERGY, "0.03pJ", 0, 1e6, "An activation (ReLU), an 8-bit "
                + "compare as an 8-bit add (" + HOROWITZ + ")."));
        p.add(area("digital.accumulateArea", "137", "Area of a 32-bit adder, um^2 (" + HOROWITZ + ")."));
        p.add(area("digital.scaleArea", "1640", "Area of a 16-bit floating-point multiplier, um^2 (" + HOROWITZ
                + ")."));
        p.add(area("digital.activationArea", "36", "Area of an 8-bit adder, um^2 (" + HOROWITZ + ")."));
        p.add(ParameterSpec.of("cellPitch", LENGTH, "0.096um", 1e-9, 1e-3, "Pitch of one device, square: 3 F at "
                + "32 nm, the 9 F^2 of NVSim's sample PCRAM cell."));
        return p;
    }

    private static ParameterSpec area(String name, String value, String description) {
        return ParameterSpec.of(name, NUMBER, value, 0, 1e9, description);
    }

    private static ParameterSpec number(String name, String value, String description) {
        return ParameterSpec.of(name, NUMBER, value, -1e6, 1e6, description);
    }

    @Override
    public String id() {
        return "cited";
    }

    @Override
    public String description() {
        return "Energy and area with every number cited: ADCs fitted to Murmann's survey by architecture and node, "
                + "NVSim PCM pulses, reads as V^2 G t, ISAAC row drive, Horowitz digital periphery.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<Preset> presets() {
        return List.of(Preset.fromResource(CitedCostModel.class, "hermes-14nm", "hermes-14nm.properties"));
    }

    @Override
    public Costs price(Parameters p, CostContext context) {
        ChipShape chip = context.chip();
        double nodeNm = p.number("techNode") * 1e9;
        double adc = adcEnergy(p, chip, nodeNm);
        double adcArea = fit(p).area(chip.adcSampleRate(), adc, nodeNm);
        double set = p.number("setCurrent") * p.number("writeVoltage") * p.number("setPulse") * 1e12;
        double reset = p.number("resetCurrent") * p.number("writeVoltage") * p.number("resetPulse") * 1e12;
        double rowDrive = p.number("rowDrive") * chip.devicesPerRow() / 128.0;
        double pitchUm = p.number("cellPitch") * 1e6;
        int adcs = chip.adcsPerTile();
        TileArea area = new TileArea(
                (double) chip.tileRows() * chip.devicesPerRow() * pitchUm * pitchUm,
                adcs * adcArea,
                chip.tileRows() * (p.number("dacArea") + p.number("comparatorArea")),
                // One digital lane per ADC: each ADC's outputs are accumulated, scaled and activated.
                adcs * (p.number("digital.accumulateArea") + p.number("digital.scaleArea")
                        + p.number("digital.activationArea")));
        return new Costs(id(), set, reset, 0, p.number("readVoltage"), adc, rowDrive, p.number("dacStep"),
                p.number("digital.accumulate"), p.number("digital.scale"), p.number("digital.activation"), area);
    }

    /** Energy of one conversion by architecture, pJ, at the rate the chip's conversion time sets. */
    static double adcEnergy(Parameters p, ChipShape chip, double nodeNm) {
        return switch (chip.adcArchitecture()) {
            case "ramp" -> SurveyAdcFit.walden(chip.adcBits(), p.number("adc.ramp.walden"));
            case "cco" -> SurveyAdcFit.walden(chip.adcBits(), p.number("adc.cco.walden"));
            default -> fit(p).energy(chip.adcBits(), chip.adcSampleRate(), nodeNm);
        };
    }

    static SurveyAdcFit fit(Parameters p) {
        return new SurveyAdcFit(p.number("adc.sar.fomIntercept"), p.number("adc.sar.fomPerLnRate"),
                p.number("adc.sar.fomCapIntercept"), p.number("adc.sar.fomCapPerBit"),
                p.number("adc.sar.techIntercept"), p.number("adc.sar.techSlope"), p.number("adc.sar.bitsSlope"),
                p.number("adc.sar.residual"), p.number("adc.area.techSlope"), p.number("adc.area.rateSlope"),
                p.number("adc.area.energySlope"), p.number("adc.area.intercept"));
    }
}
