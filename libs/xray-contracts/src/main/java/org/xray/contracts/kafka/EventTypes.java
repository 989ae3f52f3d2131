package org.xray.contracts.kafka;

/** The {@code ce_type} of each event; the suffix is the major version, which additive changes never bump. */
public final class EventTypes {

    public static final String RAW_IMAGE = "org.xray.image.raw.v1";
    public static final String PREPROCESSED_IMAGE = "org.xray.image.preprocessed.v1";
    public static final String SCORE = "org.xray.score.v1";
    public static final String ALERT = "org.xray.alert.v1";
    public static final String MODEL_MANIFEST = "org.xray.model.manifest.v1";
    public static final String MODEL_ARTIFACT = "org.xray.model.artifact.v1";

    private EventTypes() {
    }
}
