package org.xray.contracts;

/** The container formats accepted on {@code xray.images.raw}, with the media type sent as {@code content-type}. */
public enum ImageFormat {
    PNG("image/png"),
    JPEG("image/jpeg"),
    DICOM("application/dicom");

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
