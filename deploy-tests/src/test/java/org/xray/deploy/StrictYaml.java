package org.xray.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * YAML reading that fails on any field the target type does not declare. The fabric8 and Strimzi models keep unknown
 * fields in an "additional properties" map (a {@code @JsonAnySetter}) instead of failing; with that setter ignored,
 * Jackson's own unknown-property check names the misspelt field and the type it is not part of.
 */
final class StrictYaml {

    // A key given twice is a mistake that YAML parsers otherwise settle silently (the last one wins).
    private static final ObjectMapper TREES = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StrictYaml() {
    }

    /** Every non-empty document of a (multi-document) YAML file. */
    static List<JsonNode> documents(Path file) {
        try (MappingIterator<JsonNode> documents = TREES.readerFor(JsonNode.class).readValues(file.toFile())) {
            return documents.readAll().stream().filter(document -> !document.isNull() && !document.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static List<JsonNode> documents(String yaml) {
        try (MappingIterator<JsonNode> documents = TREES.readerFor(JsonNode.class).readValues(yaml)) {
            return documents.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as {@code type}; fails on a field {@code type} does not have, or a value of the wrong type. */
    static <T> T strictly(JsonNode document, Class<T> type) throws IOException {
        return STRICT.treeToValue(document, type);
    }
}
