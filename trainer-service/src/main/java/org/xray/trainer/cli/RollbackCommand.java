package org.xray.trainer.cli;

import java.io.PrintStream;
import java.util.List;

import org.xray.contracts.events.ModelManifest;
import org.xray.trainer.messaging.ModelPublisher;

/** {@code rollback}: makes an earlier version current again by publishing its manifest anew. */
public final class RollbackCommand implements TrainerCommand {

    private final ModelPublisher publisher;

    public RollbackCommand(ModelPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return "rollback";
    }

    @Override
    public String usage() {
        return "rollback --model NAME --version V";
    }

    @Override
    public List<CommandLine.Option> options() {
        return List.of(CommandLine.Option.value("model"), CommandLine.Option.value("version"));
    }

    @Override
    public void run(CommandLine line, PrintStream out) {
        rollback(line.required("model"), line.required("version"), out);
    }

    /** @throws IllegalArgumentException when that version's bundle is not kept, or does not verify */
    public ModelManifest rollback(String model, String version, PrintStream out) {
        ModelManifest manifest = publisher.rollback(model, version);
        out.println(manifest.artifactKey() + " is " + manifest.status() + " again");
        return manifest;
    }
}
