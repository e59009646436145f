package org.xbarsim.engine.hw;

/**
 * What one SET pulse costs, from its amplitude a and width w relative to the nominal SET pulse
 * ({@code chip.energy.set} and {@code chip.timing.set}, science.md section 5). Kept apart from the
 * sequencer that charges it so that a cost model can take it over.
 * <ul>
 *   <li>Time: the pulse lasts w t_set (at least one cycle): a row's next operation waits for it.</li>
 *   <li>Energy per device pulsed: a^2 w E_set, Joule heating in the device, E = I^2 R t at a fixed
 *       resistance (science.md section 7: NVSim's PCM cell SETs with 150 uA for 150 ns, about 22-34 pJ at
 *       1-1.5 V). In its threshold-switched ON state a PCM cell's dynamic resistance falls with current
 *       (R_d = A / I + B: Rajendran et al., VLSI Technology 2008), so a strong pulse costs somewhat less than
 *       a^2 says and a weak one more: this law overprices strong pulses, which a search would otherwise
 *       favour.</li>
 * </ul>
 */
public final class SetPulseCost {
    private SetPulseCost() {
    }

    /** Energy of a SET on one device, pJ. */
    public static double picojoulesPerDevice(ChipConfig chip, double amplitude, double width) {
        return amplitude * amplitude * width * chip.setPicojoules();
    }

    /** Duration of a SET operation, cycles: its width times the nominal SET's, at least one cycle. */
    public static long cycles(ChipConfig chip, double width) {
        return Math.max(1, Math.round(width * chip.setCycles()));
    }
}
