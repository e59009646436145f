package org.xbarsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarsim.cli.CliTestSupport.assertInputError;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xbarsim.cli.CliTestSupport.Result;

/** Help texts that print cleanly, and typos answered with what was meant. */
class HelpAndTyposTest {
    @Test
    void everyHelpPrintsWithoutPicocliWarnings() {
        // Before: 'xbarsim train lstm --help' printed "[picocli WARN] Could not format" (an unescaped %),
        // straight to the process's standard error.
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String[] command : new String[][] {{"train", "--help"}, {"train", "lstm", "--help"},
                {"train", "mlp", "--help"}, {"train", "cnn", "--help"}, {"optimize", "--help"}, {"sweep", "--help"}, {"report", "--help"}}) {
                Result r = CliTestSupport.xbarsim(null, command);
                assertEquals(0, r.status(), String.join(" ", command));
                assertFalse(r.out().contains("%n") || r.out().contains("%%"), r.out());
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }

    /**
     * The command line builds only the subcommand it is given, found by its own name in Main's table;
     * help (which builds them all) lists every one, and each runs when named.
     */
    @Test
    void eachSubcommandIsFoundByItsOwnNameAndHelpListsThemAll() {
        Result help = CliTestSupport.xbarsim(null, "--help");
        assertEquals(0, help.status());
        for (Class<?> command : Main.SUBCOMMANDS) {
            String name = new picocli.CommandLine(command).getCommandName();
            assertTrue(help.out().contains("\n  " + name + " "), name + " in\n" + help.out());
            Result alone = CliTestSupport.xbarsim(null, name, "--help");
            assertEquals(0, alone.status(), name);
            assertTrue(alone.out().contains("Usage: xbarsim " + name + " "), alone.out());
        }
        Result one = CliTestSupport.xbarsim(null, "help", "plugins");
        assertEquals(0, one.status());
        assertTrue(one.out().startsWith("Usage: xbarsim plugins"), one.out());
        Result named = CliTestSupport.xbarsim(null, "plugins", "--help");
        assertEquals(one.out(), named.out(), "help through 'help' and through the subcommand alone");
    }

    @Test
    void aMistypedCommandSuggestsTheOneMeant() {
        // Before: "Unmatched argument at index 0: 'rn'" and nothing else.
        String line = assertInputError(CliTestSupport.xbarsim(null, "rn"), "'rn'");
        assertTrue(line.contains("did you mean 'run'?"), line);
        assertTrue(assertInputError(CliTestSupport.xbarsim(null, "sweeep")).contains("did you mean 'sweep'?"));
    }
}
