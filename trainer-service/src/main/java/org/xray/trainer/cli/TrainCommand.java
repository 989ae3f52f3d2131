package org.xray.trainer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xray.trainer.service.ModelRelease;
import org.xray.trainer.service.PublishedVersion;
import org.xray.trainer.service.TrainingJobSpec;
import org.xray.training.ModelTrainingPipeline;
import org.xray.training.TrainedVersion;
import org.xray.training.TrainingRequest;

/**
 * {@code train}: runs a training job in the foreground, as the REST API would but showing its progress, then writes
 * each model version made (bundle and report) or, with {@code --publish}, releases it through the promotion gate.
 */
public final class TrainCommand implements TrainerCommand {

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ModelTrainingPipeline pipeline;
    private final ModelRelease release;
    private final Clock clock;

    public TrainCommand(ModelTrainingPipeline pipeline, ModelRelease release, Clock clock) {
        this.pipeline = pipeline;
        this.release = release;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String usage() {
        return "train --dataset DIR [--parts XR_HAND,XR_WRIST] [--algorithm fanogan|alphagan] [--size 64]"
                + " [--scope per-body-part|all-body-parts] [--set name=value ...] [--version V] [--publish]";
    }

    @Override
    public List<CommandLine.Option> options() {
        return List.of(CommandLine.Option.value("dataset"), CommandLine.Option.value("parts"),
                CommandLine.Option.value("algorithm"), CommandLine.Option.value("size"),
                CommandLine.Option.value("scope"), CommandLine.Option.repeated("set"),
                CommandLine.Option.value("version"), CommandLine.Option.flag("publish"));
    }

    @Override
    public void run(CommandLine line, PrintStream out) {
        TrainingJobSpec spec = new TrainingJobSpec(line.required("dataset"),
                line.value("parts").map(parts -> Arrays.stream(parts.split(",")).map(String::strip).toList())
                        .orElse(List.of()),
                line.value("scope").orElse(null), line.value("algorithm").orElse(null),
                line.integer("size").orElse(null), hyperparameters(line.values("set")));
        String version = line.value("version").orElseGet(() -> VERSION.format(clock.instant()));
        train(spec, version, line.flag("publish"), out);
    }

    /**
     * @throws org.xray.datasets.mura.DatasetFormatException when the dataset is missing or malformed
     * @throws IllegalArgumentException when the spec or a body part is not usable (the message says why)
     */
    public void train(TrainingJobSpec spec, String version, boolean publish, PrintStream out) {
        TrainingRequest request = spec.toRequest();
        String parts = request.bodyParts().isEmpty() ? "every body part" : request.bodyParts().toString();
        String scope = request.scope().name().toLowerCase(Locale.ROOT).replace('_', '-');
        out.printf(Locale.ROOT, "training %s at %d px on %s: %s, %s; version %s%n", request.algorithm().id(),
                request.imageSize(), request.dataset(), parts, scope, version);
        pipeline.run(request, version, new ConsoleTrainingObserver(out), trained -> report(trained, publish, out));
    }

    // Each model is written (or published) as soon as it is made, so a later part's failure does not lose it.
    private void report(TrainedVersion trained, boolean publish, PrintStream out) {
        out.println();
        out.println(trained.name() + "@" + trained.version() + " on the valid split:");
        out.print(MetricsTable.format(trained.report()));
        Path directory;
        if (publish) {
            PublishedVersion published = release.release(trained);
            out.println("published as " + published.status() + ": " + published.reason());
            directory = Path.of(published.directory());
        } else {
            directory = release.write(trained);
        }
        out.println("bundle: " + directory.resolve("bundle.zip"));
        out.println("report: " + directory.resolve("report.html") + " (figures in report.json)");
    }

    private static Map<String, String> hyperparameters(List<String> settings) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals < 1 || equals == setting.length() - 1) {
                throw new UsageException("--set needs name=value, e.g. --set generatorIterations=2000; was '"
                        + setting + "'");
            }
            String name = setting.substring(0, equals).strip();
            if (values.put(name, setting.substring(equals + 1).strip()) != null) {
                throw new UsageException("--set " + name + " is given more than once");
            }
        }
        return values;
    }
}
