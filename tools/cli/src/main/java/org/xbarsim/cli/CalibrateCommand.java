package org.xbarsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xbarsim.api.device.AihwkitPcmLaw;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.cli.options.PluginOptions;
import org.xbarsim.cli.options.ScenarioOptions;
import org.xbarsim.engine.calibrate.FitParameter;
import org.xbarsim.engine.calibrate.FitResult;
import org.xbarsim.engine.calibrate.LevelSpread;
import org.xbarsim.engine.calibrate.SpreadFit;
import org.xbarsim.engine.run.EventLoops;
import org.xbarsim.engine.scenario.Scenario;
import org.xbarsim.explore.SimulatorHost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim calibrate SCENARIO}: the programmed-state spread the scenario's policy leaves on its
 * one-pair cells at each target level, against aihwkit's PCM programming-noise law, and with
 * {@code --fit} the device parameters that make the two agree (the library's {@link SpreadFit}).
 */
@Command(name = "calibrate", description = "Compare the programmed-state spread of a scenario's policy on one-pair "
        + "cells with aihwkit's PCM programming-noise law at each target level, and fit device parameters "
        + "(--fit) so that they agree.")
final class CalibrateCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Mixin
    PluginOptions plugins;

    @Option(names = "--fit", paramLabel = "device.KEY=LO:HI", description = "A device parameter to fit within "
            + "LO..HI, canonical units (repeatable); without --fit the spread is only measured.")
    List<String> fits = new ArrayList<>();

    @Option(names = "--levels", split = ",", paramLabel = "F,...", description = "Target levels, fractions of "
            + "G_T (default 0.1,0.25,0.5,0.75,1).")
    double[] levels = {0.1, 0.25, 0.5, 0.75, 1.0};

    @Option(names = "--chips", paramLabel = "N", description = "Chips (seeds seed..seed+N-1) every trial programs "
            + "(default 3).")
    int chips = 3;

    @Option(names = "--rows", paramLabel = "N", description = "Rows programmed per chip (default 128).")
    int rows = 128;

    @Option(names = "--law-gmax", paramLabel = "uS", description = "The conductance aihwkit maps the largest "
            + "weight to, which its law is relative to (default 25, that of its fit).")
    double lawGmax = AihwkitPcmLaw.FIT_REFERENCE;

    @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads (default: all cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (chips < 1 || chips > 1000 || rows < 1) {
            throw new InputError("--chips", "", "expected 1..1000 chips and at least one row, got " + chips + ", "
                    + rows);
        }
        try (SimulatorHost host = plugins.open(spec.commandLine().getErr())) {
            Scenario scenario = host.load(this.scenario.spec());
            if (scenario.chip().devicesPerCell() != 2) {
                throw new InputError(scenario.source(), "chip.cell.devices", "expected 2 (aihwkit's law is "
                        + "that of a differential pair), got " + scenario.chip().devicesPerCell());
            }
            List<FitParameter> parameters = fits.stream().map(CalibrateCommand::parameter).toList();
            long[] seeds = new long[chips];
            for (int c = 0; c < chips; c++) {
                seeds[c] = scenario.seed() + c;
            }
            double gT = scenario.policyParameters().number(ProgrammingPolicy.G_TARGET_MAX);
            SpreadFit fit = new SpreadFit(scenario, parameters, levels, seeds, rows,
                    EventLoops.check("--threads", threads, EventLoops.cores()),
                    t -> AihwkitPcmLaw.pairSigma(t, lawGmax), scenario.chip().cell().weightRange(gT));
            if (parameters.isEmpty()) {
                LevelSpread.table(fit.measure(new double[0]), fit.lawSd()).forEach(out::println);
                return 0;
            }
            FitResult result = fit.fit(t -> out.printf(Locale.ROOT, "trial %d: %s cost %.4f%n", t.number(),
                    FitParameter.describe(parameters, t.values()), t.cost()));
            out.printf(Locale.ROOT, "fitted in %d trials: %s%n", result.evaluations(),
                    FitParameter.describe(parameters, result.values()));
            LevelSpread.table(result.levels(), result.lawSd()).forEach(out::println);
            return 0;
        }
    }

    /** {@code device.KEY=LO:HI}. */
    static FitParameter parameter(String text) {
        int eq = text.indexOf('=');
        int colon = text.indexOf(':', eq + 1);
        if (!text.startsWith("device.") || eq < 0 || colon < 0) {
            throw new InputError("--fit", "", "expected device.KEY=LO:HI, got '" + text + "'");
        }
        try {
            return new FitParameter(text.substring("device.".length(), eq),
                    Double.parseDouble(text.substring(eq + 1, colon)), Double.parseDouble(text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new InputError("--fit", "", "expected device.KEY=LO:HI with numbers LO < HI, got '" + text + "'");
        }
    }
}
