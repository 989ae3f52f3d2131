package org.xray.contracts;

/**
 * Size limits, in bytes. Topic {@code max.message.bytes}, producer {@code max.request.size} and consumer fetch
 * sizes are all derived from these, so a payload accepted at the edge is never refused further down.
 */
public final class Limits {

    private static final int MIB = 1024 * 1024;

    /** Largest raw image payload (PNG, JPEG or DICOM); larger input is refused at ingest with HTTP 413. */
    public static final int MAX_IMAGE_BYTES = 16 * MIB;

    /** Largest JSON event value; a preprocessed image at model size, even 256x256 with a mask, is about 180 KiB. */
    public static final int MAX_EVENT_BYTES = MIB;

    /** Largest model bundle. */
    public static final int MAX_ARTIFACT_BYTES = 64 * MIB;

    /** Room on top of a payload for its key, headers (dead-letter headers included) and record batch overhead. */
    public static final int RECORD_HEADROOM_BYTES = MIB;

    /** {@code max.message.bytes} of topics carrying raw images, and of their dead-letter topics. */
    public static final int IMAGE_MAX_MESSAGE_BYTES = MAX_IMAGE_BYTES + RECORD_HEADROOM_BYTES;

    /** {@code max.message.bytes} of topics carrying JSON events, and of their dead-letter topics. */
    public static final int EVENT_MAX_MESSAGE_BYTES = MAX_EVENT_BYTES + RECORD_HEADROOM_BYTES;

    /** {@code max.message.bytes} of the model artifact topic and its dead-letter topic. */
    public static final int ARTIFACT_MAX_MESSAGE_BYTES = MAX_ARTIFACT_BYTES + RECORD_HEADROOM_BYTES;

    private Limits() {
    }
}
