package org.xray.trainer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.xray.trainer.service.ModelRelease;
import org.xray.trainer.service.PublishedVersion;

/**
 * {@code publish}: publishes a bundle on disk, e.g. one {@code train} wrote without {@code --publish}: current when
 * the promotion gate lets it replace the current version, a challenger otherwise.
 */
public final class PublishCommand implements TrainerCommand {

    private final ModelRelease release;

    public PublishCommand(ModelRelease release) {
        this.release = release;
    }

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public String usage() {
        return "publish --bundle FILE";
    }

    @Override
    public List<CommandLine.Option> options() {
        return List.of(CommandLine.Option.value("bundle"));
    }

    @Override
    public void run(CommandLine line, PrintStream out) {
        publish(line.file("bundle"), out);
    }

    /** @throws org.xray.anomaly.bundle.BundleVerificationException when the bundle does not verify */
    public PublishedVersion publish(Path bundleFile, PrintStream out) {
        PublishedVersion published = release.publish(bundleFile);
        out.println(published.name() + "@" + published.version() + " published as " + published.status() + ": "
                + published.reason());
        return published;
    }
}
