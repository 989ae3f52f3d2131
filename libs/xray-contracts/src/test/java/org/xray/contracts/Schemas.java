package org.xray.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/** Loads the published schemas from the classpath (never the network) and validates JSON against them. */
public final class Schemas {

    private static final String BASE_ID = "https://schemas.xray.example/";

    // $ids map onto the classpath copies, so $refs between the schemas resolve offline.
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE_ID, "classpath:schemas/")));

    // 2020-12 treats "format" as an annotation unless asked to assert it.
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private Schemas() {
    }

    public static JsonSchema load(String file) {
        return FACTORY.getSchema(SchemaLocation.of(BASE_ID + file), CONFIG);
    }

    public static Set<ValidationMessage> validate(String file, JsonNode json) {
        return load(file).validate(json);
    }
}
