package org.xray.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.xray.contracts.ImageFormat;
import org.xray.contracts.RejectionReason;

/** Prometheus counters for what ingest received, accepted and refused (exposed at /q/metrics). */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void received(IntakeSource source, int bytes) {
        Counter.builder("xray.ingest.received.bytes")
                .description("Payload bytes received, accepted or not")
                .baseUnit("bytes")
                .tag("source", source.id())
                .register(registry)
                .increment(bytes);
    }

    void accepted(IntakeSource source, ImageFormat format) {
        registry.counter("xray.ingest.images.accepted", "source", source.id(), "format", format.name()).increment();
    }

    void duplicate(IntakeSource source) {
        registry.counter("xray.ingest.images.duplicate", "source", source.id()).increment();
    }

    public void rejected(IntakeSource source, RejectionReason reason) {
        registry.counter("xray.ingest.images.rejected", "source", source.id(), "reason", reason.code()).increment();
    }
}
