package org.xray.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xray.contracts.Samples;
import org.xray.contracts.events.ScoreEvent;

class EventJsonTest {

    @Test
    void instantsAreWrittenAsIsoText() {
        String json = new String(EventJson.toBytes(Samples.scoreEvent()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"receivedAt\":\"2024-05-01T10:15:30.123Z\"", "\"schemaVersion\":1");
    }

    @Test
    void emptyOptionalIsLeftOutNotWrittenAsNull() {
        ScoreEvent s = Samples.scoreEvent();
        ScoreEvent withoutHeatmap = new ScoreEvent(s.schemaVersion(), s.image(), s.modelName(), s.modelVersion(),
                s.imageResidual(), s.featureResidual(), s.score(), s.threshold(), s.anomalous(), s.studyScore(),
                s.studyImageCount(), s.latencyMillis(), s.scoredAt(), Optional.empty(), Optional.empty());

        assertThat(new String(EventJson.toBytes(withoutHeatmap), StandardCharsets.UTF_8)).doesNotContain("heatmapPng");
    }

    @Test
    void readsAScoreEventWrittenBeforeReconstructionsWereAdded() {
        String json = new String(EventJson.toBytes(Samples.scoreEvent()), StandardCharsets.UTF_8)
                .replaceAll(",\\s*\"reconstructionPng\"\\s*:\\s*\"[^\"]*\"", "");
        assertThat(json).doesNotContain("reconstructionPng");

        ScoreEvent read = EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8), ScoreEvent.class);

        assertThat(read.reconstructionPng()).isEmpty();
        assertThat(read.heatmapPng()).isEqualTo(Samples.scoreEvent().heatmapPng());
    }

    @Test
    void malformedJsonNamesTheEventTypeAndPosition() {
        byte[] truncated = "{\"schemaVersion\": 1,".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventJson.fromBytes(truncated, ScoreEvent.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageStartingWith("invalid ScoreEvent JSON: Unexpected end-of-input")
                .hasMessageContaining("line 1 column 21");
    }

    @Test
    void wrongTypeNamesTheFieldPath() {
        String json = new String(EventJson.toBytes(Samples.scoreEvent()), StandardCharsets.UTF_8)
                .replace("\"bodyPart\":\"XR_HAND\"", "\"bodyPart\":\"XR_KNEE\"");

        assertThatThrownBy(() -> EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8), ScoreEvent.class))
                .hasMessageContaining("XR_KNEE")
                .hasMessageContaining("(at image.bodyPart)");
    }

    @Test
    void constructorCheckIsReportedInItsOwnWords() {
        String json = new String(EventJson.toBytes(Samples.scoreEvent()), StandardCharsets.UTF_8)
                .replace("\"studyImageCount\":1", "\"studyImageCount\":0");

        assertThatThrownBy(() -> EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8), ScoreEvent.class))
                .hasMessageStartingWith("invalid ScoreEvent JSON: ScoreEvent.studyImageCount must be >= 1, was 0");
    }

    @Test
    void mapperHandedOutIsACopySoTheSharedOneCannotBeReconfigured() {
        EventJson.mapper().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        assertThat(new String(EventJson.toBytes(Samples.scoreEvent()), StandardCharsets.UTF_8))
                .contains("\"scoredAt\":\"2024-05-01T10:15:30.208Z\"");
    }
}
