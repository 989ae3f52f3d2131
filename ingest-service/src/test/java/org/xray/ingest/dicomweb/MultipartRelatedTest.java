package org.xray.ingest.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MultipartRelatedTest {

    private static final String TYPE = "multipart/related; type=\"application/dicom\"; boundary=\"b0und\"";

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void splitsPartsKeepingBinaryBodiesIntact() {
        String binary = "\r\n--b0un\u0000\u00ff\r\n";
        byte[] body = ascii("preamble\r\n--b0und\r\nContent-Type: application/dicom\r\n\r\n" + binary
                + "\r\n--b0und\r\ncontent-type: application/octet-stream\r\nX-Other: 1\r\n\r\nsecond\r\n--b0und--\r\n");

        List<MultipartRelated.Part> parts = MultipartRelated.parse(TYPE, body);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).mediaType()).isEqualTo("application/dicom");
        assertThat(parts.get(0).body()).isEqualTo(ascii(binary));
        assertThat(parts.get(1).mediaType()).isEqualTo("application/octet-stream");
        assertThat(parts.get(1).headers()).containsEntry("x-other", "1");
        assertThat(parts.get(1).body()).isEqualTo(ascii("second"));
    }

    @Test
    void acceptsBareLineFeedsAndPartsWithoutHeaders() {
        byte[] body = ascii("--b0und\nContent-Type: application/dicom; transfer-syntax=1.2.840.10008.1.2.1\n\nfirst"
                + "\n--b0und\n\nsecond\n--b0und--\n");

        List<MultipartRelated.Part> parts = MultipartRelated.parse(TYPE, body);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).mediaType()).isEqualTo("application/dicom");
        assertThat(parts.get(0).body()).isEqualTo(ascii("first"));
        assertThat(parts.get(1).headers()).isEmpty();
        assertThat(parts.get(1).body()).isEqualTo(ascii("second"));
    }

    @Test
    void ignoresBoundaryTextThatDoesNotStartALine() {
        byte[] body = ascii("--b0und\r\nContent-Type: application/dicom\r\n\r\nx--b0und y\r\n--b0und--");

        assertThat(MultipartRelated.parse(TYPE, body)).singleElement()
                .satisfies(part -> assertThat(part.body()).isEqualTo(ascii("x--b0und y")));
    }

    @Test
    void readsQuotedAndPlainParameters() {
        assertThat(MultipartRelated.parameter(TYPE, "type")).contains("application/dicom");
        assertThat(MultipartRelated.parameter("multipart/related;boundary=abc", "BOUNDARY")).contains("abc");
        assertThat(MultipartRelated.parameter("multipart/related", "boundary")).isEmpty();
    }

    @Test
    void refusesMissingBoundaryParameter() {
        assertThatThrownBy(() -> MultipartRelated.parse("multipart/related", ascii("x")))
                .isInstanceOf(MalformedMultipartException.class).hasMessageContaining("boundary");
    }

    @Test
    void refusesTruncatedBody() {
        byte[] body = ascii("--b0und\r\nContent-Type: application/dicom\r\n\r\nhalf an instance");
        assertThatThrownBy(() -> MultipartRelated.parse(TYPE, body))
                .isInstanceOf(MalformedMultipartException.class).hasMessageContaining("truncated");
    }
}
