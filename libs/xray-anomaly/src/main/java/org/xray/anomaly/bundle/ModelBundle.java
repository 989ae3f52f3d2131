package org.xray.anomaly.bundle;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A model bundle in memory: the manifest and the network files ({@code generator.zip}, {@code critic.zip},
 * {@code encoder.zip}, ...) by name. The manifest's {@code entrySha256} always matches the entries: it is computed
 * here. The entry arrays are copied in; treat the arrays {@link #entries()} returns as read-only.
 */
public record ModelBundle(BundleManifest manifest, Map<String, byte[]> entries) {

    /**
     * @throws IllegalArgumentException on an unsafe or reserved entry name, no entries, too many, or a manifest
     *                                  whose non-empty {@code entrySha256} disagrees with the entries
     */
    public ModelBundle {
        if (manifest == null) {
            throw new IllegalArgumentException("ModelBundle.manifest is required");
        }
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("a model bundle needs at least one network file");
        }
        if (entries.size() > BundleFormat.MAX_ENTRIES - 2) {
            throw new IllegalArgumentException("a model bundle holds at most " + (BundleFormat.MAX_ENTRIES - 2)
                    + " network files, got " + entries.size());
        }
        Map<String, byte[]> copies = new TreeMap<>();
        Map<String, String> checksums = new TreeMap<>();
        entries.forEach((name, bytes) -> {
            BundleFormat.requireEntryName(name);
            if (bytes == null) {
                throw new IllegalArgumentException("bundle entry '" + name + "' has no bytes");
            }
            copies.put(name, bytes.clone());
            checksums.put(name, BundleFormat.sha256Hex(bytes));
        });
        if (!manifest.entrySha256().isEmpty() && !manifest.entrySha256().equals(checksums)) {
            throw new IllegalArgumentException("the manifest's entrySha256 " + manifest.entrySha256().keySet()
                    + " does not match the entries " + checksums.keySet()
                    + "; leave it empty and it is computed from the entries");
        }
        manifest = manifest.withEntrySha256(checksums);
        entries = Collections.unmodifiableMap(copies);
    }

    /** Equal when the manifests are equal and every entry has the same name and bytes. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ModelBundle that) || !manifest.equals(that.manifest)
                || !entries.keySet().equals(that.entries.keySet())) {
            return false;
        }
        return entries.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), that.entries.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        // The manifest carries every entry's SHA-256, so it stands for the bytes too.
        return manifest.hashCode();
    }

    @Override
    public String toString() {
        return "ModelBundle[" + manifest.name() + "@" + manifest.version() + ", entries="
                + entries.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().length + " bytes)")
                        .collect(Collectors.joining(", ", "[", "]")) + "]";
    }
}
