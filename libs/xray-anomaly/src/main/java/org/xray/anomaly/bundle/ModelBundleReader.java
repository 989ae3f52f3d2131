package org.xray.anomaly.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads and verifies a model bundle written by {@link ModelBundleWriter}. In order, it refuses: an unsafe zip
 * (path-like names, duplicate names, more than 1000 files, more than 64 MiB inflated - counted while inflating, so a
 * zip bomb stops early), a zip without {@code manifest.json}, an unsigned bundle, a signature that does not match
 * (checked in constant time, before the manifest is parsed), a malformed manifest, a newer format, a listed file
 * that is missing, an unlisted file, and a file whose SHA-256 differs from the manifest's.
 */
public final class ModelBundleReader {

    private ModelBundleReader() {
    }

    /**
     * @throws BundleVerificationException when the bundle must not be used; the message says why
     * @throws IllegalArgumentException    when the key is shorter than 16 bytes (a configuration error)
     */
    public static ModelBundle read(byte[] zip, byte[] hmacKey) {
        BundleFormat.requireKey(hmacKey);
        if (zip == null) {
            throw new IllegalArgumentException("bundle bytes are required");
        }
        Map<String, byte[]> files = unzip(zip);

        byte[] manifestBytes = files.remove(BundleFormat.MANIFEST);
        if (manifestBytes == null) {
            throw new BundleVerificationException("not a model bundle: it has no " + BundleFormat.MANIFEST);
        }
        byte[] signatureBytes = files.remove(BundleFormat.SIGNATURE);
        if (signatureBytes == null) {
            throw new BundleVerificationException("unsigned bundle: it has no " + BundleFormat.SIGNATURE
                    + "; only bundles written by the trainer with the shared signing key are accepted");
        }
        verifySignature(manifestBytes, signatureBytes, hmacKey);

        BundleManifest manifest = parse(manifestBytes);
        if (manifest.formatVersion() > BundleManifest.FORMAT_VERSION) {
            throw new BundleVerificationException("bundle format version " + manifest.formatVersion()
                    + " is newer than this reader supports (" + BundleManifest.FORMAT_VERSION + "): upgrade the scorer");
        }
        Map<String, String> expected = manifest.entrySha256();
        if (expected.isEmpty()) {
            throw new BundleVerificationException("the manifest lists no network files");
        }
        for (String name : expected.keySet()) {
            if (!files.containsKey(name)) {
                throw new BundleVerificationException("entry '" + name
                        + "' is listed in the manifest but missing from the bundle");
            }
        }
        for (String name : files.keySet()) {
            if (!expected.containsKey(name)) {
                throw new BundleVerificationException("unexpected entry '" + name
                        + "': a bundle holds only manifest.json, manifest.sig and the files the manifest lists");
            }
        }
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            String actual = BundleFormat.sha256Hex(files.get(entry.getKey()));
            if (!actual.equals(entry.getValue())) {
                throw new BundleVerificationException("entry '" + entry.getKey() + "' is corrupt or was altered:"
                        + " its SHA-256 is " + actual + " but the signed manifest says " + entry.getValue());
            }
        }
        return new ModelBundle(manifest, files);
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = nextEntry(in)) != null) {
                String name = entry.getName();
                requireSafeName(name);
                if (files.size() == BundleFormat.MAX_ENTRIES) {
                    throw new BundleVerificationException("the bundle has more than " + BundleFormat.MAX_ENTRIES
                            + " files; refusing it as a possible zip bomb");
                }
                if (files.containsKey(name)) {
                    throw new BundleVerificationException("the bundle has two entries named '" + name + "'");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                int read;
                while ((read = readEntry(in, buffer, name)) > 0) {
                    total += read;
                    if (total > BundleFormat.MAX_TOTAL_BYTES) {
                        throw new BundleVerificationException("the bundle inflates to more than "
                                + BundleFormat.MAX_TOTAL_BYTES + " bytes (stopped in entry '" + name
                                + "'); refusing it as too large or a zip bomb");
                    }
                    bytes.write(buffer, 0, read);
                }
                files.put(name, bytes.toByteArray());
            }
        } catch (IOException e) {
            throw new BundleVerificationException("the bundle is not a readable zip: " + e.getMessage(), e);
        }
        return files;
    }

    private static ZipEntry nextEntry(ZipInputStream in) {
        try {
            return in.getNextEntry();
        } catch (IOException | IllegalArgumentException e) { // IllegalArgumentException: a malformed entry name
            throw new BundleVerificationException("the bundle is not a readable zip: " + e.getMessage(), e);
        }
    }

    private static int readEntry(ZipInputStream in, byte[] buffer, String name) {
        try {
            return in.read(buffer);
        } catch (IOException e) { // e.g. "invalid entry CRC": damaged in storage or transit
            throw new BundleVerificationException("entry '" + name + "' is corrupt: " + e.getMessage(), e);
        }
    }

    private static void requireSafeName(String name) {
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.contains(":")) {
            throw new BundleVerificationException("unsafe entry name '" + name + "': path separators and '..' are"
                    + " not allowed in a bundle (zip-slip)");
        }
        if (name.equals(BundleFormat.MANIFEST) || name.equals(BundleFormat.SIGNATURE)) {
            return;
        }
        try {
            BundleFormat.requireEntryName(name);
        } catch (IllegalArgumentException e) {
            throw new BundleVerificationException(e.getMessage());
        }
    }

    private static void verifySignature(byte[] manifest, byte[] signatureFile, byte[] hmacKey) {
        String text = new String(signatureFile, StandardCharsets.US_ASCII).strip();
        byte[] given;
        try {
            given = BundleFormat.parseHex(text);
        } catch (IllegalArgumentException e) {
            given = null;
        }
        if (given == null || given.length != 32) {
            throw new BundleVerificationException(BundleFormat.SIGNATURE + " is malformed: expected the 64 hex"
                    + " digits of an HMAC-SHA256");
        }
        byte[] expected = BundleFormat.hmacSha256(hmacKey, manifest);
        if (!MessageDigest.isEqual(expected, given)) { // constant time
            throw new BundleVerificationException("the manifest signature does not match: the bundle was signed"
                    + " with a different key, or manifest.json was altered after signing");
        }
    }

    private static BundleManifest parse(byte[] manifest) {
        try {
            return BundleFormat.MAPPER.readValue(manifest, BundleManifest.class);
        } catch (ValueInstantiationException e) {
            String problem = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            throw new BundleVerificationException("manifest.json is not a valid bundle manifest: " + problem, e);
        } catch (JsonProcessingException e) {
            throw new BundleVerificationException("manifest.json is not a valid bundle manifest: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BundleVerificationException("manifest.json cannot be read: " + e.getMessage(), e);
        }
    }
}
