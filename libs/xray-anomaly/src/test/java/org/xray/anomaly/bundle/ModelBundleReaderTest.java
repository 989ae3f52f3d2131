package org.xray.anomaly.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xray.anomaly.bundle.Bundles.KEY;
import static org.xray.anomaly.bundle.Bundles.OTHER_KEY;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ModelBundleReaderTest {

    private final byte[] written = ModelBundleWriter.write(Bundles.bundle(), KEY);
    private final Map<String, byte[]> files = Bundles.unzip(written);

    @Test
    void readsBackTheBundleThatWasWritten() {
        ModelBundle read = ModelBundleReader.read(written, KEY);
        assertThat(read).isEqualTo(Bundles.bundle());
        assertThat(read.manifest()).isEqualTo(Bundles.bundle().manifest());
        assertThat(read.manifest().createdAt()).isEqualTo(Bundles.manifest().createdAt());
    }

    @Test
    void readsABundleRezippedWithDeflate() {
        assertThat(ModelBundleReader.read(Bundles.zip(files), KEY)).isEqualTo(Bundles.bundle());
    }

    @Test
    void namesTheEntryWhoseBytesWereAltered() {
        files.get("encoder.zip")[100] ^= 1;
        refused(Bundles.zip(files)).hasMessageContaining("entry 'encoder.zip' is corrupt or was altered")
                .hasMessageContaining("SHA-256");
    }

    @Test
    void namesTheEntryDamagedInTheZipItself() {
        // flip a byte inside the stored generator.zip data: the zip's own CRC catches it first
        byte[] damaged = written.clone();
        int at = indexOf(damaged, Bundles.bytes("generator weights", 5000)) + 2500;
        damaged[at] ^= 1;
        refused(damaged).hasMessageContaining("entry 'generator.zip' is corrupt: invalid entry CRC");
    }

    @Test
    void refusesAManifestEditedAfterSigning() {
        String json = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
        files.put("manifest.json", json.replace("0.0123", "99.0").getBytes(StandardCharsets.UTF_8));
        refused(Bundles.zip(files)).hasMessageContaining("signature does not match")
                .hasMessageContaining("signed with a different key, or manifest.json was altered");
    }

    @Test
    void refusesABundleSignedWithAnotherKey() {
        refused(ModelBundleWriter.write(Bundles.bundle(), OTHER_KEY)).hasMessageContaining("signed with a different key");
    }

    @Test
    void refusesAnUnsignedBundle() {
        files.remove("manifest.sig");
        refused(Bundles.zip(files)).hasMessageStartingWith("unsigned bundle: it has no manifest.sig");
    }

    @Test
    void refusesAMalformedSignatureFile() {
        files.put("manifest.sig", "not a signature".getBytes(StandardCharsets.US_ASCII));
        refused(Bundles.zip(files)).hasMessageContaining("manifest.sig is malformed");
    }

    @Test
    void refusesZipsWithoutAManifest() {
        files.remove("manifest.json");
        refused(Bundles.zip(files)).hasMessageContaining("no manifest.json");
        refused("not a zip at all".getBytes(StandardCharsets.US_ASCII)).hasMessageContaining("no manifest.json");
    }

    @Test
    void refusesAnEntryTheManifestDoesNotList() {
        files.put("backdoor.zip", new byte[] {1, 2, 3});
        refused(Bundles.zip(files)).hasMessageContaining("unexpected entry 'backdoor.zip'");
    }

    @Test
    void refusesABundleMissingAListedEntry() {
        files.remove("critic.zip");
        refused(Bundles.zip(files)).hasMessageContaining("entry 'critic.zip' is listed in the manifest but missing");
    }

    @Test
    void refusesZipSlipNames() {
        files.put("../../etc/cron.d/evil", new byte[] {1});
        refused(Bundles.zip(files)).hasMessageContaining("unsafe entry name '../../etc/cron.d/evil'")
                .hasMessageContaining("zip-slip");
        files.remove("../../etc/cron.d/evil");
        files.put("/tmp/evil", new byte[] {1});
        refused(Bundles.zip(files)).hasMessageContaining("unsafe entry name '/tmp/evil'");
    }

    @Test
    void refusesDuplicateEntryNames() {
        refused(duplicateEntryZip()).hasMessageContaining("two entries named 'critic.zip'");
    }

    @Test
    void refusesAValidlySignedButMalformedManifest() {
        byte[] garbage = "{\"formatVersion\": 1, \"name\": ".getBytes(StandardCharsets.UTF_8);
        files.put("manifest.json", garbage);
        files.put("manifest.sig", Bundles.sign(garbage, KEY));
        refused(Bundles.zip(files)).hasMessageStartingWith("manifest.json is not a valid bundle manifest");

        byte[] invalid = new String(written(), StandardCharsets.UTF_8).replace("\"fanogan\"", "\"  \"")
                .getBytes(StandardCharsets.UTF_8);
        files.put("manifest.json", invalid);
        files.put("manifest.sig", Bundles.sign(invalid, KEY));
        refused(Bundles.zip(files)).hasMessageContaining("BundleManifest.algorithm is required");
    }

    @Test
    void refusesANewerFormatVersion() {
        byte[] newer = new String(written(), StandardCharsets.UTF_8)
                .replace("\"formatVersion\" : 1", "\"formatVersion\" : 2").getBytes(StandardCharsets.UTF_8);
        files.put("manifest.json", newer);
        files.put("manifest.sig", Bundles.sign(newer, KEY));
        refused(Bundles.zip(files)).hasMessageContaining("format version 2 is newer");
    }

    @Test
    void stopsInflatingAZipBombAtTheSizeLimit() throws IOException {
        // 64 MiB + 1 of zeros deflates to about 64 KiB; the reader must stop counting at the limit
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(files.get("manifest.json"));
            zip.putNextEntry(new ZipEntry("generator.zip"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.write(0);
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(1 << 20);
        refused(out.toByteArray()).hasMessageContaining("inflates to more than 67108864 bytes")
                .hasMessageContaining("'generator.zip'");
    }

    @Test
    void refusesMoreThanAThousandEntries() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i <= 1000; i++) {
                zip.putNextEntry(new ZipEntry("net" + i + ".zip"));
                zip.closeEntry();
            }
        }
        refused(out.toByteArray()).hasMessageContaining("more than 1000 files");
    }

    @Test
    void refusesAShortKeyAsAConfigurationError() {
        assertThatThrownBy(() -> ModelBundleReader.read(written, new byte[8]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 bytes");
    }

    private byte[] written() {
        return Bundles.unzip(written).get("manifest.json");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(byte[] zip) {
        return assertThatThrownBy(() -> ModelBundleReader.read(zip, KEY))
                .isInstanceOf(BundleVerificationException.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("entry bytes not found in the zip");
    }

    /** A zip with two local entries named critic.zip (ZipOutputStream refuses that, so rename one in the bytes). */
    private byte[] duplicateEntryZip() {
        files.put("critiX.zip", files.get("critic.zip"));
        byte[] zip = Bundles.zip(files);
        byte[] from = "critiX.zip".getBytes(StandardCharsets.US_ASCII);
        byte[] to = "critic.zip".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i <= zip.length - from.length; i++) {
            boolean match = true;
            for (int j = 0; j < from.length && match; j++) {
                match = zip[i + j] == from[j];
            }
            if (match) {
                System.arraycopy(to, 0, zip, i, to.length);
            }
        }
        return zip;
    }
}
