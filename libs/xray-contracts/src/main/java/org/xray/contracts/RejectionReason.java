package org.xray.contracts;

import java.util.Locale;

/**
 * Why a service refused an image, a request or a record: one vocabulary for the whole system. {@link #code()} is
 * stable and appears in {@code xray-error-reason} dead-letter headers, HTTP problem types and metric labels.
 */
public enum RejectionReason {
    /** No bytes at all. */
    EMPTY,
    /** Over the size limit (16 MiB for images). */
    OVERSIZE,
    /** Not PNG, JPEG or DICOM Part 10. */
    UNRECOGNIZED_FORMAT,
    /** The right format, but truncated or structurally damaged. */
    CORRUPT,
    /** A DICOM transfer syntax we cannot decode (e.g. JPEG 2000). */
    UNSUPPORTED_TRANSFER_SYNTAX,
    /** A DICOM object without pixel data (a report, say). */
    NOT_AN_IMAGE,
    /** A decodable image in which preprocessing finds no body part (blank, unexposed, not a radiograph). */
    NO_BODY_PART_FOUND,
    /** A DICOM modality other than the radiography ones configured (CR, DX). */
    UNSUPPORTED_MODALITY,
    /** Required metadata (headers, ids, body part) missing or malformed. */
    INVALID_METADATA,
    /** A JSON value that does not parse or breaks its schema. */
    INVALID_EVENT,
    /** A model bundle whose checksum or signature does not match its manifest. */
    INVALID_ARTIFACT,
    /** No loaded model serves the image's body part (and no fallback model is configured or loaded). */
    NO_MODEL,
    /** A preprocessed image whose size is not its model's input size: preprocessing and model disagree. */
    IMAGE_SIZE_MISMATCH,
    /** A preprocessed image framed or equalised otherwise than its model's training images were. */
    PREPROCESSING_MISMATCH,
    /** Anything else: a bug or an unexpected failure, kept so nothing is silently dropped. */
    PROCESSING_FAILED;

    /** Lower-kebab form of the name, e.g. {@code unsupported-transfer-syntax}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
