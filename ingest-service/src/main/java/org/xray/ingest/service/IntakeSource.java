package org.xray.ingest.service;

import java.util.EnumSet;
import java.util.Set;

import org.xray.contracts.ImageFormat;

/** The entry points of ingest: {@link #id()} is the {@code source} of the events they publish. */
public enum IntakeSource {
    HTTP_UPLOAD("ingest/http-upload", EnumSet.allOf(ImageFormat.class)),
    // STOW-RS stores DICOM instances by definition; a PNG in a part is a client error, not an image to score.
    STOW_RS("ingest/stow-rs", EnumSet.of(ImageFormat.DICOM)),
    PACS_BRIDGE("ingest/pacs-bridge", EnumSet.allOf(ImageFormat.class));

    private final String id;
    private final Set<ImageFormat> formats;

    IntakeSource(String id, Set<ImageFormat> formats) {
        this.id = id;
        this.formats = formats;
    }

    public String id() {
        return id;
    }

    public boolean accepts(ImageFormat format) {
        return formats.contains(format);
    }
}
