package org.xbarsim.api.device;

import org.xbarsim.api.random.RandomStream;

/**
 * A population of devices held in primitive arrays: the physics hot loop. Operations address a run
 * of devices as {@code base + cols[k]} for {@code k < count}, which is how a row operation with a
 * column-enable mask reaches the devices of one row and one device line.
 *
 * <p>Implementations are pure functions of their arrays and the random stream they are handed:
 * they never see the clock, the bus or a file. One array belongs to one tile and is used by one
 * thread at a time.
 */
public interface DeviceArray {

    int size();

    /**
     * The true (noiseless) conductance of every device in uS, as it stands after programming.
     * A live view: the engine reads it to score programmed weights. Do not write to it.
     */
    double[] conductances();

    /** A RESET pulse on each addressed device. */
    void reset(int base, int[] cols, int count, RandomStream rng);

    /**
     * A SET pulse on each addressed device, of {@code amplitude} and {@code width} relative to the
     * nominal SET pulse (the nominal SET current for {@code chip.timing.set}). Its strength, the
     * factor on the device's step, is amplitude x width. Every model has a largest useful amplitude
     * above which a SET no longer raises the conductance as asked (PCM melts and partly resets; the
     * other technologies saturate): see each model's {@code maxAmplitude}.
     */
    void set(int base, int[] cols, int count, double amplitude, double width, RandomStream rng);

    /** A SET pulse of the nominal width and amplitude {@code strength}: {@code set(..., strength, 1, rng)}. */
    default void set(int base, int[] cols, int count, double strength, RandomStream rng) {
        set(base, cols, count, strength, 1.0, rng);
    }

    /**
     * What the addressed devices do in the seconds after their last pulse, before any later read
     * (PCM's post-programming relaxation): the engine calls it once for a row's devices when the
     * policy is done with the row. The default is a device that holds its state.
     */
    default void relax(int base, int[] cols, int count, RandomStream rng) {
    }

    /**
     * The variance (uS^2) of one read's noise for each addressed device at its present conductance,
     * written to {@code out[k]}. Read noise is zero-mean Gaussian and independent between devices
     * and reads, so the read path sums the variances of the devices it integrates and draws one
     * deviate per column: exact for Gaussian noise, and four times fewer random numbers.
     */
    void readNoiseVariance(int base, int[] cols, int count, double[] out);

    /**
     * The variance (uS^2) of one read's noise for every device at the given conductances (for
     * example drifted ones, for inference long after programming), written to {@code out}; both
     * arrays have {@link #size()} elements.
     */
    void readNoiseVariances(double[] conductances, double[] out);

    /**
     * As {@link #readNoiseVariances(double[], double[])} for a read {@code seconds} after programming
     * ended, for devices whose read noise grows with that time (PCM's 1/f noise accumulates since
     * programming). The default ignores the time.
     */
    default void readNoiseVariances(double seconds, double[] conductances, double[] out) {
        readNoiseVariances(conductances, out);
    }

    /**
     * Conductance of every device {@code seconds} after programming ended (drift), written to
     * {@code out}, which has {@link #size()} elements. Zero seconds gives {@link #conductances()}.
     */
    void drifted(double seconds, double[] out);

    /**
     * Whether inference read noise is drawn once per device and inference time and then held for
     * every read at that time, as aihwkit does (its drift step draws the accumulated 1/f noise once,
     * so the errors of one inference time correlate, for example across an LSTM's time steps),
     * rather than afresh for every read. The default draws it for every read.
     */
    default boolean readNoisePerInferenceTime() {
        return false;
    }

    /**
     * Bytes the array holds for its devices (its primitive arrays; object headers left out), so
     * that the memory of a chip can be told before it is built: at most 20 per device for every
     * model xbarsim ships without stuck-at faults (they add a 2-bit fault map).
     */
    long memoryBytes();
}
