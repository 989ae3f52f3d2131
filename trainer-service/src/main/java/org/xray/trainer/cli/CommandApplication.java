package org.xray.trainer.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.QuarkusApplication;
import org.xray.anomaly.bundle.BundleKeys;
import org.xray.anomaly.bundle.BundleVerificationException;
import org.xray.datasets.mura.DatasetFormatException;
import org.xray.trainer.config.TrainerConfig;
import org.xray.trainer.messaging.ModelPublisher;
import org.xray.trainer.service.ModelRelease;
import org.xray.training.ModelTrainingPipeline;

/**
 * The trainer's command-line mode: {@code java -jar quarkus-run.jar <command> [options]} runs one command and exits
 * with 0 on success, 2 when the command line or its input is wrong (the problem on stderr), 1 on any other failure.
 */
public class CommandApplication implements QuarkusApplication {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final List<String> HELP = List.of("help", "--help", "-h");

    private final Map<String, TrainerCommand> commands = new LinkedHashMap<>();

    public CommandApplication(TrainerConfig config, ModelRelease release, ModelPublisher publisher) {
        // The same work directory as REST jobs: a rerun with the same --version resumes from the checkpoints.
        add(new TrainCommand(new ModelTrainingPipeline(config.dataDir().resolve("work")), release,
                Clock.systemUTC()));
        add(new EvaluateCommand(BundleKeys.fromHex(config.bundleSigningKey())));
        add(new PublishCommand(release));
        add(new RollbackCommand(publisher));
    }

    @Override
    public int run(String... args) {
        return run(List.of(args), System.out, System.err);
    }

    /** Runs the command {@code args} name; returns the exit status. */
    int run(List<String> args, PrintStream out, PrintStream err) {
        String name = args.isEmpty() ? "" : args.get(0);
        if (HELP.contains(name)) {
            usage(out);
            return OK;
        }
        TrainerCommand command = commands.get(name);
        if (command == null) {
            err.println("unknown command '" + name + "'");
            usage(err);
            return USAGE;
        }
        try {
            command.run(CommandLine.parse(args.subList(1, args.size()), command.options()), out);
            return OK;
        } catch (UsageException e) {
            err.println(name + ": " + e.getMessage());
            err.println("usage: " + command.usage());
            return USAGE;
        } catch (IllegalArgumentException | DatasetFormatException | BundleVerificationException e) {
            err.println(name + ": " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println(name + " failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }

    private void add(TrainerCommand command) {
        commands.put(command.name(), command);
    }

    private void usage(PrintStream stream) {
        stream.println("usage: java -jar quarkus-run.jar [<command> [options]]; with no command it runs the service");
        commands.values().forEach(command -> stream.println("  " + command.usage()));
    }
}
