package org.xbarsim.engine.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.hw.OpTiming;
import org.xbarsim.engine.hw.SharedHardware;
import org.xbarsim.engine.kernel.Kernel;
import org.xbarsim.engine.kernel.Priority;

/**
 * Inference on the chip's clock: the hardware work of every analog multiply a workload asked for
 * ({@link MultiplyCalls}), as events on a discrete-event {@link Kernel} through components that hold
 * {@link Resource}s, as programming's timeline does. For each row of a call, each tile of its layer
 * drives, integrates and converts ({@link TileStage}; ADC banks shared by {@code chip.adc.tilesPerBank}
 * tiles), the link carries the partial sums to the layer's digital periphery, which adds them
 * ({@link Station}s), and once every tile's sums are in, rescales and activates; the row is then done.
 *
 * <p>A layer may multiply several vectors per sample (a convolution mapped as im2col: one per output
 * position, a sample's positions consecutive rows of a call): a call's rows are cut into its samples'
 * items, each the layer's multiplies per sample ({@link LayerShape#multipliesPerSample}), and a tile
 * works through an item's multiplies one after another.
 *
 * <p>Which items wait for which: sample s of a call waits for sample s of the call before it when the two
 * calls hold as many samples (a sample moving from layer to layer, or a sequence from one time step to
 * the next), else for the whole call before. So the layers work as a pipeline: a tile of layer l + 1
 * starts sample s when layer l has delivered it, while layer l works on sample s + 1, and a batch
 * streams through. Calls a workload makes independently (an LSTM's input and recurrent products of one
 * step) are timed as if dependent, which can only overstate the time. The first call's samples are all
 * ready at cycle 0.
 */
public final class InferenceTimeline {
    /** A tile serving a layer: its block's rows and columns. */
    public record TileShape(int tile, int layer, int rows, int cols) {
    }

    /**
     * A layer: its outputs (what its digital periphery rescales and activates per multiply), its DAC's
     * drive cycles of one read, the multiplies it does per sample (1; a convolution's output positions),
     * and the reads of one multiply (1; an input applied in slices or bit-serially: each read a drive,
     * an integration and a conversion of every column, its partial sums carried and added on their own).
     */
    public record LayerShape(int outputs, long driveCycles, int multipliesPerSample, int readsPerMultiply) {
        public LayerShape(int outputs, long driveCycles) {
            this(outputs, driveCycles, 1);
        }

        public LayerShape(int outputs, long driveCycles, int multipliesPerSample) {
            this(outputs, driveCycles, multipliesPerSample, 1);
        }

        public LayerShape {
            if (multipliesPerSample < 1) {
                throw new IllegalArgumentException("multiplies per sample must be >= 1, got " + multipliesPerSample);
            }
            if (readsPerMultiply < 1) {
                throw new IllegalArgumentException("reads per multiply must be >= 1, got " + readsPerMultiply);
            }
        }
    }

    private final Kernel kernel = new Kernel();
    private final MultiplyCalls calls;
    /** Per call: its first item, and how many items (samples) it holds; items are numbered in call order. */
    private final int[] firsts;
    private final int[] counts;
    private final int[] callOf;
    private final long[] starts;
    private final long[] done;
    private final int[] arrivals;
    private final int[] callsDone;
    private final List<List<TileStage>> layerTiles = new ArrayList<>();
    private final List<Resource> reported = new ArrayList<>();

    private InferenceTimeline(ChipConfig chip, List<TileShape> tiles, List<LayerShape> layers, MultiplyCalls calls) {
        this.calls = calls;
        int[] perSample = perSample(layers, calls);
        this.firsts = new int[calls.size()];
        this.counts = new int[calls.size()];
        int items = 0;
        for (int k = 0; k < calls.size(); k++) {
            firsts[k] = items;
            counts[k] = calls.batch(k) / perSample[calls.layer(k)];
            items += counts[k];
        }
        this.callOf = new int[items];
        for (int k = 0; k < calls.size(); k++) {
            Arrays.fill(callOf, firsts[k], firsts[k] + counts[k], k);
        }
        this.starts = new long[items];
        Arrays.fill(starts, -1);
        this.done = new long[items];
        this.arrivals = new int[items];
        this.callsDone = new int[calls.size()];
        build(chip, tiles, layers, perSample);
    }

    /**
     * Each layer's multiplies per sample, as its shape says when every call of it holds whole samples;
     * else 1 (each row its own item), the call pattern being one the shape does not describe.
     */
    private static int[] perSample(List<LayerShape> layers, MultiplyCalls calls) {
        int[] g = new int[layers.size()];
        for (int l = 0; l < g.length; l++) {
            g[l] = layers.get(l).multipliesPerSample();
        }
        for (int k = 0; k < calls.size(); k++) {
            int l = calls.layer(k);
            if (l < g.length && calls.batch(k) % g[l] != 0) {
                g[l] = 1;
            }
        }
        return g;
    }

    /** Times the calls on a chip whose layers are served by {@code tiles}; {@code layers} in layer order. */
    public static InferenceTiming time(ChipConfig chip, List<TileShape> tiles, List<LayerShape> layers,
                                       MultiplyCalls calls) {
        if (calls.size() == 0) {
            return InferenceTiming.NONE;
        }
        for (int k = 0; k < calls.size(); k++) {
            int l = calls.layer(k);
            if (l >= layers.size() || tiles.stream().noneMatch(t -> t.layer() == l)) {
                throw new IllegalArgumentException("a multiply of layer " + l + ", which no tile serves");
            }
        }
        InferenceTimeline t = new InferenceTimeline(chip, tiles, layers, calls);
        for (int i = 0; i < t.counts[0]; i++) {
            t.ready(t.firsts[0] + i, 0);
        }
        long events = t.kernel.runUntilIdle();
        return t.result(events);
    }

    /** The components: a stage per tile, a link station and an accumulating station per tile, a finish per layer. */
    private void build(ChipConfig chip, List<TileShape> tiles, List<LayerShape> layers, int[] perSample) {
        OpTiming timing = new OpTiming(chip);
        SharedHardware shared = chip.shared();
        Map<Integer, Resource> banks = sharedResources(tiles, ResourceKind.ADC_BANK, shared::adcBankOf);
        Map<Integer, Resource> links = timing.linkCycles(1) == 0 ? Map.of()
                : sharedResources(tiles, ResourceKind.LINK, shared.dataPath()::linkOf);
        boolean digital = shared.dataPath().digitalOpCycles() > 0;
        for (int l = 0; l < layers.size(); l++) {
            int layer = l;
            LayerShape shape = layers.get(l);
            Resource unit = null;
            if (digital) {
                unit = new Resource("chip.digital" + l, ResourceKind.DIGITAL, 1,
                        tiles.stream().filter(t -> t.layer() == layer).map(TileShape::tile).toList());
                reported.add(unit);
            }
            int g = perSample[l];
            int reads = g * shape.readsPerMultiply();
            Station finish = new Station(kernel, unit, timing.digitalCycles(g * shape.outputs(), 2), Priority.DELIVER,
                    this::itemDone);
            List<TileStage> stages = new ArrayList<>();
            int count = (int) tiles.stream().filter(t -> t.layer() == layer).count();
            for (TileShape t : tiles) {
                if (t.layer() != l) {
                    continue;
                }
                Station accumulate = new Station(kernel, unit, timing.digitalCycles(reads * t.cols(), 1),
                        Priority.DELIVER, (item, cycle) -> joined(item, cycle, count, finish));
                Station link = new Station(kernel, links.get(shared.dataPath().linkOf(t.tile())),
                        timing.linkCycles(reads * t.cols()), Priority.DELIVER, accumulate::arrive);
                stages.add(new TileStage(kernel, shape.driveCycles() + chip.integrationCycles(),
                        timing.multiplyConversionCycles(t.cols()), reads, banks.get(shared.adcBankOf(t.tile())),
                        link::arrive, this::started));
            }
            layerTiles.add(stages);
        }
    }

    /** One resource per group of two or more tiles (a group of one is that tile's own hardware), in group order. */
    private Map<Integer, Resource> sharedResources(List<TileShape> tiles, ResourceKind kind, IntUnaryOperator groupOf) {
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (TileShape t : tiles) {
            groups.computeIfAbsent(groupOf.applyAsInt(t.tile()), g -> new ArrayList<>()).add(t.tile());
        }
        Map<Integer, Resource> byGroup = new TreeMap<>();
        groups.forEach((group, members) -> {
            if (members.size() > 1) {
                Resource r = new Resource("chip." + kind.id() + group, kind, 1, members);
                byGroup.put(group, r);
                reported.add(r);
            }
        });
        return byGroup;
    }

    private void started(int item, long cycle) {
        if (starts[item] < 0) {
            starts[item] = cycle;
        }
    }

    /** A tile's partial sums of an item are in; with the layer's last, the item goes to rescaling and activation. */
    private void joined(int item, long cycle, int tiles, Station finish) {
        if (++arrivals[item] == tiles) {
            finish.arrive(item, cycle);
        }
    }

    /** An item's outputs are out of its layer: the rows waiting for it become ready. */
    private void itemDone(int item, long cycle) {
        done[item] = cycle;
        int k = callOf[item];
        if (k + 1 == calls.size()) {
            return;
        }
        if (counts[k + 1] == counts[k]) {
            ready(firsts[k + 1] + item - firsts[k], cycle);
        } else if (++callsDone[k] == counts[k]) {
            for (int i = 0; i < counts[k + 1]; i++) {
                ready(firsts[k + 1] + i, cycle);
            }
        }
    }

    private void ready(int item, long cycle) {
        for (TileStage tile : layerTiles.get(calls.layer(callOf[item]))) {
            tile.arrive(item, cycle);
        }
    }

    /**
     * Samples are the items of the calls that begin a pass; each ends with the items of its pass's last
     * call. The latency is the first sample's; the rate is taken between the first and last end.
     */
    private InferenceTiming result(long events) {
        long samples = 0;
        long firstEnd = Long.MAX_VALUE;
        long lastEnd = 0;
        long ends = 0;
        long latency = 0;
        for (int k = 0; k < calls.size(); k++) {
            if (calls.startsPass(k)) {
                samples += counts[k];
            }
            if (k + 1 < calls.size() && !calls.startsPass(k + 1)) {
                continue;
            }
            // The last call of a pass: its rows end samples.
            for (int i = firsts[k]; i < firsts[k] + counts[k]; i++) {
                firstEnd = Math.min(firstEnd, done[i]);
                lastEnd = Math.max(lastEnd, done[i]);
                ends++;
            }
            if (latency == 0) {
                latency = (counts[0] == counts[k] ? done[firsts[k]] : lastEnd) - starts[0];
            }
        }
        double rate = ends > 1 && lastEnd > firstEnd ? (ends - 1) / (double) (lastEnd - firstEnd) * samples / ends
                : samples / (double) Math.max(1, lastEnd);
        List<ResourceUsage> usage = new ArrayList<>();
        for (Resource r : reported) {
            usage.add(r.usage(lastEnd));
        }
        return new InferenceTiming(samples, latency, rate, lastEnd, events, usage);
    }
}
