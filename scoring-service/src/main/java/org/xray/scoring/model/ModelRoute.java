package org.xray.scoring.model;

import java.util.Optional;

/**
 * How an image is scored: the version that scores it, the threshold it is held to, and the route of the challenger
 * version that shadow-scores it, if one is loaded.
 */
public record ModelRoute(ServedModel model, double threshold, Optional<ModelRoute> challenger) {
}
