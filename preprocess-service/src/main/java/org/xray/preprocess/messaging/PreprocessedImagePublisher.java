package org.xray.preprocess.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.xray.contracts.events.PreprocessedImage;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.CloudEventHeaders;
import org.xray.contracts.kafka.EventTypes;
import org.xray.contracts.kafka.XrayHeaders;
import org.xray.messaging.OutgoingRecords;

/** Sends preprocessed images as JSON to {@code xray.images.preprocessed}, keyed by study, in CloudEvents binary mode. */
@ApplicationScoped
public class PreprocessedImagePublisher {

    static final String SOURCE = "preprocess-service";

    private final Emitter<byte[]> emitter;

    public PreprocessedImagePublisher(@Channel("images-preprocessed") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    public CompletionStage<Void> publish(PreprocessedImage event) {
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.binaryMode(event.image().imageId(),
                EventTypes.PREPROCESSED_IMAGE, SOURCE, event.preprocessedAt(), event.image().studyId(),
                CloudEventHeaders.JSON_CONTENT_TYPE));
        headers.put(XrayHeaders.TRACE_ID, event.image().traceId());
        return OutgoingRecords.send(emitter, event.image().studyId(), EventJson.toBytes(event), headers);
    }
}
