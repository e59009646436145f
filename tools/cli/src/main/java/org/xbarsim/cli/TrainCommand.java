package org.xbarsim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code xbarsim train}: trains the networks the DNN workloads ship, deterministically from a seed,
 * so anyone can rebuild {@code scenarios/models/} bit for bit.
 */
@Command(name = "train", description = "Train a network in floating point (deterministic, seeded) and save it "
        + "for a workload.", subcommands = {TrainMlpCommand.class, TrainLstmCommand.class, TrainCnnCommand.class})
final class TrainCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
