package org.xray.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class TraceIdsTest {

    @Test
    void takesTraceIdFromW3cTraceparent() {
        assertThat(TraceIds.fromTraceparent(Optional.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void startsNewTraceWhenHeaderIsMissingOrInvalid() {
        String fresh = TraceIds.fromTraceparent(Optional.empty());
        assertThat(fresh).matches("[0-9a-f]{32}");
        assertThat(TraceIds.fromTraceparent(Optional.empty())).isNotEqualTo(fresh);
        assertThat(TraceIds.fromTraceparent(Optional.of("garbage"))).matches("[0-9a-f]{32}");
        assertThat(TraceIds.fromTraceparent(Optional.of("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")))
                .isNotEqualTo("0".repeat(32));
    }
}
