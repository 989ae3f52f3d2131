package org.xray.anomaly.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a signed model bundle: a zip of {@code manifest.json}, {@code manifest.sig} (lowercase hex HMAC-SHA256 of
 * the exact manifest bytes) and the network files, in that order, the files sorted by name.
 *
 * <p>The output is deterministic: every file is STORED (not deflated; network files are zips already), with one
 * fixed timestamp and no extra fields, so the same bundle and key always give the same bytes on any machine.
 */
public final class ModelBundleWriter {

    /** The timestamp of every zip entry (local DOS time, no time zone conversion). */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 2, 0, 0);

    private ModelBundleWriter() {
    }

    /**
     * @throws IllegalArgumentException when the key is shorter than 16 bytes or the bundle exceeds the size limit
     */
    public static byte[] write(ModelBundle bundle, byte[] hmacKey) {
        if (bundle == null) {
            throw new IllegalArgumentException("bundle is required");
        }
        BundleFormat.requireKey(hmacKey);
        byte[] manifest = manifestJson(bundle.manifest());
        byte[] signature = BundleFormat.hex(BundleFormat.hmacSha256(hmacKey, manifest))
                .getBytes(StandardCharsets.US_ASCII);
        long total = (long) manifest.length + signature.length;
        for (byte[] entry : bundle.entries().values()) {
            total += entry.length;
        }
        if (total > BundleFormat.MAX_TOTAL_BYTES) {
            throw new IllegalArgumentException("the bundle holds " + total + " bytes, more than the limit of "
                    + BundleFormat.MAX_TOTAL_BYTES + " that scorers accept");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(total + 4096, Integer.MAX_VALUE));
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, BundleFormat.MANIFEST, manifest);
            put(zip, BundleFormat.SIGNATURE, signature);
            for (Map.Entry<String, byte[]> entry : bundle.entries().entrySet()) { // sorted by name
                put(zip, entry.getKey(), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a bundle in memory", e);
        }
        return out.toByteArray();
    }

    static byte[] manifestJson(BundleManifest manifest) {
        try {
            return BundleFormat.WRITER.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the bundle manifest as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
