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
     * The law {@link #readNoiseVariance} follows when it is the same linear law for every device and
     * every read (the read path then works the variances out in its own loop, with the same result),
     * or null when the array's read noise is its own. The default is null: always correct, never fast.
     */
    default LinearReadNoise linearReadNoise() {
        return null;
    }

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

    /**
     * As {@link #drifted(double, double[])} with each device's own time since it was last programmed,
     * {@code seconds[i]}: a chip programmed again in parts (a refresh reprograms only the weights that
     * left tolerance) holds devices of several ages. The default asks {@link #drifted(double, double[])}
     * once per distinct time and keeps each device's own ({@link DeviceAges}): exact for devices that
     * drift independently of each other, at the cost of one whole-array drift per distinct time.
     */
    default void drifted(double[] seconds, double[] out) {
        DeviceAges.drifted(this, seconds, out);
    }

    /**
     * As {@link #readNoiseVariances(double, double[], double[])} with each device's own time since it
     * was last programmed; the default groups the devices by time as {@link #drifted(double[], double[])}
     * does.
     */
    default void readNoiseVariances(double[] seconds, double[] conductances, double[] out) {
        DeviceAges.readNoiseVariances(this, seconds, conductances, out);
    }

    /**
     * The addressed devices' drift becomes their state, for programming them again in place long after
     * they were programmed: device {@code base + cols[k]} now has conductance {@code drifted[k]}, the value
     * {@link #drifted(double[], double[])} gives it for the time since its last programming, and a pulse
     * acts on that (its drift then starts again from the pulse). The host settles a device just before
     * its first pulse of a new programming, so a device never pulsed again keeps drifting from its own
     * last programming. The default refuses: a model whose state is more than its conductance has to say
     * how drift becomes its state.
     *
     * @throws UnsupportedOperationException when the model cannot be programmed again in place
     */
    default void settle(int base, int[] cols, int count, double[] drifted) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot take its drifted state: it "
                + "cannot be programmed again in place");
    }
}
