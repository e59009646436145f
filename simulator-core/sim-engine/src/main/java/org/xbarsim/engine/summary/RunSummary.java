package org.xbarsim.engine.summary;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbarsim.engine.life.LifecycleResult;

/**
 * What a run came to: the typed tree behind {@code summary.json}. The engine builds it
 * ({@link SummaryBuilder}), the file is its JSON ({@link #toJson()}, {@link #fromJson}), and every
 * reader (sweeps, searches, reports, tests) asks its records rather than looking keys up. Component
 * names are the file's keys (README, "Summary fields"); a component marked {@link Inline} writes its
 * fields into the enclosing object.
 *
 * <p>Everything outside {@link #run} (and {@code inference.wallSeconds}) is a deterministic function
 * of the scenario and its seed. Non-finite numbers are written as {@code null}.
 *
 * <p>To add a field: add a component where it belongs, of a type older files can do without (a boxed
 * number, a record, a list: they read as null when absent), and document it in the README. A change
 * that older readers would misread bumps {@link #FORMAT}.
 *
 * @param format      the file format: {@link #FORMAT} when written; files without it are format 1
 * @param xbarsim     version of the xbarsim that ran
 * @param scenario    which scenario and seed
 * @param plugins     extension id and origin by kind (device, programming, workload; a replay names
 *                    what it replayed)
 * @param config      every scenario key with the value in force, as written
 * @param chip        the chip as built: its tiles, a conversion's time, its area when the cost model prices it
 * @param programming the programming outcome
 * @param inference   the network run through the programmed tiles; null for weight-only workloads and
 *                    for a working life
 * @param lifecycle   the chip's working life when the scenario has a {@code lifecycle:} section (else null)
 * @param run         what the host did (wall time, threads, bus traffic)
 * @param chips       set when the figures are means over several chips (seeds), with each metric's spread
 */
public record RunSummary(int format, String xbarsim, @NotAMetric ScenarioRef scenario, Map<String, String> plugins,
                         Map<String, String> config, Chip chip, Programming programming, Inference inference,
                         Lifecycle lifecycle, HostRun run, @NotAMetric ChipMeans chips) {
    /**
     * Format 2 adds this field and the histogram's tolerance to format 1; both read. Sections added
     * since (the chip, energy by part, figures of merit) read as null from files without them. Bump
     * when a field changes meaning or goes away.
     */
    public static final int FORMAT = 2;

    public RunSummary {
        plugins = plugins == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(plugins));
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** Which scenario ran. */
    public record ScenarioRef(String name, String source, long seed) {
    }

    /**
     * The chip as built.
     *
     * @param adcConversionSeconds one ADC conversion's time
     * @param tileAreaMm2          one tile's area, when the cost model prices area (else null)
     * @param areaMm2              every tile's
     * @param area                 every tile's area by part
     */
    public record Chip(int tiles, double adcConversionSeconds, Double tileAreaMm2, Double areaMm2, ChipArea area) {
    }

    /** The chip's area by part, mm^2. */
    public record ChipArea(double array, double adcs, double rows, double digital) {
    }

    /**
     * The programming outcome of the whole chip, with the same per layer and per tile.
     *
     * @param total          the whole chip; time is the slowest tile's (tiles program in parallel)
     * @param energy         the chip's programming energy by part (null in files written before it was)
     * @param errorHistogram W_true - W_target over every weight
     * @param resources      the chip timeline's shared or limited hardware (null when nothing can make a
     *                       row wait)
     */
    public record Programming(@Inline Outcome total, ProgrammingEnergy energy, @NotAMetric Histogram errorHistogram,
                              List<LayerOutcome> layers, List<TileOutcome> tiles, List<ResourceUse> resources) {
        public double pfail() {
            return total.pfail();
        }

        public double timeSeconds() {
            return total.timeSeconds();
        }

        public double energyJoules() {
            return total.energyJoules();
        }

        public long weights() {
            return total.weights();
        }
    }

    /**
     * The outcome fields of a tile, a layer or the chip.
     *
     * @param successFraction          weights within tolerance: |W_true - W_target| <= tol
     * @param meanAbsErrorMicroSiemens mean |W_true - W_target| of the noiseless conductances at the end
     * @param pulseOpsPerRow           SET plus RESET row operations per row
     * @param cycles                   simulated chip-clock cycles
     * @param timeSeconds              simulated programming time
     * @param energyJoules             simulated energy of pulses, reads, conversions and row drivers
     */
    public record Outcome(long weights, long rows, double successFraction, double pfail,
                          double meanAbsErrorMicroSiemens, double pulseOpsPerRow, double setOpsPerRow,
                          double resetOpsPerRow, double readOpsPerRow, long cycles, double timeSeconds,
                          double energyJoules) {
    }

    /**
     * Programming energy by part, J: SET and RESET pulses, the array's verify reads, conversions, row
     * drive, ADC calibration.
     */
    public record ProgrammingEnergy(double set, double reset, double read, double adc, double dac,
                                    double calibration) {
    }

    /**
     * What one piece of shared or limited hardware of the chip's timeline did: how busy it was and how
     * long requests waited for it.
     *
     * @param kind        controller, supply, adcBank, link or digital
     * @param tiles       the tiles it served
     * @param capacity    its units (devices for a supply, 1 otherwise)
     * @param requests    requests made of it (sub-pulses count one each)
     * @param waited      requests that had to wait
     * @param utilisation units held times cycles held over capacity times the programming time
     */
    public record ResourceUse(String name, String kind, List<Integer> tiles, int capacity, long requests, long waited,
                              double waitSeconds, double meanWaitSeconds, double maxWaitSeconds, double utilisation) {
    }

    /** One layer's outcome; {@code weightClip} is the |w| mapped to F G_T. */
    public record LayerOutcome(int layer, String name, double weightClip, @Inline Outcome outcome) {
    }

    /** One tile's outcome and where it sits in its layer. */
    public record TileOutcome(@Inline Outcome outcome, int tile, int layer, int rowOffset, int colOffset) {
    }

    /**
     * Counts of W_true - W_target in equal bins from {@code lowMicroSiemens}, and beyond them; the bins
     * span four tolerances either side of zero.
     *
     * @param toleranceMicroSiemens the success criterion |W_true - W_target| <= tol (since format 2)
     */
    public record Histogram(double lowMicroSiemens, double binWidthMicroSiemens, List<Long> counts, long below,
                            long above, Double toleranceMicroSiemens) {
    }

    /**
     * The network evaluated through the programmed tiles after {@code time}; accuracy for classifiers,
     * bits per character for language models (the other pair is null); the figures of merit per sample.
     *
     * @param energy           energy per sample by part (null in files written before it was)
     * @param opsPerSample     two operations per multiply-accumulate of the layers' weights
     * @param topsPerMm2       null when the cost model prices no area
     * @param timeSecondsPerSample one sample's latency through the pipelined layers on the chip's clock
     * @param samplesPerSecond the rate at which the chip streams samples (set by its slowest stage)
     * @param resources        the inference timeline's shared or limited hardware (null when none)
     * @param mapping          how the network sits on the chip (null in files written before it was)
     */
    public record Inference(String time, long samples, Double softwareAccuracy, Double analogAccuracy,
                            Double softwareBitsPerChar, Double analogBitsPerChar, double timeSecondsPerSample,
                            double energyJoulesPerSample, InferenceEnergy energy, Double samplesPerSecond,
                            Double opsPerSample, Double topsPerWatt, Double topsPerMm2,
                            List<ResourceUse> resources, Mapping mapping, Double wallSeconds) {
        /** The same figures with another wall time (null: left out of a comparison across runs). */
        public Inference withWallSeconds(Double seconds) {
            return new Inference(time, samples, softwareAccuracy, analogAccuracy, softwareBitsPerChar,
                    analogBitsPerChar, timeSecondsPerSample, energyJoulesPerSample, energy, samplesPerSecond,
                    opsPerSample, topsPerWatt, topsPerMm2, resources, mapping, seconds);
        }
    }

    /**
     * How a network sits on the chip: each weight matrix with its tiles and the share of their cells
     * it uses, each layer with its analog multiplies and digital operations per sample.
     *
     * @param tiles            tiles the network uses
     * @param utilisation      cells in use over the cells of those tiles
     * @param digitalPerSample the digital operations of every layer per sample
     * @param layers           the network's layers; empty when the workload does not report them
     */
    public record Mapping(int tileRows, int tileCols, int tiles, double utilisation, DigitalOps digitalPerSample,
                          List<MatrixUse> matrices, List<LayerUse> layers) {
    }

    /** Digital operations (of the periphery) per sample. */
    public record DigitalOps(long additions, long multiplications, long comparisons, long nonlinear) {
    }

    /**
     * One programmed matrix: its shape, its tiles, the share of their cells it uses, and its analog
     * multiplies per sample (more than one when reused: a convolution's positions, an LSTM's steps).
     */
    public record MatrixUse(String name, int rows, int cols, List<Integer> tiles, double utilisation,
                            long multipliesPerSample) {
    }

    /** One layer of the network: its kind, the matrices it multiplies by, its work per sample. */
    public record LayerUse(String name, String kind, List<String> matrices, long multipliesPerSample,
                           DigitalOps digital) {
    }

    /** Inference energy per sample by part, J: the array's reads, conversions, row drive, digital periphery. */
    public record InferenceEnergy(double array, double adc, double dac, double digital) {
    }

    /**
     * What the host machine did: not part of the simulation's result. Only {@code busEvents} is the
     * same for every run of a scenario; the others are null in a summary compared across runs.
     *
     * @param wallSeconds from building the first tile to programming the last row
     * @param busShare    share of the event loops' time spent delivering bus events
     * @param pauseShare  share of the event loops' time stopped for over a millisecond (JVM pauses)
     * @param timelineBufferedRows   the most row logs the timeline held at once: how far the event
     *                               loops ran ahead of it
     * @param peakResidentBytes      the process's peak resident memory when programming ended (null
     *                               when unknown)
     * @param residentBytesPerDevice that over the devices the tiles hold (four per cell, used or not)
     */
    public record HostRun(Double wallSeconds, long busEvents, Double busShare, Double pauseShare,
                          Double weightsPerWallSecond, Integer threads, Integer timelineBufferedRows,
                          Long peakResidentBytes, Double residentBytesPerDevice) {
    }

    /**
     * A chip's working life (README, "A chip's working life"): the life the scenario asks for, the same
     * life without refreshes when it asks for that baseline, and the host's wall time for both.
     */
    public record Lifecycle(@Inline LifecycleResult.Life life, @NotAMetric LifecycleResult.Life withoutRefresh,
                            Double wallSeconds) {
    }

    /**
     * The summary's real-valued programming and inference figures are means over the chips of these
     * seeds; counts and everything else are the first chip's.
     *
     * @param metrics every metric of the summary (host figures aside) as it spreads over the chips, in
     *                the order of {@link SummaryMetrics#PATHS}; null in files written before it was
     */
    public record ChipMeans(int count, List<Long> seeds, List<MetricSpread> metrics) {
        /** How the metric at {@code path} spreads over the chips, or null when no chip has it. */
        public Spread spread(String path) {
            if (metrics != null) {
                for (MetricSpread m : metrics) {
                    if (m.metric().equals(path)) {
                        return m.spread();
                    }
                }
            }
            return null;
        }
    }

    /** One metric's spread over chips: {@code {"metric": "programming.pfail", "mean": ..., "sd": ...}}. */
    public record MetricSpread(String metric, @Inline Spread spread) {
    }

    /** The file's text: pretty-printed JSON with a final newline. */
    public String toJson() {
        return RecordJson.write(this).encodePrettily() + "\n";
    }

    /**
     * Reads a summary's text; anything that is not one (malformed JSON, a missing or mistyped field, a
     * format newer than this xbarsim reads) is an {@link org.xbarsim.api.io.InputError} naming
     * {@code source} and the field.
     */
    public static RunSummary fromJson(String text, String source) {
        io.vertx.core.json.JsonObject json = RecordJson.parse(text, source);
        if (!json.containsKey("format")) {
            json.put("format", 1); // written before the field existed
        }
        return RecordJson.read(RunSummary.class, json, source, RunSummary::checkFormat);
    }

    /** Reads a summary file (at most {@link RecordJson#MAX_FILE_BYTES}). */
    public static RunSummary read(Path file) {
        return fromJson(org.xbarsim.api.io.BoundedFiles.readText(file, RecordJson.MAX_FILE_BYTES,
                "a summary (summary.json)"), file.toString());
    }

    private static void checkFormat(io.vertx.core.json.JsonObject json, String source) {
        Object f = json.getValue("format");
        if ((!(f instanceof Integer n) || n < 1 || n > FORMAT)) {
            throw new org.xbarsim.api.io.InputError(source, "format", "expected a summary of format 1.." + FORMAT
                    + " (what this xbarsim reads), got " + f + (f instanceof Integer n && n > FORMAT
                    ? ": written by a newer xbarsim" : ""));
        }
    }

    /** This summary without the figures of the host (wall times, threads, bus and pause shares). */
    public RunSummary withoutWallClock() {
        Inference i = inference == null ? null : inference.withWallSeconds(null);
        HostRun r = run == null ? null : new HostRun(null, run.busEvents(), null, null, null, null, null, null,
                null);
        Lifecycle l = lifecycle == null ? null : new Lifecycle(lifecycle.life(), lifecycle.withoutRefresh(), null);
        return new RunSummary(format, xbarsim, scenario, plugins, config, chip, programming, i, l, r, chips);
    }

    /** A copy with other programming and inference sections (means over chips, say). */
    public RunSummary withResults(Programming newProgramming, Inference newInference, ChipMeans means) {
        return new RunSummary(format, xbarsim, scenario, plugins, config, chip, newProgramming, newInference,
                lifecycle, run, means);
    }

    /** A copy with a working life in place of an inference section. */
    public RunSummary withLifecycle(Lifecycle life) {
        return new RunSummary(format, xbarsim, scenario, plugins, config, chip, programming, null, life, run, chips);
    }

    /** A summary's numbers by metric path ({@code programming.pfail}): see {@link SummaryMetrics}. */
    public Double metric(String path) {
        return SummaryMetrics.value(this, path);
    }
}
