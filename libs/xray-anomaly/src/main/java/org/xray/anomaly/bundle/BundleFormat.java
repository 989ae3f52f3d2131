package org.xray.anomaly.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.xray.contracts.Limits;
import org.xray.contracts.json.EventJson;

/** What writer and reader agree on: file names, limits, JSON form, hashing and signing. */
final class BundleFormat {

    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    /** Uncompressed bytes of all files together, manifest and signature included: the artifact topic's limit. */
    static final long MAX_TOTAL_BYTES = Limits.MAX_ARTIFACT_BYTES;
    /** Files in the zip, manifest and signature included. */
    static final int MAX_ENTRIES = 1000;
    static final int MIN_KEY_BYTES = 16;

    private static final Pattern ENTRY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    static final ObjectMapper MAPPER = EventJson.mapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Two-space indent and '\n' on every platform, so the manifest bytes (and the signature) never vary. */
    static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private BundleFormat() {
    }

    /** Whether a network file name is acceptable: one plain file name, no path, not one of the reserved names. */
    static String requireEntryName(String name) {
        if (name == null || !ENTRY_NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("bundle entry name '" + name + "' is not allowed: use a plain file"
                    + " name of letters, digits, '.', '_' and '-' (no path separators, no '..', at most 128 chars)");
        }
        if (name.equals(MANIFEST) || name.equals(SIGNATURE)) {
            throw new IllegalArgumentException("bundle entry name '" + name + "' is reserved for the bundle itself");
        }
        return name;
    }

    static boolean isSha256Hex(String text) {
        return text != null && SHA256_HEX.matcher(text).matches();
    }

    static void requireKey(byte[] hmacKey) {
        if (hmacKey == null || hmacKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the bundle signing key must be at least " + MIN_KEY_BYTES
                    + " bytes, was " + (hmacKey == null ? "missing" : hmacKey.length + " bytes")
                    + "; generate one with: openssl rand -hex 32");
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }

    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM lacks HmacSHA256", e);
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] parseHex(String hex) {
        return HEX.parseHex(hex);
    }
}
