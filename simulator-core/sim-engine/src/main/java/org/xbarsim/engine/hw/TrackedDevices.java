package org.xbarsim.engine.hw;

import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.random.RandomStream;

/**
 * A tile's devices followed through a working life: every pulse each device takes is counted (the
 * endurance ledger), each device remembers which programming run last pulsed it (its age: drift runs
 * from there), and a run that programs the tile again, long after the last, finds the devices as they
 * have drifted.
 *
 * <p>During such a run ({@link #beginRun} with the drifted conductances) reads and scores see the
 * drifted state; a device's drift becomes its state ({@link DeviceArray#settle}) just before its first
 * pulse of the run, so a device the run never pulses keeps drifting from its own last programming, as
 * the physics has it. Outside a run, or in a first programming, the devices are what the model holds.
 *
 * <p>Rows of a tile may be programmed by several threads at once, each on its own rows: every field
 * written during a run is per device, and the devices of different rows are disjoint.
 */
public final class TrackedDevices implements DeviceArray {
    private final DeviceArray devices;
    private final int[] pulses;
    private final int[] epoch;
    private int run;
    private double[] view;
    private double[] variance;

    /** Devices fresh from fabrication: no pulse yet, all of the first run's age. */
    public TrackedDevices(DeviceArray devices) {
        this.devices = devices;
        this.pulses = new int[devices.size()];
        this.epoch = new int[devices.size()];
    }

    /** The devices themselves. */
    public DeviceArray devices() {
        return devices;
    }

    /**
     * Begins programming run {@code index} (runs are numbered from 0, the first programming). For a run
     * on devices that have drifted, {@code drifted} holds every device's conductance now and
     * {@code variances} its read noise at that conductance; null for devices as they are.
     */
    public void beginRun(int index, double[] drifted, double[] variances) {
        if (index < run || (drifted == null) != (variances == null)) {
            throw new IllegalArgumentException("run " + index + " after run " + run);
        }
        this.run = index;
        this.view = drifted;
        this.variance = variances;
    }

    /** Ends the run: reads see the devices as the model holds them again (the state at their last pulse). */
    public void endRun() {
        view = null;
        variance = null;
    }

    /** The programming run that last pulsed device {@code i} (0 if none but the first, or none at all). */
    public int epoch(int i) {
        return epoch[i];
    }

    /** Pulses device {@code i} has taken, over every run. */
    public int pulses(int i) {
        return pulses[i];
    }

    @Override
    public int size() {
        return devices.size();
    }

    @Override
    public double[] conductances() {
        return view != null ? view : devices.conductances();
    }

    @Override
    public void reset(int base, int[] cols, int count, RandomStream rng) {
        settleFirstPulses(base, cols, count);
        devices.reset(base, cols, count, rng);
        pulsed(base, cols, count);
    }

    @Override
    public void set(int base, int[] cols, int count, double amplitude, double width, RandomStream rng) {
        settleFirstPulses(base, cols, count);
        devices.set(base, cols, count, amplitude, width, rng);
        pulsed(base, cols, count);
    }

    /**
     * Relaxation after a row's last pulse. In a run on drifted devices only the devices this run pulsed
     * relax (the others were not programmed now: their state is their last programming's, drifting).
     */
    @Override
    public void relax(int base, int[] cols, int count, RandomStream rng) {
        if (view == null) {
            devices.relax(base, cols, count, rng);
            return;
        }
        int[] pulsedNow = new int[count];
        int n = 0;
        for (int k = 0; k < count; k++) {
            if (epoch[base + cols[k]] == run) {
                pulsedNow[n++] = cols[k];
            }
        }
        if (n > 0) {
            devices.relax(base, pulsedNow, n, rng);
            double[] g = devices.conductances();
            for (int k = 0; k < n; k++) {
                view[base + pulsedNow[k]] = g[base + pulsedNow[k]];
            }
        }
    }

    @Override
    public boolean readNoisePerInferenceTime() {
        return devices.readNoisePerInferenceTime();
    }

    /** The model's bytes and the ledger's: a pulse count and a run index (4 bytes each) per device. */
    @Override
    public long memoryBytes() {
        return devices.memoryBytes() + 8L * devices.size();
    }

    /** The devices this run has not pulsed yet take their drifted state before it. */
    private void settleFirstPulses(int base, int[] cols, int count) {
        if (view == null) {
            return;
        }
        int[] fresh = null;
        double[] state = null;
        int n = 0;
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            if (epoch[i] != run) {
                if (fresh == null) {
                    fresh = new int[count - k];
                    state = new double[count - k];
                }
                fresh[n] = cols[k];
                state[n++] = view[i];
            }
        }
        if (n > 0) {
            devices.settle(base, fresh, n, state);
        }
    }

    private void pulsed(int base, int[] cols, int count) {
        double[] g = devices.conductances();
        for (int k = 0; k < count; k++) {
            int i = base + cols[k];
            pulses[i]++;
            epoch[i] = run;
            if (view != null) {
                view[i] = g[i];
            }
        }
    }

    /**
     * Read noise at the state reads see: a device pulsed in this run at its conductance now, one not
     * pulsed yet at its drifted conductance.
     */
    @Override
    public void readNoiseVariance(int base, int[] cols, int count, double[] out) {
        devices.readNoiseVariance(base, cols, count, out);
        if (view != null) {
            for (int k = 0; k < count; k++) {
                int i = base + cols[k];
                if (epoch[i] != run) {
                    out[k] = variance[i];
                }
            }
        }
    }

    @Override
    public void readNoiseVariances(double[] conductances, double[] out) {
        devices.readNoiseVariances(conductances, out);
    }

    @Override
    public void readNoiseVariances(double seconds, double[] conductances, double[] out) {
        devices.readNoiseVariances(seconds, conductances, out);
    }

    @Override
    public void readNoiseVariances(double[] seconds, double[] conductances, double[] out) {
        devices.readNoiseVariances(seconds, conductances, out);
    }

    @Override
    public void drifted(double seconds, double[] out) {
        devices.drifted(seconds, out);
    }

    @Override
    public void drifted(double[] seconds, double[] out) {
        devices.drifted(seconds, out);
    }

    @Override
    public void settle(int base, int[] cols, int count, double[] drifted) {
        devices.settle(base, cols, count, drifted);
    }
}
