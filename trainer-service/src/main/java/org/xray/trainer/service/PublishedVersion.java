package org.xray.trainer.service;

import java.util.Map;

import org.xray.contracts.events.ModelStatus;

/**
 * A model version a job made and published.
 *
 * @param reason    why the promotion gate made it current or a challenger
 * @param directory where its bundle ({@code bundle.zip}) and report ({@code report.json}, {@code report.html}) are
 */
public record PublishedVersion(String name, String version, ModelStatus status, String reason,
                               Map<String, Double> metrics, String directory) {
}
