package org.xray.anomaly.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelBundleTest {

    @Test
    void computesTheManifestChecksumsFromTheEntries() {
        ModelBundle bundle = Bundles.bundle();
        assertThat(bundle.manifest().entrySha256()).containsOnlyKeys("critic.zip", "encoder.zip", "generator.zip");
        assertThat(bundle.manifest().entrySha256().get("critic.zip"))
                .isEqualTo(BundleFormat.sha256Hex(Bundles.bytes("critic weights", 3000)));
    }

    @Test
    void refusesPathLikeAndReservedEntryNames() {
        for (String name : new String[] {"../generator.zip", "nets/generator.zip", "a\\b.zip", "..", ".hidden",
                "manifest.json", "manifest.sig", ""}) {
            assertThatThrownBy(() -> new ModelBundle(Bundles.manifest(), Map.of(name, new byte[1])))
                    .as(name).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesAManifestWhoseChecksumsDisagreeWithTheEntries() {
        BundleManifest stale = Bundles.manifest().withEntrySha256(Map.of("generator.zip", "0".repeat(64)));
        assertThatThrownBy(() -> new ModelBundle(stale, Map.of("generator.zip", new byte[1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }

    @Test
    void comparesEntriesByContent() {
        assertThat(Bundles.bundle()).isEqualTo(Bundles.bundle()).hasSameHashCodeAs(Bundles.bundle());
        assertThat(new ModelBundle(Bundles.manifest(), Map.of("a.zip", new byte[] {1})))
                .isNotEqualTo(new ModelBundle(Bundles.manifest(), Map.of("a.zip", new byte[] {2})));
    }

    @Test
    void manifestRefusesThresholdsForUnknownBodyParts() {
        BundleManifest valid = Bundles.manifest();
        assertThatThrownBy(() -> new BundleManifest(1, valid.name(), valid.version(), valid.algorithm(), 64,
                Map.of(), Map.of("HAND", 0.1), "fp", Map.of(), Map.of(), Map.of(), valid.createdAt(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'HAND' is not one of");
    }

    @Test
    void keysDecodeFromOpensslHexAndMustHaveSixteenBytes() {
        assertThat(BundleKeys.fromHex(" 00112233445566778899aabbccddeeff\n")).hasSize(16);
        assertThatThrownBy(() -> BundleKeys.fromHex("0011"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 bytes");
        assertThatThrownBy(() -> BundleKeys.fromHex("not hex at all"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hex digits")
                .hasMessageNotContaining("not hex at all");
    }
}
