package org.xray.ingest.config;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Everything an operator sets for ingest; each key has an environment override (see application.properties). */
@ConfigMapping(prefix = "xray.ingest")
public interface IngestConfig {

    /** Bearer tokens accepted on the HTTP endpoints; several allow rotation without downtime. */
    @WithName("api-tokens")
    Set<String> apiTokens();

    /** HMAC key for patient pseudonyms. Keep it secret and stable: changing it changes every patient key. */
    @WithName("pseudonym-secret")
    String pseudonymSecret();

    /** DICOM Modality values accepted; other modalities are refused. */
    @WithName("allowed-modalities")
    @WithDefault("CR,DX")
    Set<String> allowedModalities();

    /** Largest accepted image in bytes (HTTP 413 above it). */
    @WithName("max-image-bytes")
    @WithDefault("16777216")
    int maxImageBytes();

    /** How many recent SOP Instance UIDs are remembered to drop re-sent instances. */
    @WithName("dedup-capacity")
    @WithDefault("100000")
    int dedupCapacity();

    /** How long a request waits for Kafka to acknowledge the raw image before it fails. */
    @WithName("publish-timeout-seconds")
    @WithDefault("30")
    int publishTimeoutSeconds();

    /** What the web app keeps in memory (see docs/web-app.md). */
    Dashboard dashboard();

    interface Dashboard {

        /** How many recent images (and study alerts) the image view remembers. */
        @WithName("recent-images")
        @WithDefault("1000")
        int recentImages();

        /** How many recent feed items a newly opened page is shown. */
        @WithName("feed-history")
        @WithDefault("100")
        int feedHistory();
    }
}
