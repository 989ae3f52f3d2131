package org.xray.ingest.service;

/** The entry points of ingest; {@link #id()} is the {@code source} of the events it publishes. */
public enum IntakeSource {
    HTTP_UPLOAD("ingest/http-upload"),
    STOW_RS("ingest/stow-rs"),
    PACS_BRIDGE("ingest/pacs-bridge");

    private final String id;

    IntakeSource(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
