package org.xray.anomaly.bundle;

/** Turns the configured signing key into bytes. Generate a key with {@code openssl rand -hex 32}. */
public final class BundleKeys {

    private BundleKeys() {
    }

    /**
     * Decodes a hex key such as the output of {@code openssl rand -hex 32}. The message of a refusal never contains
     * the key.
     *
     * @throws IllegalArgumentException when the text is not hex or decodes to fewer than 16 bytes
     */
    public static byte[] fromHex(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("the bundle signing key is not configured; generate one with:"
                    + " openssl rand -hex 32");
        }
        byte[] key;
        try {
            key = BundleFormat.parseHex(hex.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the bundle signing key must be hex digits (an even number of"
                    + " 0-9a-f); generate one with: openssl rand -hex 32");
        }
        BundleFormat.requireKey(key);
        return key;
    }
}
