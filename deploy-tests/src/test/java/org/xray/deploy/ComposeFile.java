package org.xray.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** docker-compose.yml as a tree; `docker-compose config` (in {@link DockerComposeTest}) validates its schema. */
final class ComposeFile {

    static final JsonNode TREE = StrictYaml.documents(Repository.COMPOSE_FILE).get(0);

    private ComposeFile() {
    }

    static JsonNode service(String name) {
        JsonNode service = TREE.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The service's environment entries, in either of compose's forms (map, or list of NAME=value). */
    static Map<String, String> environment(String service) {
        JsonNode environment = service(service).path("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment.isArray()) {
            environment.forEach(entry -> {
                String[] nameAndValue = entry.asText().split("=", 2);
                variables.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
            });
        } else {
            environment.fields().forEachRemaining(entry -> variables.put(entry.getKey(), entry.getValue().asText()));
        }
        return variables;
    }

    static List<String> strings(JsonNode list) {
        List<String> strings = new ArrayList<>();
        list.forEach(item -> strings.add(item.asText()));
        return strings;
    }
}
