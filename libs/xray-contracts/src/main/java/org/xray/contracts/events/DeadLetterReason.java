package org.xray.contracts.events;

/** Why a record went to a dead-letter topic; the name is the stable {@code xray-error-reason} code. */
public enum DeadLetterReason {
    /** The record has no value, or a zero-length one. */
    EMPTY_PAYLOAD,
    /** The payload is over the topic's limit. */
    OVERSIZE,
    /** Required headers are missing or malformed. */
    INVALID_HEADERS,
    /** A JSON value that does not parse or breaks its schema. */
    INVALID_EVENT,
    /** Image bytes that no decoder can read. */
    UNDECODABLE_IMAGE,
    /** A DICOM transfer syntax we cannot decode (e.g. JPEG 2000). */
    UNSUPPORTED_TRANSFER_SYNTAX,
    /** A DICOM modality other than radiography (CR, DX). */
    WRONG_MODALITY,
    /** A model bundle whose checksum or signature does not match its manifest. */
    INVALID_ARTIFACT,
    /** Anything else: a bug or an unexpected failure, kept so nothing is silently dropped. */
    PROCESSING_FAILED
}
