package org.xray.trainer.cli;

import java.io.PrintStream;
import java.util.List;

/** One command of the trainer's command line: {@code java -jar quarkus-run.jar <name> [options]}. */
public interface TrainerCommand {

    String name();

    /** The command's synopsis, e.g. {@code rollback --model NAME --version V}. */
    String usage();

    List<CommandLine.Option> options();

    /**
     * Runs the command, writing what it did to {@code out}.
     *
     * @throws UsageException           when an option is missing or malformed
     * @throws IllegalArgumentException when the input (dataset, model settings) is not usable; so are
     *                                  {@link org.xray.datasets.mura.DatasetFormatException} and
     *                                  {@link org.xray.anomaly.bundle.BundleVerificationException}: the message says
     *                                  why
     */
    void run(CommandLine line, PrintStream out);
}
