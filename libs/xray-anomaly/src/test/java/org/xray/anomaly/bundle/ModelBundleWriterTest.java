package org.xray.anomaly.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xray.anomaly.bundle.Bundles.KEY;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelBundleWriterTest {

    @Test
    void writesTheManifestItsSignatureAndTheEntriesSortedByName() {
        Map<String, byte[]> files = Bundles.unzip(ModelBundleWriter.write(Bundles.bundle(), KEY));

        assertThat(files.keySet()).containsExactly("manifest.json", "manifest.sig", "critic.zip", "encoder.zip",
                "generator.zip");
        assertThat(files.get("generator.zip")).isEqualTo(Bundles.bytes("generator weights", 5000));
        assertThat(new String(files.get("manifest.sig"), StandardCharsets.US_ASCII))
                .matches("[0-9a-f]{64}")
                .isEqualTo(new String(Bundles.sign(files.get("manifest.json"), KEY), StandardCharsets.US_ASCII));
    }

    @Test
    void fillsInTheSha256OfEveryEntry() {
        String json = new String(Bundles.unzip(ModelBundleWriter.write(Bundles.bundle(), KEY)).get("manifest.json"),
                StandardCharsets.UTF_8);

        assertThat(json).contains("\"entrySha256\"", "\"generator.zip\" : \""
                + BundleFormat.sha256Hex(Bundles.bytes("generator weights", 5000)) + "\"");
        assertThat(json).contains("\"createdAt\" : \"2024-05-01T10:15:30.123456789Z\"");
        assertThat(json).doesNotContain("\r");
    }

    @Test
    void writesTheSameBytesForTheSameBundle() {
        byte[] first = ModelBundleWriter.write(Bundles.bundle(), KEY);
        byte[] second = ModelBundleWriter.write(Bundles.bundle(), KEY);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void refusesAKeyShorterThanSixteenBytes() {
        assertThatThrownBy(() -> ModelBundleWriter.write(Bundles.bundle(), new byte[15]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes").hasMessageContaining("openssl rand -hex 32");
    }

    @Test
    void refusesABundleOverTheSizeLimit() {
        ModelBundle big = new ModelBundle(Bundles.manifest(),
                Map.of("generator.zip", new byte[(int) BundleFormat.MAX_TOTAL_BYTES]));
        assertThatThrownBy(() -> ModelBundleWriter.write(big, KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than the limit");
    }
}
