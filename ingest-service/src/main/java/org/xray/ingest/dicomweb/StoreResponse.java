package org.xray.ingest.dicomweb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xray.formats.SopReference;

/**
 * The STOW-RS Store Instances response of DICOM PS3.18 (section 10.5.3) in the DICOM JSON model: Referenced SOP
 * Sequence (0008,1199) for stored instances, Failed SOP Sequence (0008,1198) with a Failure Reason (0008,1197) for
 * the others, and the HTTP status: 200 all stored, 202 some stored, 409 none stored, 503 none stored only because
 * Kafka was unavailable (so that the sender retries instead of giving up).
 */
public final class StoreResponse {

    /** Failure Reason codes of PS3.18 Table 10.5.3-2 (and PS3.4 C-STORE statuses). */
    public enum FailureReason {
        PROCESSING_FAILURE(0x0110),
        SOP_CLASS_NOT_SUPPORTED(0x0122),
        OUT_OF_RESOURCES(0xA700),
        CANNOT_UNDERSTAND(0xC000),
        TRANSFER_SYNTAX_NOT_SUPPORTED(0xC122);

        private final int code;

        FailureReason(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private final List<Map<String, Object>> referenced = new ArrayList<>();
    private final List<Map<String, Object>> failed = new ArrayList<>();
    private boolean onlyProcessingFailures = true;

    public void referenced(String sopClassUid, String sopInstanceUid) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("00081150", uid(sopClassUid));
        item.put("00081155", uid(sopInstanceUid));
        referenced.add(item);
    }

    /** UIDs are included when the instance was readable far enough to know them. */
    public void failed(Optional<SopReference> instance, FailureReason reason) {
        Map<String, Object> item = new LinkedHashMap<>();
        instance.ifPresent(sop -> {
            item.put("00081150", uid(sop.sopClassUid()));
            item.put("00081155", uid(sop.sopInstanceUid()));
        });
        item.put("00081197", Map.of("vr", "US", "Value", List.of(reason.code())));
        failed.add(item);
        onlyProcessingFailures &= reason == FailureReason.PROCESSING_FAILURE;
    }

    public int httpStatus() {
        if (failed.isEmpty()) {
            return 200;
        }
        if (!referenced.isEmpty()) {
            return 202;
        }
        return onlyProcessingFailures ? 503 : 409;
    }

    public Map<String, Object> toDicomJson() {
        Map<String, Object> dataset = new LinkedHashMap<>();
        if (!failed.isEmpty()) {
            dataset.put("00081198", Map.of("vr", "SQ", "Value", List.copyOf(failed)));
        }
        if (!referenced.isEmpty()) {
            dataset.put("00081199", Map.of("vr", "SQ", "Value", List.copyOf(referenced)));
        }
        return dataset;
    }

    private static Map<String, Object> uid(String value) {
        return Map.of("vr", "UI", "Value", List.of(value));
    }
}
