package org.xray.trainer.config;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Everything an operator sets for the trainer; each key has an environment override (see application.properties). */
@ConfigMapping(prefix = "xray.trainer")
public interface TrainerConfig {

    /** Where jobs, checkpoints, bundles and reports are kept; a restarted trainer resumes unfinished jobs from it. */
    @WithName("data-dir")
    @WithDefault("data/trainer")
    Path dataDir();

    /** Hex HMAC key bundles are signed with; scorers must be given the same key. */
    @WithName("bundle-signing-key")
    String bundleSigningKey();

    /** How much worse (ROC-AUC, AP, kappa) a new version may be than the current one and still replace it. */
    @WithName("promotion-margin")
    @WithDefault("0.02")
    double promotionMargin();

    /** Pick up, at start-up, the jobs a previous run left unfinished; off in command mode. */
    @WithName("resume-jobs")
    @WithDefault("true")
    boolean resumeJobs();

    /** Jobs waiting behind the running one; further submissions are refused until one finishes. */
    @WithName("queue-capacity")
    @WithDefault("4")
    int queueCapacity();

    /** How long publishing a bundle or manifest waits for Kafka's acknowledgement. */
    @WithName("publish-timeout-seconds")
    @WithDefault("120")
    int publishTimeoutSeconds();
}
