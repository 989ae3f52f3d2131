package org.xray.trainer.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.xray.anomaly.bundle.BundleManifest;
import org.xray.anomaly.bundle.BundleVerificationException;
import org.xray.anomaly.bundle.ModelBundleReader;
import org.xray.anomaly.bundle.ModelBundleWriter;
import org.xray.contracts.events.ModelManifest;
import org.xray.trainer.config.TrainerConfig;
import org.xray.trainer.messaging.ModelPublisher;
import org.xray.training.PromotionGate;
import org.xray.training.TrainedVersion;
import org.xray.training.report.EvaluationReportWriter;

/**
 * Turns a trained version into a release: the signed bundle and its evaluation report on disk, under
 * {@code <data-dir>/models/<name>/<version>/}, then published as current or challenger as the promotion gate says.
 */
@ApplicationScoped
public class ModelRelease {

    private static final Logger LOG = Logger.getLogger(ModelRelease.class);

    private final ModelPublisher publisher;
    private final PromotionGate gate;
    private final Path models;

    public ModelRelease(ModelPublisher publisher, TrainerConfig config) {
        this.publisher = publisher;
        this.gate = new PromotionGate(config.promotionMargin());
        this.models = config.dataDir().resolve("models");
    }

    /** Writes the bundle and report of {@code trained} to disk; returns the directory. */
    public Path write(TrainedVersion trained) {
        Path directory = models.resolve(trained.name().replace('/', '_')).resolve(trained.version());
        EvaluationReportWriter.write(directory, trained.name() + "@" + trained.version(), trained.report(),
                trained.scored());
        try {
            Files.write(directory.resolve("bundle.zip"), ModelBundleWriter.write(trained.bundle(),
                    publisher.signingKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bundle to " + directory, e);
        }
        return directory;
    }

    /** Writes, gates and publishes {@code trained}. */
    public PublishedVersion release(TrainedVersion trained) {
        return publish(write(trained).resolve("bundle.zip"));
    }

    /**
     * Gates and publishes a bundle already on disk ({@code bundle.zip} that {@link #write} made, or one copied from
     * another trainer with the same signing key), judged by the validation metrics its manifest carries.
     *
     * @throws BundleVerificationException when it does not verify with the signing key
     */
    public PublishedVersion publish(Path bundleFile) {
        byte[] signed;
        try {
            signed = Files.readAllBytes(bundleFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle " + bundleFile, e);
        }
        BundleManifest bundle = ModelBundleReader.read(signed, publisher.signingKey()).manifest();
        PromotionGate.Decision decision = gate.decide(bundle.validationMetrics(), publisher.current(bundle.name()));
        ModelManifest manifest = publisher.publish(signed, bundle, decision.status());
        LOG.infof("published %s as %s: %s", manifest.artifactKey(), decision.status(), decision.reason());
        return new PublishedVersion(bundle.name(), bundle.version(), decision.status(), decision.reason(),
                manifest.metrics(), bundleFile.toAbsolutePath().getParent().toString());
    }
}
