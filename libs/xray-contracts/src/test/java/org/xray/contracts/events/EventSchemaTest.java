package org.xray.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xray.contracts.BodyPart;
import org.xray.contracts.ImageFormat;
import org.xray.contracts.Limits;
import org.xray.contracts.Samples;
import org.xray.contracts.Schemas;
import org.xray.contracts.json.EventFormatException;
import org.xray.contracts.json.EventJson;
import org.xray.contracts.kafka.EventTypes;

/** Every JSON event against its published schema: the schema and the records must describe the same contract. */
class EventSchemaTest {

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("image-metadata.schema.json", Samples.image()),
                Arguments.of("preprocessed-image.schema.json", Samples.preprocessedImage()),
                Arguments.of("score-event.schema.json", Samples.scoreEvent()),
                Arguments.of("alert-event.schema.json", Samples.alertEvent()),
                Arguments.of("model-manifest.schema.json", Samples.modelManifest()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void serialisedEventValidatesAgainstItsSchema(String schema, Record event) {
        assertThat(Schemas.validate(schema, json(event))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eventRoundTripsThroughJson(String schema, Record event) {
        assertThat(EventJson.fromBytes(EventJson.toBytes(event), event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void schemaRequiresExactlyTheNonOptionalComponents(String schema, Record event) {
        Set<String> nonOptional = new HashSet<>();
        Arrays.stream(event.getClass().getRecordComponents())
                .filter(component -> component.getType() != Optional.class)
                .forEach(component -> nonOptional.add(component.getName()));

        assertThat(required(schema)).containsExactlyInAnyOrderElementsOf(nonOptional);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eventMissingARequiredFieldFailsValidationAndDeserialisation(String schema, Record event) {
        for (String field : required(schema)) {
            ObjectNode incomplete = json(event).deepCopy();
            incomplete.remove(field);

            assertThat(Schemas.validate(schema, incomplete)).as("schema errors without %s", field)
                    .anySatisfy(error -> assertThat(error.getMessage()).contains(field));
            assertThatThrownBy(() -> EventJson.fromBytes(bytes(incomplete), event.getClass()))
                    .as("reading without %s", field)
                    .isInstanceOf(EventFormatException.class)
                    .hasMessageContaining(event.getClass().getSimpleName())
                    .hasMessageContaining(field);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void emptyOptionalFieldsAreOmittedAndStillValid(String schema, Record event) throws Exception {
        ObjectNode json = json(event);
        Arrays.stream(event.getClass().getRecordComponents())
                .filter(component -> component.getType() == Optional.class)
                .forEach(component -> json.remove(component.getName()));

        assertThat(Schemas.validate(schema, json)).isEmpty();
        Record read = EventJson.fromBytes(bytes(json), event.getClass());
        for (var component : event.getClass().getRecordComponents()) {
            if (component.getType() == Optional.class) {
                assertThat((Optional<?>) component.getAccessor().invoke(read)).isEmpty();
            }
        }
        assertThat(EventJson.mapper().readTree(EventJson.toBytes(read)).size()).isEqualTo(json.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void unknownFieldsAreAcceptedForAdditiveEvolution(String schema, Record event) {
        ObjectNode newer = json(event).put("addedInALaterVersion", "ignored");

        assertThat(Schemas.validate(schema, newer)).isEmpty();
        assertThat(EventJson.fromBytes(bytes(newer), event.getClass())).isEqualTo(event);
    }

    @Test
    void schemaEnumsListTheJavaEnums() {
        JsonNode shared = Schemas.load("image-metadata.schema.json").getSchemaNode().get("$defs");
        JsonNode headers = Schemas.load("raw-image-headers.schema.json").getSchemaNode().get("properties");
        JsonNode manifest = Schemas.load("model-manifest.schema.json").getSchemaNode().get("properties");

        assertThat(texts(shared.at("/bodyPart/enum"))).containsExactly(names(BodyPart.values()));
        assertThat(texts(shared.at("/imageFormat/enum"))).containsExactly(names(ImageFormat.values()));
        assertThat(texts(manifest.at("/status/enum"))).containsExactly(names(ModelStatus.values()));
        assertThat(texts(headers.at("/content-type/enum")))
                .containsExactly(Arrays.stream(ImageFormat.values()).map(ImageFormat::mediaType).toArray(String[]::new));
        assertThat(headers.at("/ce_type/const").asText()).isEqualTo(EventTypes.RAW_IMAGE);
        assertThat(manifest.at("/artifactBytes/maximum").asLong()).isEqualTo(Limits.MAX_ARTIFACT_BYTES);
    }

    @Test
    void schemaRejectsValuesOutsideTheContract() {
        ObjectNode score = json(Samples.scoreEvent());
        score.put("scoredAt", "yesterday");
        ((ObjectNode) score.get("image")).put("bodyPart", "XR_KNEE");

        assertThat(Schemas.validate("score-event.schema.json", score))
                .extracting(error -> error.getInstanceLocation().toString())
                .containsExactlyInAnyOrder("/scoredAt", "/image/bodyPart");
    }

    private static String[] texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts.toArray(String[]::new);
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    private static ObjectNode json(Record event) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(EventJson.toBytes(event));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> required(String schema) {
        Set<String> required = new HashSet<>();
        Schemas.load(schema).getSchemaNode().get("required").forEach(name -> required.add(name.asText()));
        return required;
    }
}
