package org.xray.contracts.events;

import java.util.Map;

/** One step applied to an image before scoring (e.g. {@code clahe} with {@code clipLimit=2.0}), for audit and replay. */
public record PreprocessingStep(String name, Map<String, String> parameters) {

    public PreprocessingStep {
        Require.nonBlank(name, "PreprocessingStep.name");
        parameters = Require.orderedCopy(parameters, "PreprocessingStep.parameters");
    }
}
