package org.xray.ingest.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.xray.ingest.config.IngestConfig;

/**
 * Keyed pseudonyms for patient ids: stable for one secret (a patient's studies stay linkable downstream), not
 * reversible or guessable without it (a plain hash of a short id could be brute-forced).
 */
@ApplicationScoped
public class PatientPseudonymizer {

    static final String UNKNOWN_PATIENT = "unknown";
    private static final int MIN_SECRET_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    @Inject
    public PatientPseudonymizer(IngestConfig config) {
        this(config.pseudonymSecret());
    }

    PatientPseudonymizer(String configuredSecret) {
        byte[] secret = configuredSecret.getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("xray.ingest.pseudonym-secret (XRAY_INGEST_PSEUDONYM_SECRET) must be at least "
                    + MIN_SECRET_BYTES + " bytes; generate one with: openssl rand -hex 32");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The patient key for an id: {@code pk-} and 32 hex digits, or {@code unknown} when there is no id. */
    public String pseudonymize(Optional<String> patientId) {
        if (patientId.isEmpty() || patientId.get().isBlank()) {
            return UNKNOWN_PATIENT;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(patientId.get().trim().getBytes(StandardCharsets.UTF_8));
            return "pk-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }
}
