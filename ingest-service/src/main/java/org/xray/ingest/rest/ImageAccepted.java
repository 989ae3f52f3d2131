package org.xray.ingest.rest;

import org.xray.contracts.BodyPart;
import org.xray.contracts.ImageFormat;
import org.xray.ingest.service.IntakeResult;

/** The answer to an upload: the ids to follow the image through the pipeline. */
public record ImageAccepted(String imageId, String studyId, BodyPart bodyPart, ImageFormat format, boolean duplicate) {

    static ImageAccepted of(IntakeResult result) {
        return new ImageAccepted(result.imageId(), result.studyId(), result.bodyPart(), result.format(),
                result.duplicate());
    }
}
