package org.xray.anomaly.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.xray.contracts.events.ValidationRoc;

/** Fixtures and zip surgery for the bundle tests. */
final class Bundles {

    static final byte[] KEY = BundleKeys.fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    static final byte[] OTHER_KEY = BundleKeys.fromHex("ffeeddccbbaa99887766554433221100");

    private Bundles() {
    }

    static BundleManifest manifest() {
        return new BundleManifest(BundleManifest.FORMAT_VERSION, "fanogan/XR_HAND", "2024-05-01T10-15-30Z", "fanogan",
                64, Map.of("crop", "contour", "clahe.clipLimit", "2.0", "normalise", "[-1,1]"),
                Map.of("XR_HAND", 0.0123),
                "sha256:4f2a0c", Map.of("batchSize", "64", "criticSteps", "5", "lr", "1e-4"),
                Map.of("XR_HAND.rocAuc", 0.71, "kappa", 0.33),
                Map.of("XR_HAND", new ValidationRoc(List.of(0.0, 0.25, 1.0), List.of(0.0, 0.75, 1.0))),
                Instant.parse("2024-05-01T10:15:30.123456789Z"), Map.of());
    }

    static ModelBundle bundle() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("generator.zip", bytes("generator weights", 5000));
        entries.put("critic.zip", bytes("critic weights", 3000));
        entries.put("encoder.zip", bytes("encoder weights", 4000));
        return new ModelBundle(manifest(), entries);
    }

    static byte[] bytes(String seed, int length) {
        byte[] bytes = new byte[length];
        byte[] pattern = seed.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (pattern[i % pattern.length] + i / pattern.length);
        }
        return bytes;
    }

    /** The zip's files, in zip order. */
    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A plain (deflated) zip of the files, in map order. */
    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Hex HMAC-SHA256 of the manifest, as the writer signs it. */
    static byte[] sign(byte[] manifest, byte[] key) {
        return BundleFormat.hex(BundleFormat.hmacSha256(key, manifest)).getBytes(StandardCharsets.US_ASCII);
    }
}
