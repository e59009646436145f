package org.xbarsim.cli;

import java.io.PrintWriter;
import java.util.List;
import org.xbarsim.engine.plugin.ExitGuard;
import org.xbarsim.engine.scenario.NearestWord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code xbarsim} command. Exit status: 0 success, 1 a failure inside xbarsim or a plugin,
 * 2 bad input (a file, a key, a value, an option), with one line saying which and what was expected.
 */
// INHERIT: every subcommand takes -h/--help too (xbarsim run --help), and 'xbarsim help CMD' works.
@Command(name = "xbarsim", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "xbarsim 0.1.0",
        description = "Cycle-level simulator of analog AI accelerators built from NVM crossbar arrays.")
public final class Main implements Runnable {
    /**
     * The subcommands, in the order help lists them, each named by its own {@code @Command}. Added on
     * demand: picocli reads each one's annotations by reflection (its classes, Java 5 bytecode, cannot be
     * class-data shared), and a command line that names its subcommand builds only that one: 0.1 s of
     * every run's start-up was building all ten.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, SweepCommand.class, WorkerCommand.class,
            ReportCommand.class, OptimizeCommand.class, ReplayCommand.class, InspectCommand.class, PluginsCommand.class,
            TrainCommand.class, CalibrateCommand.class, CommandLine.HelpCommand.class);
    public static final int INPUT_ERROR = 2;
    public static final int FAILURE = 1;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean debug;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        // A plugin's System.exit must not end a run as a success: only this exit, below, is let through.
        ExitGuard.install(err);
        int status = execute(args, new PrintWriter(System.out, true), err);
        ExitGuard.allowExit();
        System.exit(status);
    }

    /**
     * "; did you mean 'run'?" for a mistyped command (the nearest within two edits: picocli's own
     * similarity finds nothing for 'rn') or option (picocli's suggestion).
     */
    private static String suggestion(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return "";
        }
        String best = NearestWord.of(u.getUnmatched().get(0), u.getCommandLine().getSubcommands().keySet());
        if (best == null && !u.getSuggestions().isEmpty()) {
            best = u.getSuggestions().get(0);
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** Runs a command line; the tests call this in-process. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        org.xbarsim.explore.Logging.configure();
        CommandLine cli = new CommandLine(new Main());
        // The named subcommand alone; anything else (help, a typo, an option first) gets them all.
        String first = args.length > 0 && !args[0].equals("help") ? args[0] : "";
        List<Class<?>> named = SUBCOMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(first))
                .toList();
        (named.isEmpty() ? SUBCOMMANDS : named).forEach(cli::addSubcommand);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            String command = e.getCommandLine().getCommandName();
            err.println("xbarsim: " + Errors.oneLine(e.getMessage()) + suggestion(e)
                    + (e.getCommandLine().getParent() == null ? "" : " (see xbarsim " + command + " --help)"));
            return INPUT_ERROR;
        });
        cli.setExecutionExceptionHandler(new Errors(err));
        return cli.execute(args);
    }
}
