package org.xray.contracts;

/**
 * The version written into every event ({@code schemaVersion} in JSON, {@code xray-schema-version} as a header).
 * Changes are additive only, so a reader accepts any version from 1 up and ignores fields it does not know.
 */
public final class SchemaVersion {

    public static final int CURRENT = 1;

    private SchemaVersion() {
    }
}
