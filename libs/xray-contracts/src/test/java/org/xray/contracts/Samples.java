package org.xray.contracts;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xray.contracts.events.AlertEvent;
import org.xray.contracts.events.ImageMetadata;
import org.xray.contracts.events.ModelManifest;
import org.xray.contracts.events.ModelStatus;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.events.PreprocessingStep;
import org.xray.contracts.events.RawImageHeaders;
import org.xray.contracts.events.ScoreEvent;
import org.xray.contracts.events.ValidationRoc;

/** One valid instance of each event, with every optional field filled. */
public final class Samples {

    public static final Instant RECEIVED_AT = Instant.parse("2024-05-01T10:15:30.123Z");
    public static final String STUDY_ID = "1.2.826.0.1.3680043.8.498.1";

    private Samples() {
    }

    public static ImageMetadata image() {
        return new ImageMetadata("1.2.826.0.1.3680043.8.498.1.1", STUDY_ID, BodyPart.XR_HAND, "pk-7f3a9c",
                "pacs-bridge", RECEIVED_AT, "4bf92f3577b34da6a3ce929d0e0e4736");
    }

    public static RawImageHeaders rawImageHeaders() {
        return new RawImageHeaders(SchemaVersion.CURRENT, image(), ImageFormat.DICOM, Optional.of("DX"));
    }

    public static PreprocessedImage preprocessedImage() {
        byte[] pixels = new byte[4 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 20);
        }
        byte[] mask = new byte[4 * 3];
        mask[5] = (byte) 255;
        return new PreprocessedImage(SchemaVersion.CURRENT, image(), ImageFormat.DICOM, 4, 3,
                Base64.getEncoder().encodeToString(pixels), Optional.of(Base64.getEncoder().encodeToString(mask)),
                List.of(new PreprocessingStep("resize", Map.of("size", "64")),
                        new PreprocessingStep("clahe", Map.of("clipLimit", "2.0"))),
                RECEIVED_AT.plusMillis(40));
    }

    public static ScoreEvent scoreEvent() {
        return new ScoreEvent(SchemaVersion.CURRENT, image(), "fanogan/XR_HAND", "7", 0.031, 0.0042, 0.0352, 0.03,
                true, 0.0352, 1, 85, RECEIVED_AT.plusMillis(85), Optional.of("iVBORw0KGgo="),
                Optional.of("iVBORw0KGgoA"));
    }

    public static AlertEvent alertEvent() {
        return new AlertEvent(SchemaVersion.CURRENT, AlertEvent.alertId(STUDY_ID, "fanogan/XR_HAND", "7"), STUDY_ID,
                BodyPart.XR_HAND, "pk-7f3a9c", "fanogan/XR_HAND", "7", 0.0352, 0.03, 1,
                "1.2.826.0.1.3680043.8.498.1.1", 1, "4bf92f3577b34da6a3ce929d0e0e4736", RECEIVED_AT.plusMillis(90));
    }

    public static ModelManifest modelManifest() {
        return new ModelManifest(SchemaVersion.CURRENT, "fanogan/XR_HAND", "7", "fanogan", 64, ModelStatus.CURRENT,
                ModelManifest.artifactKey("fanogan/XR_HAND", "7"), "a".repeat(64), 12_345_678L,
                Map.of("XR_HAND", 0.03), Map.of("XR_HAND.rocAuc", 0.81, "kappa", 0.42),
                RECEIVED_AT.minusSeconds(3600), RECEIVED_AT.minusSeconds(60),
                Optional.of(Map.of("XR_HAND", new ValidationRoc(List.of(0.0, 0.2, 1.0), List.of(0.0, 0.7, 1.0)))));
    }
}
