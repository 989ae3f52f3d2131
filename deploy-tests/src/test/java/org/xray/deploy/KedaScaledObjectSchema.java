package org.xray.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * KEDA publishes no Java model, so a ScaledObject is validated against KEDA's own CRD schema (vendored from KEDA
 * 2.20.2). The API server prunes fields a structural CRD schema does not declare; here such a field is an error
 * instead: every object schema with properties, and no {@code x-kubernetes-preserve-unknown-fields}, gets
 * {@code additionalProperties: false}.
 */
final class KedaScaledObjectSchema {

    static final String API_VERSION = "keda.sh/v1alpha1";
    private static final JsonSchema SCHEMA = load();

    private KedaScaledObjectSchema() {
    }

    /** What is wrong with the ScaledObject, in the validator's words; empty when it is valid. */
    static Set<String> problems(JsonNode scaledObject) {
        return SCHEMA.validate(scaledObject).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    private static JsonSchema load() {
        try (InputStream crd = KedaScaledObjectSchema.class.getResourceAsStream("/keda/keda.sh_scaledobjects.yaml")) {
            JsonNode versions = new YAMLMapper().readTree(crd).path("spec").path("versions");
            for (JsonNode version : versions) {
                if (API_VERSION.endsWith("/" + version.path("name").asText())) {
                    JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                    closeObjects(schema);
                    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
                }
            }
            throw new IllegalStateException("the KEDA CRD has no version for " + API_VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Closes every object schema, then drops the Kubernetes extension keywords, which JSON Schema does not know.
    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.set("additionalProperties", BooleanNode.FALSE);
            }
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                if (names.next().startsWith("x-kubernetes-")) {
                    names.remove();
                }
            }
        }
        node.forEach(KedaScaledObjectSchema::closeObjects);
    }
}
