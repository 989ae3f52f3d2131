package org.xray.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PatientPseudonymizerTest {

    private final PatientPseudonymizer pseudonymizer = new PatientPseudonymizer("a-secret-of-enough-length");

    @Test
    void givesOnePatientOneStableKeyThatHidesTheId() {
        String key = pseudonymizer.pseudonymize(Optional.of("PAT-12345"));

        assertThat(key).matches("pk-[0-9a-f]{32}").doesNotContain("12345");
        assertThat(pseudonymizer.pseudonymize(Optional.of(" PAT-12345 "))).isEqualTo(key);
        assertThat(pseudonymizer.pseudonymize(Optional.of("PAT-12346"))).isNotEqualTo(key);
    }

    @Test
    void keyDependsOnTheSecret() {
        PatientPseudonymizer other = new PatientPseudonymizer("another-secret-of-enough-length");

        assertThat(other.pseudonymize(Optional.of("PAT-12345"))).isNotEqualTo(pseudonymizer.pseudonymize(Optional.of("PAT-12345")));
    }

    @Test
    void missingOrBlankIdBecomesUnknown() {
        assertThat(pseudonymizer.pseudonymize(Optional.of("  "))).isEqualTo("unknown");
        assertThat(pseudonymizer.pseudonymize(Optional.empty())).isEqualTo("unknown");
    }

    @Test
    void refusesShortSecretNamingTheSetting() {
        assertThatThrownBy(() -> new PatientPseudonymizer("short"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("XRAY_INGEST_PSEUDONYM_SECRET");
    }
}
