package org.xray.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyPartTest {

    @ParameterizedTest
    @CsvSource({
            "HAND,       XR_HAND",
            "' hand ',   XR_HAND",
            "THUMB,      XR_FINGER",
            "UPPER_ARM,  XR_HUMERUS",
            "upper arm,  XR_HUMERUS",
            "Shoulder,   XR_SHOULDER",
            "CHEST,      UNKNOWN",
            "'',         UNKNOWN"})
    void fromDicomMapsBodyPartExaminedTerms(String term, BodyPart expected) {
        assertThat(BodyPart.fromDicom(term)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "XR_WRIST,  XR_WRIST",
            "xr_wrist,  XR_WRIST",
            "wrist,     XR_WRIST",
            "UNKNOWN,   UNKNOWN",
            "elbow,     XR_ELBOW"})
    void parseAcceptsMuraNamesAndDicomTerms(String text, BodyPart expected) {
        assertThat(BodyPart.parse(text)).isEqualTo(expected);
    }

    @Test
    void parseRejectsAnythingElseListingTheAcceptedValues() {
        assertThatThrownBy(() -> BodyPart.parse("knee"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown body part 'knee'")
                .hasMessageContaining("XR_HAND");
    }
}
